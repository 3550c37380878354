import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  operatorContext,
  platformContext,
} from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  makeWorld,
  mexicanShop,
  request,
  signedIn,
  textOf,
  type World,
} from '../support/world.js';

const TOKEN = /aldea_[0-9a-f]{10}_[A-Za-z0-9_-]{43}/;

let w: World;
let owner: Browser;
let staff: Browser;
let trainer: Browser;
let ownerB: Browser;
let operator: Browser;

beforeAll(async () => {
  w = await makeWorld();
  owner = await signedIn(w, w.people.ownerA);
  staff = await signedIn(w, w.people.staffA);
  trainer = await signedIn(w, w.people.trainer1);
  ownerB = await signedIn(w, w.people.ownerB);
  operator = await signedIn(w, w.people.operator);
});

const base = (shopId = w.a.ctx.shop.id) => `/admin/s/${shopId}/settings/api-tokens`;
const tokensOf = (shop = w.a) => listApiTokens(shop.ctx);
const live = async (token: string) => authenticateApiToken(platformContext(w.db), token);

async function createThroughForm(browser: Browser, name: string, scopes: string[]) {
  const res = await request(w, base(), { browser, form: { name, scopes } });
  const html = await res.text();
  return { res, html, token: TOKEN.exec(html)?.[0] };
}

describe('shop API tokens: create and show once', () => {
  it('creates a token with the ticked scopes and shows its secret exactly once', async () => {
    const { res, html, token } = await createThroughForm(owner, 'Stock sync (ERP)', [
      'catalog:write',
      'orders:read',
    ]);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(token).toBeDefined();
    expect(html).toContain('Copy this token now');
    expect(await live(token!)).toMatchObject({
      shopId: w.a.ctx.shop.id,
      name: 'Stock sync (ERP)',
      scopes: ['catalog:write', 'orders:read'],
    });

    // Never again: not on the list (only the prefix), not in the activity log.
    const list = await request(w, base(), { browser: owner });
    expect(list.status).toBe(200);
    const listed = await list.text();
    expect(listed).toContain('Stock sync (ERP)');
    expect(listed).toContain(token!.slice(0, 'aldea_'.length + 10));
    expect(listed).not.toContain(token!);
    expect(listed).not.toMatch(TOKEN);
    const audit = await request(w, `/admin/s/${w.a.ctx.shop.id}/audit`, { browser: owner });
    expect(await audit.text()).not.toContain(token!);
  });

  it('lists name, prefix, scopes, created, last used and revoked', async () => {
    const made = await createApiToken(w.a.ctx, { name: 'order export', scopes: ['orders:read'] });
    await live(made.token); // "used" once
    const text = await textOf(await request(w, base(), { browser: owner }));
    expect(text).toContain('order export');
    expect(text).toContain(made.apiToken.prefix);
    expect(text).toContain('orders:read');
    expect(text).toMatch(/Created [^·]+· Last used/);
    expect(text).toContain('Never used'); // the world's fixture token
  });

  it('lets a trainer of the village manage the shop’s tokens (settings.write)', async () => {
    const { res, token } = await createThroughForm(trainer, 'trainer helper', ['catalog:read']);
    expect(res.status).toBe(200);
    expect((await live(token!))?.createdByUserId).toBe(w.people.trainer1.id);
  });

  it('is reached from the settings page, in the seller’s language', async () => {
    const settings = await request(w, `/admin/s/${w.a.ctx.shop.id}/settings`, { browser: owner });
    expect(await settings.text()).toContain(`href="${base()}"`);
    const mx = await mexicanShop(w);
    const page = await request(w, base(mx.ctx.shop.id), { browser: mx.browser });
    expect(page.status).toBe(200);
    const text = await textOf(page);
    expect(text).toContain('Tokens de API');
    expect(text).toContain('Ver productos, existencias y precios');
  });
});

