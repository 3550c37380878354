import { listAuditLog, listShippingZones } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  makeWorld,
  request,
  signedIn,
  textOf,
  type World,
} from '../support/world.js';

let w: World;
let owner: Browser;
const base = () => `/admin/s/${w.a.ctx.shop.id}/shipping`;

beforeAll(async () => {
  w = await makeWorld();
  owner = await signedIn(w, w.people.ownerA);
});

async function addZone(form: Record<string, string>) {
  const res = await request(w, `${base()}/zones`, { browser: owner, form });
  expect(res.status, await res.clone().text()).toBe(303);
  const id = /\/zones\/([^/?]+)/.exec(res.headers.get('location')!)![1]!;
  return id;
}

describe('shipping zones and rates', () => {
  it('adds a zone with tax, then a rate by weight with a free threshold, shown in the shop currency', async () => {
    const zoneId = await addZone({
      name: 'Mexico',
      countries: 'mx',
      taxRate: '16',
      taxInclusive: 'on',
    });
    const rate = await request(w, `${base()}/zones/${zoneId}/rates`, {
      browser: owner,
      form: {
        name: 'Estafeta',
        minWeightGrams: '0',
        maxWeightGrams: '5000',
        price: '150',
        freeOver: '3000',
        deliveryDaysMin: '2',
        deliveryDaysMax: '5',
      },
    });
    expect(rate.status).toBe(303);
    expect(rate.headers.get('location')).toContain('ok=shipping.flash.rateSaved');
    const zone = (await listShippingZones(w.a.ctx)).find((z) => z.id === zoneId)!;
    expect(zone).toMatchObject({ countries: ['MX'], taxRateBps: 1600, taxInclusive: true });
    expect(zone.rates[0]).toMatchObject({
      name: { en: 'Estafeta' },
      maxWeightGrams: 5000,
      amountMinor: 15000,
      freeOverMinor: 300000,
      currency: 'CNY',
    });
    const page = await textOf(await request(w, base(), { browser: owner }));
    expect(page).toContain('Prices are in CNY');
    expect(page).toContain('Mexico');
    expect(page).toContain('Tax 16%, included in your prices');
    expect(page).toMatch(/0–5000 g · CN¥150\.00 · 2–5 days · free from CN¥3,000\.00/);
    const log = (await listAuditLog(w.a.ctx)).items.map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(['shipping.zone.create', 'shipping.rate.create']));
  });

  it('keeps the input and names the field: bad countries, a bad percentage, a country taken', async () => {
    const bad = await request(w, `${base()}/zones`, {
      browser: owner,
      form: { name: 'North America', countries: 'US, Canada', taxRate: 'lots' },
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="North America"');
    expect(html).toContain('value="US, Canada"');
    expect(html).toMatch(/name="countries"[^>]*aria-invalid="true"/);
    expect(html).toContain('Use two-letter country codes such as MX or US, or *.');
    expect(html).toContain('Type a percentage from 0 to 100');

    await addZone({ name: 'USA', countries: 'US' });
    const taken = await request(w, `${base()}/zones`, {
      browser: owner,
      form: { name: 'North America', countries: 'US，CA' },
    });
    expect(taken.status).toBe(409);
    expect(await textOf(taken)).toContain('US: already in the zone “USA”.');
    expect((await listShippingZones(w.a.ctx)).some((z) => z.name === 'North America')).toBe(false);
  });

  it('refuses a weight band or days the wrong way round, and too many decimals', async () => {
    const zoneId = await addZone({ name: 'Japan', countries: 'JP' });
    const res = await request(w, `${base()}/zones/${zoneId}/rates`, {
      browser: owner,
      form: {
        name: 'EMS',
        minWeightGrams: '2000',
        maxWeightGrams: '1000',
        price: '120',
        deliveryDaysMin: '9',
        deliveryDaysMax: '4',
      },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Must be more than the “from” weight.');
    expect(html).toContain('Must be at least the “from” days.');
    expect(html).toContain('value="EMS"');
    const decimals = await request(w, `${base()}/zones/${zoneId}/rates`, {
      browser: owner,
      form: { name: 'EMS', price: '12.345', deliveryDaysMin: '4', deliveryDaysMax: '9' },
    });
    expect(decimals.status).toBe(400);
    expect(await decimals.text()).toMatch(/name="price"[^>]*aria-invalid="true"/);
    expect((await listShippingZones(w.a.ctx)).find((z) => z.id === zoneId)!.rates).toEqual([]);
  });

  it('edits a rate in one language and keeps its names in the others; deletes rates and zones', async () => {
    const fixture = (await listShippingZones(w.a.ctx)).find((z) => z.id === w.a.zoneId)!;
    const rate = fixture.rates[0]!;
    const page = await request(w, `${base()}/rates/${rate.id}`, { browser: owner });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('value="50.00"');
    const edit = await request(w, `${base()}/rates/${rate.id}`, {
      browser: owner,
      form: {
        name: 'Registered parcel',
        minWeightGrams: '0',
        maxWeightGrams: '',
        price: '65',
        freeOver: '',
        deliveryDaysMin: '6',
        deliveryDaysMax: '14',
      },
    });
    expect(edit.status).toBe(303);
    const after = (await listShippingZones(w.a.ctx)).find((z) => z.id === w.a.zoneId)!.rates[0]!;
    expect(after).toMatchObject({
      amountMinor: 6500,
      deliveryDaysMax: 14,
      name: { en: 'Registered parcel', 'zh-CN': '包裹', 'es-MX': 'Paquete' },
    });

    const zoneId = await addZone({ name: 'Korea', countries: 'KR' });
    await request(w, `${base()}/zones/${zoneId}/rates`, {
      browser: owner,
      form: { name: 'K-Packet', price: '80', deliveryDaysMin: '5', deliveryDaysMax: '9' },
    });
    const kr = (await listShippingZones(w.a.ctx)).find((z) => z.id === zoneId)!;
    const del = await request(w, `${base()}/rates/${kr.rates[0]!.id}/delete`, {
      browser: owner,
      form: {},
    });
    expect(del.status).toBe(303);
    const delZone = await request(w, `${base()}/zones/${zoneId}/delete`, {
      browser: owner,
      form: {},
    });
    expect(delZone.status).toBe(303);
    expect((await listShippingZones(w.a.ctx)).some((z) => z.id === zoneId)).toBe(false);
  });

  it("is the owner's: staff get 403, another shop's zone or rate is a 404", async () => {
    const staff = await signedIn(w, w.people.staffA);
    expect((await request(w, base(), { browser: staff })).status).toBe(403);
    // The menu shows the owner the section, and staff not.
    const home = `/admin/s/${w.a.ctx.shop.id}`;
    expect(await (await request(w, home, { browser: owner })).text()).toContain(`href="${base()}"`);
    expect(await (await request(w, home, { browser: staff })).text()).not.toContain(
      `href="${base()}"`,
    );
    const post = await request(w, `${base()}/zones`, {
      browser: staff,
      form: { name: 'Sneaky', countries: 'FR' },
    });
    expect(post.status).toBe(403);
    const foreignZone = await request(w, `${base()}/zones/${w.b.zoneId}`, {
      browser: owner,
      form: { name: 'Mine now', countries: 'DE' },
    });
    expect(foreignZone.status).toBe(404);
    const foreignRate = await request(w, `${base()}/rates/${w.b.rateId}/delete`, {
      browser: owner,
      form: {},
    });
    expect(foreignRate.status).toBe(404);
    const bZones = await listShippingZones(w.b.ctx);
    expect(bZones.find((z) => z.id === w.b.zoneId)).toMatchObject({ countries: ['*'] });
    expect(bZones.flatMap((z) => z.rates).map((r) => r.id)).toContain(w.b.rateId);
  });
});
