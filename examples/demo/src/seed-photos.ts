import { renderPhoto } from './photos/render-photo.ts';
import type { SeedVillage } from './seed-data.ts';
import { settleEach } from './serial-writes.ts';

/** Rendered photos by village slug, then by photo name: JPEG bytes as a phone would upload. */
export type VillagePhotos = Map<string, Map<string, Buffer>>;

/**
 * Draws every photo the villages' products use, once each (shops reuse them):
 * a handful of distinct pictures keeps seeding fast. Runs before the seeding
 * transaction, two at a time (sharp already uses both cores).
 */
export async function renderVillagePhotos(villages: SeedVillage[]): Promise<VillagePhotos> {
  const out: VillagePhotos = new Map();
  const jobs: { village: SeedVillage; name: string }[] = [];
  for (const v of villages) {
    out.set(v.village.slug, new Map());
    const used = new Set(v.shops.flatMap((s) => s.products.flatMap((p) => p.photos)));
    for (const name of used) jobs.push({ village: v, name });
  }
  await settleEach(jobs, 2, async ({ village, name }) => {
    const spec = village.photos[name];
    if (!spec) throw new Error(`photo "${name}" of ${village.village.slug} is not defined`);
    out.get(village.village.slug)!.set(name, await renderPhoto(spec));
  });
  return out;
}
