import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, loadSeedData, SeedFileError } from '../src/seed-data.ts';
import { tempDir } from './support.ts';

/** A copy of the real seed folder with one file changed by `edit`. */
function seedDirWith(file: string, edit: (json: Record<string, unknown>) => void): string {
  const dir = join(tempDir(), 'seed');
  mkdirSync(dir);
  for (const name of ['platform.json', 'bainiu.json', 'comonfort.json', 'ecb-rates.xml']) {
    const text = readFileSync(join(DEFAULT_SEED_DIR, name), 'utf8');
    if (name !== file) {
      writeFileSync(join(dir, name), text);
      continue;
    }
    const json = JSON.parse(text) as Record<string, unknown>;
    edit(json);
    writeFileSync(join(dir, name), JSON.stringify(json));
  }
  return dir;
}

type Village = { shops: { products: { photos: string[]; variants: { options: number[] }[] }[] }[] };

describe('the seed files', () => {
  it('describe two villages with at least 3 shops each and 8 products per shop', async () => {
    const data = await loadSeedData();
    expect(data.villages.map((v) => v.village.slug)).toEqual(['bainiu', 'comonfort']);
    for (const v of data.villages) {
      expect(v.shops.length).toBeGreaterThanOrEqual(3);
      for (const s of v.shops) expect(s.products.length).toBeGreaterThanOrEqual(8);
    }
    expect(data.fxRatesXml).toContain('gesmes:Envelope');
  });

  it('refuse a product naming a photo that does not exist, with file and path', async () => {
    const dir = seedDirWith('bainiu.json', (json) => {
      (json as unknown as Village).shops[1]!.products[2]!.photos = ['no-such-photo'];
    });
    const err = await loadSeedData(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedFileError);
    expect((err as Error).message).toContain('bainiu.json');
    expect((err as Error).message).toContain(
      'shops.1.products.2.photos.0: no photo named "no-such-photo"',
    );
  });

  it('refuse a variant whose option values do not fit the product', async () => {
    const dir = seedDirWith('comonfort.json', (json) => {
      (json as unknown as Village).shops[0]!.products[0]!.variants[0]!.options = [9];
    });
    await expect(loadSeedData(dir)).rejects.toThrow(/shops\.0\.products\.0\.variants\.0\.options/);
  });

  it('refuse a platform file that is not JSON', async () => {
    const dir = seedDirWith('bainiu.json', () => {});
    writeFileSync(join(dir, 'platform.json'), '{ "operator": ');
    await expect(loadSeedData(dir)).rejects.toThrow(/platform\.json: not valid JSON/);
  });
});