describe('shop API tokens: refused forms keep the input', () => {
  it.each<[{ name: string; scopes?: string[] }, string]>([
    [{ name: '', scopes: ['catalog:write'] }, 'Fill in this field.'],
    [{ name: 'no scopes' }, 'Tick at least one permission.'],
    [{ name: 'platform scope', scopes: ['catalog:read', 'fx:write'] }, 'permission does not exist'],
    [{ name: '<script>', scopes: ['catalog:read'] }, 'Do not use &lt; or &gt;'],
  ])('refuses %j with a 400 next to the field and saves nothing', async (form, message) => {
    const before = (await tokensOf()).length;
    const res = await request(w, base(), { browser: owner, form });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).not.toMatch(TOKEN);
    if (form.name) expect(html).toMatch(/name="name"[^>]*value="[^"]+"/);
    for (const scope of form.scopes ?? []) {
      if (scope !== 'fx:write') expect(html).toMatch(new RegExp(`value="${scope}"[^>]*checked`));
    }
    expect(html).not.toContain('value="fx:write"'); // not offered on a shop
    expect((await tokensOf()).length).toBe(before);
  });
});

describe('shop API tokens: revoke', () => {
  it('asks first, then revokes: the token stops working and the list says so', async () => {
    const made = await createApiToken(w.a.ctx, { name: 'old sync', scopes: ['catalog:read'] });
    const url = `${base()}/${made.apiToken.id}/revoke`;
    const confirm = await request(w, url, { browser: owner });
    expect(confirm.status).toBe(200);
    const text = await textOf(confirm);
    expect(text).toContain('Revoke “old sync”?');
    expect(text).toContain(made.apiToken.prefix);
    expect(await live(made.token)).toBeDefined(); // a GET changes nothing

    const res = await request(w, url, { browser: owner, form: {} });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base()}?ok=apiTokens.flash.revoked`);
    expect(await live(made.token)).toBeUndefined();
    const list = await textOf(await request(w, res.headers.get('location')!, { browser: owner }));
    expect(list).toContain('Token revoked.');
    expect(list).toMatch(/old sync Revoked/);

    const again = await textOf(await request(w, url, { browser: owner }));
    expect(again).toContain('already revoked');
    expect((await request(w, url, { browser: owner, form: {} })).status).toBe(303);
  });
});

describe('shop API tokens: who may', () => {
  it('refuses staff with a 403 on every token route, and changes nothing', async () => {
    const made = await createApiToken(w.a.ctx, { name: 'kept', scopes: ['catalog:read'] });
    const before = (await tokensOf()).length;
    const url = `${base()}/${made.apiToken.id}/revoke`;
    expect((await request(w, base(), { browser: staff })).status).toBe(403);
    const create = await request(w, base(), {
      browser: staff,
      form: { name: 'sneaky', scopes: ['settings:write'] },
    });
    expect(create.status).toBe(403);
    expect((await request(w, url, { browser: staff })).status).toBe(403);
    expect((await request(w, url, { browser: staff, form: {} })).status).toBe(403);
    expect((await tokensOf()).length).toBe(before);
    expect(await live(made.token)).toBeDefined();
    // And the settings page that links here is not theirs either.
    const dashboard = await request(w, `/admin/s/${w.a.ctx.shop.id}`, { browser: staff });
    expect(await dashboard.text()).not.toContain('/settings');
  });

  it('answers 404 for another shop’s token, inside the owner’s own URLs or the other shop’s', async () => {
    const theirs = await createApiToken(w.b.ctx, { name: 'B sync', scopes: ['catalog:read'] });
    const inMine = `${base()}/${theirs.apiToken.id}/revoke`;
    expect((await request(w, inMine, { browser: owner })).status).toBe(404);
    expect((await request(w, inMine, { browser: owner, form: {} })).status).toBe(404);
    const inTheirs = `${base(w.b.ctx.shop.id)}/${theirs.apiToken.id}/revoke`;
    expect((await request(w, inTheirs, { browser: owner, form: {} })).status).toBe(404);
    expect((await request(w, base(w.b.ctx.shop.id), { browser: owner })).status).toBe(404);
    expect(await live(theirs.token)).toBeDefined();
    // B's owner sees only B's tokens.
    const bList = await request(w, base(w.b.ctx.shop.id), { browser: ownerB });
    expect(await bList.text()).not.toContain('Stock sync (ERP)');
    // A malformed id is a 404 too, not an error.
    expect((await request(w, `${base()}/nope/revoke`, { browser: owner })).status).toBe(404);
  });

  it('refuses posts without the form token or from another site (CSRF), changing nothing', async () => {
    const made = await createApiToken(w.a.ctx, { name: 'csrf target', scopes: ['catalog:read'] });
    const before = (await tokensOf()).length;
    const form = { name: 'forged', scopes: ['settings:write'] };
    for (const opts of [
      { csrf: null },
      { csrf: 'x'.repeat(43) },
      { origin: 'https://evil.example' },
    ]) {
      const create = await request(w, base(), { browser: owner, form, ...opts });
      expect(create.status).toBe(403);
      expect(await create.text()).not.toMatch(TOKEN);
      const revoke = await request(w, `${base()}/${made.apiToken.id}/revoke`, {
        browser: owner,
        form: {},
        ...opts,
      });
      expect(revoke.status).toBe(403);
    }
    expect((await tokensOf()).length).toBe(before);
    expect(await live(made.token)).toBeDefined();
  });
});

describe('platform API tokens (operator screens)', () => {
  const url = '/admin/operator/api-tokens';

  it('creates an fx:write token shown once, lists and revokes it', async () => {
    const nav = await request(w, '/admin/operator/villages', { browser: operator });
    expect(await nav.text()).toContain(`href="${url}"`);
    const created = await request(w, url, {
      browser: operator,
      form: { name: 'ECB nightly', scopes: ['fx:write'] },
    });
    expect(created.status).toBe(200);
    const token = TOKEN.exec(await created.text())?.[0];
    expect(await live(token!)).toMatchObject({ shopId: null, scopes: ['fx:write'] });
    const list = await request(w, url, { browser: operator });
    const html = await list.text();
    expect(html).toContain('ECB nightly');
    expect(html).not.toMatch(TOKEN);

    const made = await live(token!);
    const revokeUrl = `${url}/${made!.id}/revoke`;
    expect((await request(w, revokeUrl, { browser: operator })).status).toBe(200);
    const res = await request(w, revokeUrl, { browser: operator, form: {} });
    expect(res.status).toBe(303);
    expect(await live(token!)).toBeUndefined();
  });

  it('refuses shop scopes on a platform token, keeping the name', async () => {
    const op = await operatorContext(platformContext(w.db));
    const before = (await listApiTokens(op)).length;
    const res = await request(w, url, {
      browser: operator,
      form: { name: 'too wide', scopes: ['settings:write'] },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('This permission does not exist.');
    expect(html).toContain('value="too wide"');
    expect((await listApiTokens(op)).length).toBe(before);
  });

  it('is a 404 for everyone else, and a shop token is not a platform token', async () => {
    for (const who of [owner, trainer, staff]) {
      expect((await request(w, url, { browser: who })).status).toBe(404);
      const post = await request(w, url, {
        browser: who,
        form: { name: 'x', scopes: ['fx:write'] },
      });
      expect(post.status).toBe(404);
    }
    const revokeShopToken = `${url}/${w.a.tokenId}/revoke`;
    expect((await request(w, revokeShopToken, { browser: operator })).status).toBe(404);
    expect((await request(w, revokeShopToken, { browser: operator, form: {} })).status).toBe(404);
    expect((await tokensOf()).find((t) => t.id === w.a.tokenId)?.revokedAt).toBeNull();
  });
});
