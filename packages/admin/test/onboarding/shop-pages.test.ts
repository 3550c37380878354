import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeWorld, request, signedIn, textOf } from '../support/world.js';
import { csvForm } from './support.js';

const PRODUCTS = new URL('../../../core/test/fixtures/csv/products/', import.meta.url);

describe("the seller's onboarding pages", () => {
  it('imports a product sheet (GBK) after a dry run, and refuses a bad one row by row', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const shopId = w.a.ctx.shop.id;
    const gbk = readFileSync(new URL('good-gbk.csv', PRODUCTS));
    const dry = await request(w, `/admin/s/${shopId}/onboarding/import`, {
      browser: owner,
      body: csvForm(gbk, { mode: 'dry-run' }),
    });
    expect(dry.status).toBe(200);
    expect(await textOf(dry)).toContain('3 row(s): 2 new');
    const before = await w.db.read.get<{ n: number }>(
      sql`select count(*) as n from products where shop_id = ${shopId}`,
    );
    const done = await request(w, `/admin/s/${shopId}/onboarding/import`, {
      browser: owner,
      body: csvForm(gbk, { mode: 'all-or-nothing' }),
    });
    expect(await textOf(done)).toContain('Imported.');
    const after = await w.db.read.get<{ n: number }>(
      sql`select count(*) as n from products where shop_id = ${shopId}`,
    );
    expect(after!.n).toBe(before!.n + 2);
    const bad = readFileSync(new URL('malformed/bad-price.csv', PRODUCTS));
    const refused = await request(w, `/admin/s/${shopId}/onboarding/import`, {
      browser: owner,
      body: csvForm(bad, { mode: 'all-or-nothing' }),
    });
    const text = (await textOf(refused)).replace(/&quot;/g, '"');
    expect(text).toContain('Nothing was saved.');
    expect(text).toContain('Row 2, column price: "ochocientos" is not a price in CNY.');
  });

  it('takes a sheet larger than an ordinary form (a 3 MB dry run is read, not refused with 413)', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const header = 'sku,title_zh-CN,price,stock,weight_grams\n';
    const row = (i: number) => `BIG-${i},山核桃 ${i},88,5,250\n`;
    let csv = header;
    for (let i = 0; csv.length < 3 * 1024 * 1024; i++) csv += row(i);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/onboarding/import`, {
      browser: owner,
      body: csvForm(csv, { mode: 'dry-run' }),
    });
    expect(res.status).not.toBe(413);
  });

  it('shows the seller the next onboarding step on the dashboard, and trainers their villages', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const shopId = w.a.ctx.shop.id;
    const res = await request(w, `/admin/s/${shopId}`, { browser: owner });
    const dashboard = await res.text();
    expect(dashboard).toContain('Getting started');
    expect(dashboard).toContain(`href="/admin/s/${shopId}/onboarding"`);
    const trainer = await signedIn(w, w.people.trainer1);
    const home = await (await request(w, '/admin', { browser: trainer })).text();
    expect(home).toContain(`href="/admin/trainer/v/${w.villages.v1.id}"`);
  });

  it("keeps other shops' people out, lets staff read and import, and records a price from before", async () => {
    const w = await makeWorld();
    const shopId = w.a.ctx.shop.id;
    const ownerB = await signedIn(w, w.people.ownerB);
    expect((await request(w, `/admin/s/${shopId}/onboarding`, { browser: ownerB })).status).toBe(
      404,
    );
    expect(
      (await request(w, `/admin/s/${shopId}/onboarding/import`, { browser: ownerB })).status,
    ).toBe(404);
    const staff = await signedIn(w, w.people.staffA);
    const page = await request(w, `/admin/s/${shopId}/onboarding`, { browser: staff });
    expect(page.status).toBe(200);
    expect(await textOf(page)).toContain('Your next step');
    const owner = await signedIn(w, w.people.ownerA);
    const saved = await request(w, `/admin/s/${shopId}/onboarding/before-price`, {
      browser: owner,
      form: { price: '60', currency: 'CNY', note: 'market' },
    });
    expect(saved.status).toBe(303);
    const row = await w.db.read.get<{ amount_minor: number }>(
      sql`select amount_minor from pre_online_prices where shop_id = ${shopId}`,
    );
    expect(row!.amount_minor).toBe(6000);
    const wrong = await request(w, `/admin/s/${shopId}/onboarding/before-price`, {
      browser: owner,
      form: { price: 'sesenta', currency: 'CNY' },
    });
    expect(wrong.status).toBe(400);
  });
});
