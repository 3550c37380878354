import {
  assignTrainer,
  type Clock,
  createUser,
  createVillage,
  type Database,
  listVillages,
  type MediaStorage,
  type PlatformContext,
  platformContext,
  seedOnboardingDemo,
} from '@aldea/core';
import { importDemoRates } from './demo-rates.ts';
import { brandDemoShop } from './seed-branding.ts';
import { loadSeedData, type SeedData } from './seed-data.ts';
import { renderVillagePhotos } from './seed-photos.ts';
import {
  createDemoProducts,
  createDemoShop,
  type DemoShop,
  ingestDemoPhoto,
  photosOf,
} from './seed-shop.ts';
import { serialWrites, settleEach } from './serial-writes.ts';

/** Options of {@link seedDemo}. */
export interface SeedDemoOptions {
  /** Progress lines for a person watching (`console.log` in the server). */
  log?: (line: string) => void;
  /** The seed data; default: the files in `examples/demo/seed/`. */
  data?: SeedData;
  clock?: Clock;
  /** scrypt cost of the demo passwords; tests pass a cheap one, the server keeps core's default. */
  passwordCost?: { logN: number; r: number; p: number };
}

/** What {@link seedDemo} did. */
export interface SeedDemoResult {
  /** False when the database already had villages: nothing was written. */
  seeded: boolean;
  villages: number;
  shops: number;
  products: number;
  /** Photos ingested (each shop ingests the pictures its products use). */
  photos: number;
  /** The day the sample FX rates were dated (`YYYY-MM-DD`), or null when not seeded. */
  fxDay: string | null;
  ms: number;
}

async function isEmpty(ctx: PlatformContext): Promise<boolean> {
  return (await listVillages(ctx)).length === 0;
}

/** The operator, the trainers and the artisans, two at a time (hashing a password takes ~0.3 s). */
async function createDemoUsers(
  ctx: PlatformContext,
  data: SeedData,
  passwordCost: SeedDemoOptions['passwordCost'],
): Promise<Map<string, string>> {
  const people = [
    { ...data.operator, isOperator: true },
    ...data.villages.flatMap((v) => [v.trainer, ...v.shops.map((s) => s.owner)]),
  ];
  const created = await settleEach(people, 2, (u) =>
    createUser(ctx, { isOperator: false, ...u }, { passwordCost }),
  );
  return new Map(people.map((u, i) => [u.email, created[i]!.id]));
}

/**
 * Seeds an empty database with the demo: the operator, the sample FX rates
 * (ECB format, dated today), and each village of the seed files with its
 * trainer and its shops (owner, collections, logo and banner, photos, products).
 *
 * Does nothing when the database already has a village. Everything is written
 * in ONE transaction (core's commands join it through savepoints), so a failure
 * halfway leaves the database as empty as it was and the next start tries
 * again; only photo files may stay behind in storage, unreferenced. Photos are
 * drawn before the transaction opens; inside it, photo processing and password
 * hashing run two at a time while their writes take turns (`serialWrites`);
 * the AVIF versions of the photos are left to the background job worker.
 *
 * @example
 * const r = await seedDemo(db, localDiskStorage('./data/media'), { log: console.log });
 * // { seeded: true, villages: 2, shops: 6, products: 48, photos: 34, … }
 */
export async function seedDemo(
  db: Database,
  storage: MediaStorage,
  opts: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const platform = platformContext(db, {
    clock: opts.clock,
    actor: { kind: 'system', name: 'demo-seed' },
  });
  const result: SeedDemoResult = {
    seeded: false,
    villages: 0,
    shops: 0,
    products: 0,
    photos: 0,
    fxDay: null,
    ms: 0,
  };
  const done = () => ({ ...result, ms: Math.round(performance.now() - started) });
  if (!(await isEmpty(platform))) return done();

  const data = opts.data ?? (await loadSeedData());
  log('Seeding the demo: drawing product photos…');
  const photos = await renderVillagePhotos(data.villages);

  await db.transaction(async () => {
    // Core's commands run concurrently below (photos, passwords); their
    // savepoints must take turns inside this one transaction.
    const ctx = platformContext(serialWrites(db), { clock: opts.clock, actor: platform.actor });
    // Checked again under the write lock: another process may have seeded meanwhile.
    if (!(await isEmpty(ctx))) return;
    const userIds = await createDemoUsers(ctx, data, opts.passwordCost);
    result.fxDay = await importDemoRates(ctx, data.fxRatesXml);

    const shops: DemoShop[] = [];
    for (const v of data.villages) {
      const village = await createVillage(ctx, v.village);
      await assignTrainer(ctx, village.id, userIds.get(v.trainer.email)!);
      result.villages++;
      for (const shop of v.shops) {
        const ownerId = userIds.get(shop.owner.email)!;
        shops.push(await createDemoShop(ctx, { id: village.id, data: v }, shop, ownerId));
      }
    }

    log('Seeding the demo: processing photos…');
    const uploads = shops.flatMap((shop) => photosOf(shop.data).map((name) => ({ shop, name })));
    const mediaIds = await settleEach(uploads, 2, ({ shop, name }) => {
      const bytes = photos.get(shop.village.village.slug)!.get(name)!;
      return ingestDemoPhoto(shop, name, bytes, storage);
    });
    const byShop = new Map<DemoShop, Map<string, string>>(shops.map((s) => [s, new Map()]));
    for (const [i, { shop, name }] of uploads.entries()) byShop.get(shop)!.set(name, mediaIds[i]!);

    log('Seeding the demo: logos and banners…');
    await settleEach(shops, 2, (shop) => {
      const photo = photos.get(shop.village.village.slug)!.get(photosOf(shop.data)[0]!)!;
      return brandDemoShop(shop, photo, storage);
    });

    for (const shop of shops) {
      result.products += await createDemoProducts(shop, byShop.get(shop)!);
      result.photos += byShop.get(shop)!.size;
      result.shops++;
      log(
        `  ${shop.village.village.slug}/${shop.data.slug}: ${shop.data.products.length} products`,
      );
    }
    result.seeded = true;
  });
  if (result.seeded) {
    // After the commit: the template is made from the committed Bainiu shop, and
    // a Comonfort shop is created from it with prices converted to pesos.
    const onboarding = await seedOnboardingDemo(platform);
    if (onboarding.seeded) {
      log('  a shop template from laolin-hickory, and a Comonfort shop created from it');
    }
  }
  const out = done();
  if (out.seeded) {
    log(
      `Seeded ${out.villages} villages, ${out.shops} shops, ${out.products} products in ${(out.ms / 1000).toFixed(1)} s.`,
    );
  }
  return out;
}
