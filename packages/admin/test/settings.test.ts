import { getPricingSettings, getShopSettings, listAuditLog } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeWorld, mexicanShop, request, signedIn, textOf, uniq } from './support/world.js';

describe('shop settings', () => {
  it('saves the story per language and keeps the input with the error in the seller’s language', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const url = `/admin/s/${mx.ctx.shop.id}/settings`;
    const bad = await request(w, `${url}/profile`, {
      browser: mx.browser,
      form: {
        locale: 'es-MX',
        'texts.name': '',
        'texts.story': 'Tres generaciones labrando piedra.',
      },
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Tres generaciones labrando piedra.');
    expect(html).toMatch(/name="texts\.name"[^>]*aria-invalid="true"/);
    expect(html).toContain('Llena este campo.');
    const ok = await request(w, `${url}/profile`, {
      browser: mx.browser,
      form: {
        locale: 'en',
        'texts.name': 'Doña Lupe’s molcajetes',
        'texts.story': 'Three generations.',
      },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain('locale=en');
    const settings = await getShopSettings(mx.ctx);
    expect(settings.texts.en?.name).toBe('Doña Lupe’s molcajetes');
    expect(settings.texts['es-MX']?.name).toBe('Molcajetes Doña Lupe');
  });

  it('sets currencies, rounding and margin; a rule that does not fit the currency is refused', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/settings`;
    const res = await request(w, `${url}/currencies`, {
      browser: owner,
      form: { currencies: ['USD', 'EUR', 'JPY'] },
    });
    expect(res.status).toBe(303);
    expect((await getShopSettings(w.a.ctx)).buyerCurrencies).toEqual(['CNY', 'USD', 'EUR', 'JPY']);
    const yen = await request(w, `${url}/rounding`, {
      browser: owner,
      form: { currency: 'JPY', rounding: 'end-99' },
    });
    expect(yen.status).toBe(400);
    const ok = await request(w, `${url}/rounding`, {
      browser: owner,
      form: { currency: 'JPY', rounding: 'step-10', neverBelow: 'on' },
    });
    expect(ok.status).toBe(303);
    const margin = await request(w, `${url}/margin`, { browser: owner, form: { percent: '2.5' } });
    expect(margin.status).toBe(303);
    const ctx = {
      ...w.a.ctx,
      shop: { ...w.a.ctx.shop, buyerCurrencies: ['CNY', 'USD', 'EUR', 'JPY'] },
    };
    const pricing = await getPricingSettings(ctx);
    expect(pricing.marginBps).toBe(250);
    expect(pricing.rules.find((r) => r.currency === 'JPY')).toMatchObject({
      rounding: 'step-10',
      neverBelow: true,
    });
    const log = await listAuditLog(w.a.ctx);
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['shop.currencies.set', 'pricing.rounding.set', 'pricing.margin.set']),
    );
  });

  it("refuses another shop's domain next to the field, pauses and reopens", async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const ownerB = await signedIn(w, w.people.ownerB);
    const domain = `shop-${uniq()}.example.com`;
    const mine = await request(w, `/admin/s/${w.b.ctx.shop.id}/settings/domain`, {
      browser: ownerB,
      form: { domain },
    });
    expect(mine.status).toBe(303);
    const taken = await request(w, `/admin/s/${w.a.ctx.shop.id}/settings/domain`, {
      browser: owner,
      form: { domain },
    });
    expect(taken.status).toBe(409);
    const html = await taken.text();
    expect(html).toContain(`value="${domain}"`);
    expect(html).toContain('This is already in use');
    const pause = await request(w, `/admin/s/${w.a.ctx.shop.id}/settings/status`, {
      browser: owner,
      form: { status: 'paused' },
    });
    expect(pause.status).toBe(303);
    expect((await getShopSettings(w.a.ctx)).status).toBe('paused');
    const page = await textOf(
      await request(w, `/admin/s/${w.a.ctx.shop.id}/settings`, { browser: owner }),
    );
    expect(page).toContain('Open the shop');
  });

  it('records what a trainer changes, and shows it on the activity log page', async () => {
    const w = await makeWorld();
    const trainer = await signedIn(w, w.people.trainer1);
    await request(w, `/admin/s/${w.a.ctx.shop.id}/settings/profile`, {
      browser: trainer,
      form: { locale: 'en', 'texts.name': 'Helped by the trainer' },
    });
    const owner = await signedIn(w, w.people.ownerA);
    const log = await textOf(
      await request(w, `/admin/s/${w.a.ctx.shop.id}/audit`, { browser: owner }),
    );
    expect(log).toContain('trainer-1');
    expect(log).toContain('Trainer');
    expect(log).toContain('shop.profile.update');
  });
});
