import { describe, expect, it } from 'vitest';
import { actingAs, memberOf } from '../../test/support/auth-factories.js';
import { makeShop, uniq } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { listAuditLog } from '../audit/list-audit-log.js';
import { isAldeaError } from '../errors.js';
import { getShopView, shopContext } from '../tenancy/shops.js';
import { getShopSettings } from './shop-settings.js';
import {
  setBuyerCurrencies,
  setCustomDomain,
  setShopLanguages,
  setShopStatus,
  updateShopProfile,
} from './update-shop-settings.js';

const text = { name: 'Molcajetes Doña Lupe', story: 'Piedra volcánica de Comonfort.' };

describe('shop settings', () => {
  it('lets the owner write the profile per language and reads it back per locale', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const owner = await memberOf(shop, 'owner');
    await updateShopProfile(owner, {
      locale: 'en',
      texts: { name: 'Hickory Hill', tagline: 'Nuts' },
    });
    const settings = await getShopSettings(owner);
    expect(settings.texts.en).toMatchObject({ name: 'Hickory Hill', tagline: 'Nuts', story: '' });
    expect(settings.texts['zh-CN']?.name).toBe('山核桃小店');
    const view = await getShopView({ ...owner, locale: 'en' });
    expect(view.name).toBe('Hickory Hill');
  });

  it('refuses a profile in a language the shop does not write in, naming the field', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const owner = await memberOf(shop, 'owner');
    const err = await updateShopProfile(owner, { locale: 'es-MX', texts: text }).catch((e) => e);
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect(err.issues[0].path).toBe('locale');
  });

  it('refuses staff (403) and strangers (404) without changing anything', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const staff = await memberOf(shop, 'staff');
    const other = await makeShop(db);
    const stranger = await memberOf(other, 'owner');
    const asStranger = await shopContext(actingAs(db, stranger.userId), shop.shop.id);
    for (const [ctx, code] of [
      [staff, 'FORBIDDEN'],
      [asStranger, 'NOT_FOUND'],
    ] as const) {
      const errs = await Promise.all([
        updateShopProfile(ctx, { locale: 'en', texts: text }).catch((e) => e),
        setBuyerCurrencies(ctx, { currencies: ['GBP'] }).catch((e) => e),
        setCustomDomain(ctx, { domain: 'evil.example.com' }).catch((e) => e),
        setShopStatus(ctx, { status: 'paused' }).catch((e) => e),
        setShopLanguages(ctx, { defaultLocale: 'en' }).catch((e) => e),
      ]);
      for (const e of errs) expect(isAldeaError(e, code)).toBe(true);
    }
    const after = await getShopSettings(shop);
    expect(after.status).toBe('live');
    expect(after.customDomain).toBeNull();
    expect(after.buyerCurrencies).toEqual(['CNY', 'USD', 'EUR', 'JPY']);
  });

  it('keeps the base currency among buyer currencies and audits the change', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const owner = await memberOf(shop, 'owner');
    expect(await setBuyerCurrencies(owner, { currencies: ['usd', 'GBP'] })).toEqual([
      'CNY',
      'USD',
      'GBP',
    ]);
    const log = await listAuditLog(owner);
    expect(log.items[0]).toMatchObject({ action: 'shop.currencies.set', actorRole: 'owner' });
    const bad = await setBuyerCurrencies(owner, { currencies: ['XYZ'] }).catch((e) => e);
    expect(bad.issues[0].path).toBe('currencies.0');
  });

  it('audits every change a trainer makes', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const trainer = await memberOf(shop, 'trainer');
    await updateShopProfile(trainer, { locale: 'en', texts: { name: 'Helped' } });
    await setShopStatus(trainer, { status: 'paused' });
    const log = await listAuditLog(trainer);
    expect(log.items.map((i) => [i.action, i.actorRole])).toEqual([
      ['shop.status.set', 'trainer'],
      ['shop.profile.update', 'trainer'],
    ]);
  });

  it("refuses another shop's custom domain with a CONFLICT on the field", async () => {
    const db = await makeTestDb();
    const a = await makeShop(db);
    const b = await makeShop(db);
    const domain = `shop-${uniq()}.example.com`;
    await setCustomDomain(a, { domain });
    const err = await setCustomDomain(b, { domain }).catch((e) => e);
    expect(isAldeaError(err, 'CONFLICT')).toBe(true);
    expect(err.issues[0].path).toBe('domain');
    expect((await getShopSettings(b)).customDomain).toBeNull();
    await setCustomDomain(a, { domain: null });
    expect((await getShopSettings(a)).customDomain).toBeNull();
  });

  it('sets languages, refusing a default with no shop name in it (nothing saved)', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db);
    const err = await setShopLanguages(shop, { defaultLocale: 'es-MX', locales: ['en'] }).catch(
      (e) => e,
    );
    expect(err.issues[0].path).toBe('defaultLocale');
    expect((await getShopSettings(shop)).defaultLocale).toBe('zh-CN');
    await setShopLanguages(shop, { defaultLocale: 'en', locales: ['zh-CN', 'es-MX'] });
    const s = await getShopSettings(shop);
    expect(s.defaultLocale).toBe('en');
    expect(s.locales).toEqual(['en', 'zh-CN', 'es-MX']);
  });

  it('pauses and reopens, keeping the first live date', async () => {
    const db = await makeTestDb();
    const shop = await makeShop(db, { status: 'onboarding' });
    await setShopStatus(shop, { status: 'live' });
    const first = (await getShopSettings(shop)).liveAt;
    expect(first).toBeInstanceOf(Date);
    await setShopStatus(shop, { status: 'paused' });
    await setShopStatus(shop, { status: 'live' });
    const s = await getShopSettings(shop);
    expect(s.status).toBe('live');
    expect(s.liveAt).toEqual(first);
  });
});
