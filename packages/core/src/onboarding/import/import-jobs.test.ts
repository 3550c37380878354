import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { contextAs } from '../../../test/support/catalog-factories.js';
import { makeShop } from '../../../test/support/factories.js';
import { scratchDir } from '../../../test/support/scratch-dir.js';
import { makeTestDb } from '../../../test/support/test-db.js';
import type { Database } from '../../db/database.js';
import type { JobHandlers } from '../../jobs/run-jobs.js';
import { runJobs } from '../../jobs/run-jobs.js';
import { localDiskStorage } from '../../media/local-disk-storage.js';
import { memoryStorage } from '../../media/memory-storage.js';
import type { MediaStorage } from '../../media/storage.js';
import { type PlatformContext, platformContext, type ShopContext } from '../../tenancy/context.js';
import { createCohort } from '../cohorts.js';
import { LINKS, twoVillages } from '../testing/world.js';
import { makeZip } from '../testing/zip.js';
import { enqueueImport, getImportJob, type ImportJobView } from './import-jobs.js';
import { importJobHandlers } from './import-jobs-run.js';
import { importProducts } from './import-products.js';
import { importSellers } from './import-sellers.js';
import { bytesSource } from './import-source.js';

const CSV = new URL('../../../test/fixtures/csv/', import.meta.url);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, CSV)));
const INVITE_BASE = 'https://aldea.test/admin/invite';

/** ~500 KB of 400 products: several 64 KB chunks, so the bar moves more than once. */
function bigSheet(products = 400): Uint8Array {
  const lines = ['product,sku,title_zh-CN,description_zh-CN,price,stock,weight_g'];
  const words = '手工炒制的临安山核桃，'.repeat(40);
  for (let i = 0; i < products; i++) lines.push(`p${i},BIG-${i},山核桃 ${i},${words}${i},88,5,250`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

const importKeys = (storage: ReturnType<typeof memoryStorage>) =>
  storage.keys().filter((k) => k.startsWith('imports/'));

interface Seen {
  percent: number;
  view: ImportJobView;
}

/** The handlers, recording each progress write and what a reader sees right after it. */
function recording(
  handlers: JobHandlers,
  seen: Seen[],
  viewer: () => PlatformContext,
): JobHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([type, h]) => [
      type,
      {
        ...h,
        run: (job, tools) =>
          h.run(job, {
            ...tools,
            progress: async (percent) => {
              const ok = await tools.progress(percent);
              seen.push({ percent, view: await getImportJob(viewer(), job.id) });
              return ok;
            },
          }),
      },
    ]),
  );
}

async function shopWithOwner(db: Database, over: Parameters<typeof makeShop>[1] = {}) {
  return contextAs(await makeShop(db, over), 'owner');
}

