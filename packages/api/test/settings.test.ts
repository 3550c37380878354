import { describe, expect, it } from 'vitest';
import { makeApiWorld } from './support/api-world.js';

async function settingsWorld() {
  const w = await makeApiWorld();
  const shop = await w.makeShop();
  const token = await w.tokenFor(shop, ['settings:write']);
  return { w, shop, token, base: `/v1/admin/shops/${shop.shop.id}` };
}

describe('shop settings over the API', () => {
  it('reads settings; writes profile, currencies, status and domain', async () => {
    const { w, token, base } = await settingsWorld();
    const read = await w.call('GET', `${base}/settings`, { token });
    expect(read.body).toMatchObject({ baseCurrency: 'CNY', status: 'live' });
    const profile = await w.call('PUT', `${base}/settings/profile`, {
      token,
      json: { locale: 'en', texts: { name: 'Lin’an Hickory', tagline: 'Hand-cracked' } },
    });
    expect(profile.body.texts.en).toMatchObject({
      name: 'Lin’an Hickory',
      tagline: 'Hand-cracked',
    });
    const currencies = await w.call('PUT', `${base}/settings/currencies`, {
      token,
      json: { currencies: ['usd', 'GBP'] },
    });
    expect(currencies.body.buyerCurrencies).toEqual(['CNY', 'USD', 'GBP']);
    const paused = await w.call('PUT', `${base}/settings/status`, {
      token,
      json: { status: 'paused' },
    });
    expect(paused.body.status).toBe('paused');
    const domain = await w.call('PUT', `${base}/settings/domain`, {
      token,
      json: { domain: 'Hickory.example' },
    });
    expect(domain.body.customDomain).toBe('hickory.example');
  });

  it('another shop’s domain is a 409 on the field; an unwritten default language a 422', async () => {
    const { w, shop, token, base } = await settingsWorld();
    const other = await w.makeShop();
    const otherToken = await w.tokenFor(other, ['settings:write']);
    await w.call('PUT', `/v1/admin/shops/${other.shop.id}/settings/domain`, {
      token: otherToken,
      json: { domain: 'taken.example' },
    });
    const taken = await w.call('PUT', `${base}/settings/domain`, {
      token,
      json: { domain: 'taken.example' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].path).toBe('domain');
    const languages = await w.call('PUT', `${base}/settings/languages`, {
      token,
      json: { defaultLocale: 'es-MX', locales: ['en'] },
    });
    expect(languages.status).toBe(422);
    expect(languages.body.errors[0].path).toBe('defaultLocale');
    const after = await w.call('GET', `${base}/settings`, { token });
    expect(after.body).toMatchObject({
      customDomain: null,
      defaultLocale: shop.shop.defaultLocale,
    });
  });

  it('pricing: rounding rules that fit the currency, a margin typed as a percent', async () => {
    const { w, token, base } = await settingsWorld();
    const jpy = await w.call('PUT', `${base}/pricing/rounding`, {
      token,
      json: { currency: 'JPY', rounding: 'end-99' },
    });
    expect(jpy.status).toBe(400);
    expect(jpy.body.errors[0].path).toBe('rounding');
    const usd = await w.call('PUT', `${base}/pricing/rounding`, {
      token,
      json: { currency: 'USD', rounding: 'end-95', neverBelow: true },
    });
    expect(usd.body.rules).toContainEqual(
      expect.objectContaining({
        currency: 'USD',
        rounding: 'end-95',
        neverBelow: true,
        source: 'shop',
      }),
    );
    const margin = await w.call('PUT', `${base}/pricing/margin`, {
      token,
      json: { percent: '2.5' },
    });
    expect(margin.body.marginBps).toBe(250);
    const tooMuch = await w.call('PUT', `${base}/pricing/margin`, {
      token,
      json: { marginBps: 5000 },
    });
    expect(tooMuch.status).toBe(400);
    expect((await w.call('GET', `${base}/pricing`, { token })).body.marginBps).toBe(250);
  });

  it('settings:read may read but not write', async () => {
    const { w, shop, base } = await settingsWorld();
    const reader = await w.tokenFor(shop, ['settings:read']);
    expect((await w.call('GET', `${base}/settings`, { token: reader })).status).toBe(200);
    const res = await w.call('PUT', `${base}/settings/status`, {
      token: reader,
      json: { status: 'paused' },
    });
    expect(res.status).toBe(403);
  });
});
