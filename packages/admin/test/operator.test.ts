import { readFileSync } from 'node:fs';
import { listLatestRates, listVillages } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeWorld, request, signedIn, textOf, uniq } from './support/world.js';

const ECB = new URL('../../core/test/fixtures/ecb/eurofxref-daily.xml', import.meta.url);

describe('operator screens', () => {
  it('creates a village, a shop with its owner, and a user; errors keep the input', async () => {
    const w = await makeWorld();
    const op = await signedIn(w, w.people.operator);
    const slug = `tonala-${uniq()}`;
    const village = await request(w, '/admin/operator/villages', {
      browser: op,
      form: {
        name: 'Tonalá',
        region: 'Jalisco',
        slug,
        country: 'mx',
        defaultLocale: 'es-MX',
        defaultCurrency: 'mxn',
      },
    });
    expect(village.status).toBe(303);
    const v = (await listVillages(w.platform)).find((x) => x.slug === slug)!;
    expect(v).toMatchObject({ country: 'MX', defaultCurrency: 'MXN', name: 'Tonalá' });

    const bad = await request(w, '/admin/operator/shops', {
      browser: op,
      form: {
        villageId: v.id,
        name: 'Barro',
        slug: 'barro',
        baseCurrency: 'XYZ',
        defaultLocale: 'es-MX',
      },
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="XYZ"');
    expect(html).toContain('Unknown currency code.');

    const shop = await request(w, '/admin/operator/shops', {
      browser: op,
      form: {
        villageId: v.id,
        name: 'Barro bruñido',
        slug: `barro-${uniq()}`,
        baseCurrency: 'MXN',
        defaultLocale: 'es-MX',
        ownerUserId: w.people.nobody.id,
      },
    });
    expect(shop.status).toBe(303);
    const nobody = await signedIn(w, w.people.nobody);
    const home = await request(w, '/admin', { browser: nobody });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toMatch(/^\/admin\/s\/shop_/);

    const user = await request(w, '/admin/operator/users', {
      browser: op,
      form: { name: 'Doña Rosa', phone: '+5213312345678', locale: 'es-MX' },
    });
    expect(user.status).toBe(303);
    const list = await textOf(await request(w, '/admin/operator/users?q=Rosa', { browser: op }));
    expect(list).toContain('Doña Rosa');
    expect(list).toContain('No password yet');
  });

  it('imports the ECB file, shows rates with their age, and sets a manual rate', async () => {
    const w = await makeWorld();
    const op = await signedIn(w, w.people.operator);
    const body = new FormData();
    body.append('file', new File([readFileSync(ECB)], 'eurofxref-daily.xml', { type: 'text/xml' }));
    const imported = await request(w, '/admin/operator/fx/import', { browser: op, body });
    expect(imported.status).toBe(200);
    expect(await textOf(imported)).toMatch(/\d+ rates imported/);
    expect(
      (await listLatestRates(w.platform)).some((r) => r.base === 'EUR' && r.quote === 'USD'),
    ).toBe(true);

    const broken = new FormData();
    broken.append('file', new File(['<not-ecb/>'], 'x.xml', { type: 'text/xml' }));
    const refused = await request(w, '/admin/operator/fx/import', { browser: op, body: broken });
    expect(refused.status).toBe(400);

    const bad = await request(w, '/admin/operator/fx/manual', {
      browser: op,
      form: { base: 'USD', quote: 'USD', rate: '1' },
    });
    expect(bad.status).toBe(400);
    const ok = await request(w, '/admin/operator/fx/manual', {
      browser: op,
      form: { base: 'USD', quote: 'MXN', rate: '19.85' },
    });
    expect(ok.status).toBe(303);
    const page = await textOf(await request(w, '/admin/operator/fx', { browser: op }));
    expect(page).toContain('USD→MXN');
    expect(page).toContain('19.85');
    expect(page).toContain('Fresh');
  });

  it('disables a user (their sessions end) and sends a set-password link', async () => {
    const w = await makeWorld();
    const op = await signedIn(w, w.people.operator);
    const victim = await signedIn(w, w.people.staffA);
    const res = await request(w, `/admin/operator/users/${w.people.staffA.id}/disable`, {
      browser: op,
      form: {},
    });
    expect(res.status).toBe(303);
    expect((await request(w, '/admin/account', { browser: victim })).status).toBe(303);
    const reset = await request(w, `/admin/operator/users/${w.people.ownerB.id}/reset`, {
      browser: op,
      form: {},
    });
    expect(reset.headers.get('location')).toContain('ok=operator.resetSent');
    const rows = await w.db.read.query.outbox.findMany();
    expect(rows.some((r) => r.payload.userId === w.people.ownerB.id)).toBe(true);
  });
});
