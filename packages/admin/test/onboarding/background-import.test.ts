import { readFileSync } from 'node:fs';
import {
  assignTrainer,
  createCohort,
  createUser,
  importJobHandlers,
  platformContext,
  runJobs,
} from '@aldea/core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  makeWorld,
  PASSWORD,
  request,
  signedIn,
  TEST_COST,
  textOf,
  uniq,
  type World,
} from '../support/world.js';
import { csvForm, trainerCtx } from './support.js';

const SELLERS = new URL('../../../core/test/fixtures/csv/sellers/', import.meta.url);

/** A products sheet over the default 256 KB threshold: 150 products with long descriptions. */
function bigSheet(): string {
  const lines = ['product,sku,title_zh-CN,description_zh-CN,price,stock,weight_g'];
  const words = '手工炒制的临安山核桃，'.repeat(60);
  for (let i = 0; i < 150; i++) lines.push(`p${i},BIG-${i},山核桃 ${i},${words}${i},88,5,250`);
  return `${lines.join('\n')}\n`;
}

/** What the server's worker does, here and now. */
function runWorker(w: World, at?: Date) {
  const clock = at ? { now: () => at } : undefined;
  return runJobs(platformContext(w.db, clock ? { clock } : {}), {
    handlers: importJobHandlers(w.storage),
  });
}

const importKeys = (w: World) => w.storage.keys().filter((k) => k.startsWith('imports/'));

describe('large imports run in the background with a progress page', () => {
  it('a big product sheet: 303 to a refreshing progress page, then the same report as a direct import', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const shopId = w.a.ctx.shop.id;
    const csv = bigSheet();
    expect(new TextEncoder().encode(csv).byteLength).toBeGreaterThan(256 * 1024);
    const posted = await request(w, `/admin/s/${shopId}/onboarding/import`, {
      browser: owner,
      body: csvForm(csv, { mode: 'all-or-nothing' }, 'big.csv'),
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/admin/s/${shopId}/onboarding/import/job_[0-9a-z]+$`));

    const waiting = await request(w, location, { browser: owner });
    expect(waiting.status).toBe(200);
    const html = await waiting.text();
    expect(html).toContain('<meta http-equiv="refresh" content="2"');
    // In the head, where it belongs (hono/jsx hoists it), so it works without JavaScript.
    expect(html.indexOf('http-equiv="refresh"')).toBeLessThan(html.indexOf('</head>'));
    expect(html).toMatch(/<progress class="import-bar" max="100" value="0">/);
    expect(html).toContain('Waiting to start');
    expect(html).toContain('Importing big.csv');

    // What a reload shows while a worker is checking the sheet (as its progress writes leave it).
    const jobId = location.split('/').at(-1)!;
    await w.db.transaction((tx) =>
      tx.run(sql`update jobs set status = 'running', progress = 30 where id = ${jobId}`),
    );
    const running = await request(w, location, { browser: owner });
    expect(await textOf(running)).toContain('Checking the sheet… 30% done');
    await w.db.transaction((tx) =>
      tx.run(sql`update jobs set status = 'queued', progress = 0 where id = ${jobId}`),
    );

    expect(await runWorker(w)).toMatchObject({ done: 1 });
    const done = await request(w, location, { browser: owner });
    const page = await done.text();
    expect(page).not.toContain('http-equiv="refresh"');
    const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Imported.');
    expect(text).toContain('150 row(s): 150 new');
    expect(importKeys(w)).toEqual([]);

    // Another shop's owner: not through their own shop's path, not through this one.
    const ownerB = await signedIn(w, w.people.ownerB);
    const bPath = `/admin/s/${w.b.ctx.shop.id}/onboarding/import/${jobId}`;
    expect((await request(w, bPath, { browser: ownerB })).status).toBe(404);
    expect((await request(w, location, { browser: ownerB })).status).toBe(404);
  });

  it('keeps small files synchronous, and says clearly when a background import failed', async () => {
    const w = await makeWorld({ backgroundImportBytes: 100 });
    const owner = await signedIn(w, w.people.ownerA);
    const shopId = w.a.ctx.shop.id;
    const csv = 'product,sku,title_zh-CN,price,stock,weight_g\np1,S-1,山核桃,88,5,250\n';
    const small = await request(w, `/admin/s/${shopId}/onboarding/import`, {
      browser: owner,
      body: csvForm(csv.slice(0, 60), { mode: 'dry-run' }),
    });
    expect(small.status).toBe(200);
    const posted = await request(w, `/admin/s/${shopId}/onboarding/import`, {
      browser: owner,
      body: csvForm(csv.repeat(3), { mode: 'dry-run' }),
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    // The upload disappears before the worker gets to it: one retry, then failed for good.
    for (const key of importKeys(w)) await w.storage.delete(key);
    expect(await runWorker(w)).toMatchObject({ retried: 1 });
    expect(await runWorker(w, new Date(Date.now() + 10 * 60_000))).toMatchObject({ failed: 1 });
    const failed = await request(w, location, { browser: owner });
    expect(failed.status).toBe(200);
    const html = await failed.text();
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('The import could not finish, so nothing was saved.');
    expect(html).not.toContain('no longer there'); // the cause is for logs, not for sellers
  });

  it('a sellers sheet: trainer sees progress then the cohort report; other people get 404', async () => {
    const w = await makeWorld({ backgroundImportBytes: 1000 });
    const trainer = await signedIn(w, w.people.trainer1);
    const cohort = await createCohort(trainerCtx(w), {
      villageId: w.villages.v1.id,
      name: `Spring ${uniq()}`,
    });
    const page = `/admin/trainer/c/${cohort.id}`;
    const sheet = readFileSync(new URL('sellers-30.csv', SELLERS));
    const posted = await request(w, `${page}/import`, {
      browser: trainer,
      body: csvForm(sheet, { mode: 'all-or-nothing', delivery: 'print' }),
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${page}/import/job_[0-9a-z]+$`));
    const waiting = await textOf(await request(w, location, { browser: trainer }));
    expect(waiting).toContain('Waiting to start');

    await runWorker(w);
    const done = await request(w, location, { browser: trainer });
    expect(done.status).toBe(200);
    const text = await textOf(done);
    expect(text).toContain('Imported.');
    expect(text).toContain('30 row(s): 30 new');
    expect(text).toContain(cohort.name);

    // A trainer of another village, a shop owner, and the right job under another cohort: 404.
    const platform = platformContext(w.db);
    const email = `trainer-2-${uniq()}@example.com`;
    const other = await createUser(
      platform,
      { name: 'Trainer 2', email, password: PASSWORD, locale: 'en' },
      { passwordCost: TEST_COST },
    );
    await assignTrainer(platform, w.villages.v2.id, other.id);
    const trainer2 = await signedIn(w, { id: other.id, email });
    expect((await request(w, location, { browser: trainer2 })).status).toBe(404);
    const ownerA = await signedIn(w, w.people.ownerA);
    expect((await request(w, location, { browser: ownerA })).status).toBe(404);
    const second = await createCohort(trainerCtx(w), { villageId: w.villages.v1.id, name: 'B' });
    const jobId = location.split('/').at(-1)!;
    const elsewhere = `/admin/trainer/c/${second.id}/import/${jobId}`;
    expect((await request(w, elsewhere, { browser: trainer })).status).toBe(404);
  });
});