describe('background product imports', () => {
  it('runs in the worker: the same report as the direct call, progress rising to 100, upload deleted', async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const owner = await shopWithOwner(db);
    const bytes = bigSheet();
    const queued = await enqueueImport(owner, storage, {
      kind: 'products',
      mode: 'all-or-nothing',
      file: { name: 'big.csv', bytes },
    });
    expect(queued).toMatchObject({
      kind: 'products',
      status: 'queued',
      progress: 0,
      phase: null,
      report: null,
      file: { name: 'big.csv', bytes: bytes.byteLength },
      shopId: owner.shop.id,
    });
    expect(importKeys(storage)).toHaveLength(1);

    const seen: Seen[] = [];
    const handlers = recording(
      importJobHandlers(storage, { progressEveryMs: 0 }),
      seen,
      () => owner,
    );
    const summary = await runJobs(platformContext(db), { handlers });
    expect(summary).toMatchObject({ claimed: 1, done: 1 });

    const percents = seen.map((s) => s.percent);
    expect(percents.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1]!);
    expect(percents.at(-1)).toBe(50); // checking done; the write pass holds the writer
    for (const s of seen) {
      expect(s.view).toMatchObject({ status: 'running', progress: s.percent });
      expect(s.view.phase).toBe(s.percent < 50 ? 'checking' : 'writing');
    }

    const done = await getImportJob(owner, queued.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, phase: null, error: null });
    const other = await shopWithOwner(db);
    const direct = await importProducts(other, bytesSource(bytes, 'big.csv'), {
      mode: 'all-or-nothing',
    });
    expect(done.report).toEqual(direct);
    expect(done.report).toMatchObject({ created: 400, written: true, errors: 0 });
    expect(importKeys(storage)).toEqual([]);
  });

  it('takes the photos zip along: photos are matched and stored, the zip is deleted', async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const mx = { baseCurrency: 'MXN', defaultLocale: 'es-MX' as const, locales: ['en' as const] };
    const owner = await shopWithOwner(db, mx);
    const jpeg = (c: string) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background: c } })
        .jpeg()
        .toBuffer();
    const zip = makeZip([
      { name: 'molcajete-1.jpg', data: await jpeg('#333333') },
      { name: 'molcajete-2.jpg', data: await jpeg('#555555') },
      { name: 'molcajete-3.jpg', data: await jpeg('#777777') },
    ]);
    const bytes = fixture('products/good-comma.csv');
    const job = await enqueueImport(owner, storage, {
      kind: 'products',
      mode: 'all-or-nothing',
      file: { name: 'good-comma.csv', bytes },
      photos: new Uint8Array(zip),
    });
    expect(importKeys(storage)).toHaveLength(2);
    await runJobs(platformContext(db), { handlers: importJobHandlers(storage) });
    const done = await getImportJob(owner, job.id);
    const direct = await importProducts(
      await shopWithOwner(db, mx),
      bytesSource(bytes, 'good-comma.csv'),
      { mode: 'all-or-nothing', photos: { bytes: zip }, storage: memoryStorage() },
    );
    expect(done.report).toEqual(direct);
    expect(done.report).toMatchObject({ created: 3, photos: 3, errors: 0 });
    expect(importKeys(storage)).toEqual([]);
  });

  it("keeps each shop's imports to itself: another shop's job id is NOT_FOUND", async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const a = await shopWithOwner(db);
    const b = await shopWithOwner(db);
    const job = await enqueueImport(a, storage, {
      kind: 'products',
      mode: 'dry-run',
      file: { name: 'a.csv', bytes: bigSheet(3) },
    });
    await expect(getImportJob(b, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Not through a platform context either (no shop named), nor as an unknown id.
    const trainer = platformContext(db, { actor: { kind: 'system', name: 'x' } });
    await expect(getImportJob(trainer, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getImportJob(a, 'job_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Someone without catalog.write in the shop cannot start one (a buyer does not see the shop).
    const buyer = await contextAs(a, 'buyer');
    await expect(
      enqueueImport(buyer, storage, {
        kind: 'products',
        mode: 'dry-run',
        file: { name: 'a.csv', bytes: bigSheet(3) },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      enqueueImport(a, storage, {
        kind: 'products',
        mode: 'everything' as 'dry-run',
        file: { name: 'a.csv', bytes: bigSheet(3) },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'mode' }] });
    expect(importKeys(storage)).toHaveLength(1);
  });
});

async function comonfortCohort(db: Database) {
  const w = await twoVillages(db);
  const cohort = await createCohort(w.mariana, { villageId: w.comonfort.id, name: 'Primavera' });
  return { ...w, cohort };
}

function sellersJob(
  ctx: PlatformContext,
  storage: MediaStorage,
  w: { comonfort: { id: string }; cohort: { id: string } },
  mode: 'dry-run' | 'all-or-nothing',
) {
  return enqueueImport(ctx, storage, {
    kind: 'sellers',
    mode,
    file: { name: 'sellers-30.csv', bytes: fixture('sellers/sellers-30.csv') },
    villageId: w.comonfort.id,
    cohortId: w.cohort.id,
    inviteUrlBase: INVITE_BASE,
  });
}

describe('background sellers imports', () => {
  it('checks then invites as the trainer who started it; the stored report holds no secrets', async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const w = await comonfortCohort(db);
    const handlers = importJobHandlers(storage);
    const dry = await sellersJob(w.mariana, storage, w, 'dry-run');
    await runJobs(w.system, { handlers });
    const checked = await getImportJob(w.mariana, dry.id);
    const { invitations: _none, ...direct } = await importSellers(
      w.mariana,
      bytesSource(fixture('sellers/sellers-30.csv'), 'sellers-30.csv'),
      { mode: 'dry-run', villageId: w.comonfort.id, cohortId: w.cohort.id, links: LINKS },
    );
    expect(checked).toMatchObject({ status: 'done', kind: 'sellers', cohortId: w.cohort.id });
    expect(checked.report).toEqual(direct);

    const apply = await sellersJob(w.mariana, storage, w, 'all-or-nothing');
    await runJobs(w.system, { handlers });
    const done = await getImportJob(w.mariana, apply.id);
    expect(done.report).toMatchObject({ created: 30, written: true, errors: 0 });
    expect(done.report).not.toHaveProperty('invitations');
    const row = await db.read.get<{ result: string }>(
      sql`select result from jobs where id = ${apply.id}`,
    );
    expect(row!.result).not.toMatch(/token|code|https?:/);
    const made = await db.read.get<{ n: number; by: string }>(
      sql`select count(*) as n, min(created_by) as by from invitations where cohort_id = ${w.cohort.id}`,
    );
    expect(made).toEqual({ n: 30, by: w.mariana.userId });
    const mail = await db.read.get<{ n: number }>(sql`
      select count(*) as n from outbox where kind = 'onboarding.invitation'
        and payload like ${`%${INVITE_BASE}/${w.comonfort.slug}/%`}`);
    expect(mail!.n).toBe(20);
    expect(importKeys(storage)).toEqual([]);
  });

  it("keeps a village's imports to its trainers: another village's trainer and a shop get NOT_FOUND", async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const w = await comonfortCohort(db);
    const job = await sellersJob(w.mariana, storage, w, 'dry-run');
    await expect(getImportJob(w.zhang, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const shop = (await makeShop(db, { villageId: w.comonfort.id })) as ShopContext;
    await expect(getImportJob(shop, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getImportJob(w.system, job.id)).id).toBe(job.id);
    // Starting one in another village, or into another village's cohort, is refused up front.
    await expect(sellersJob(w.zhang, storage, w, 'dry-run')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const bainiuCohort = await createCohort(w.zhang, { villageId: w.bainiu.id, name: 'Autumn' });
    await expect(
      sellersJob(w.mariana, storage, { comonfort: w.comonfort, cohort: bainiuCohort }, 'dry-run'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(importKeys(storage)).toHaveLength(1);
  });

  it('fails for good when the trainer lost access meanwhile: nothing written, upload deleted', async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const w = await comonfortCohort(db);
    const job = await sellersJob(w.mariana, storage, w, 'all-or-nothing');
    await db.transaction((tx) =>
      tx.run(sql`update users set disabled_at = 1 where id = ${w.mariana.userId}`),
    );
    const summary = await runJobs(w.system, { handlers: importJobHandlers(storage) });
    expect(summary).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    const failed = await getImportJob(w.system, job.id);
    expect(failed).toMatchObject({ status: 'failed', report: null, error: 'village not found' });
    const invited = await db.read.get<{ n: number }>(sql`select count(*) as n from invitations`);
    expect(invited!.n).toBe(0);
    expect(importKeys(storage)).toEqual([]);
  });

  it('works the same with uploads spooled to local disk (the server default)', async () => {
    const db = await makeTestDb();
    const dir = scratchDir('aldea-import');
    const storage = localDiskStorage(dir);
    const w = await comonfortCohort(db);
    const job = await sellersJob(w.mariana, storage, w, 'dry-run');
    const files = () =>
      readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.csv'));
    expect(files()).toHaveLength(1);
    await runJobs(w.system, { handlers: importJobHandlers(storage) });
    expect((await getImportJob(w.mariana, job.id)).report).toMatchObject({ rows: 30, created: 30 });
    expect(files()).toEqual([]);
  });

  it('retries once when the upload went missing, then fails with a clear message', async () => {
    const db = await makeTestDb();
    const storage = memoryStorage();
    const w = await comonfortCohort(db);
    const job = await sellersJob(w.mariana, storage, w, 'dry-run');
    for (const key of importKeys(storage)) await storage.delete(key);
    const handlers = importJobHandlers(storage);
    expect(await runJobs(w.system, { handlers })).toMatchObject({ retried: 1 });
    expect(await getImportJob(w.mariana, job.id)).toMatchObject({ status: 'queued', phase: null });
    w.clock.advance(60_000);
    expect(await runJobs(w.system, { handlers })).toMatchObject({ failed: 1 });
    expect((await getImportJob(w.mariana, job.id)).error).toMatch(/no longer there/);
  });
});
