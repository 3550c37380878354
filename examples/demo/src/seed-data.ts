import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@aldea/core';
import { z } from 'zod';
import { PhotoSpec } from './photos/render-photo.ts';

/**
 * The shape of the demo's seed files (`examples/demo/seed/*.json`). The files
 * are data a person can read and edit; this schema checks them before anything
 * is written, so a typo is reported with its file and path, not as a half-seeded
 * database. Core validates everything again when the seed calls its commands.
 */

const Locale = z.enum(LOCALES);
const Localized = z.partialRecord(Locale, z.string().min(1));
/** A seller-typed amount, as in the admin's price field: "88", "1,350", "69.00". */
const Amount = z
  .string()
  .regex(/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/, 'write an amount like "88" or "1,350.00"');

export const SeedUser = z.object({
  name: z.string().min(1),
  email: z.email(),
  /** Printed at start: these are demo accounts on a demo database. */
  password: z.string().min(10),
  locale: Locale,
});
export type SeedUser = z.infer<typeof SeedUser>;

const SeedVariant = z.object({
  sku: z.string().min(1),
  price: Amount,
  /** Prices the seller fixed for some buyer currencies, typed the same way. */
  fixedPrices: z.record(z.string().length(3), Amount).optional(),
  stock: z.number().int().min(0),
  weightGrams: z.number().int().positive(),
  madeToOrder: z.boolean().default(false),
  processingDays: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  /** For each option of the product, the index of this variant's value. */
  options: z.array(z.number().int().min(0)).default([]),
});

const SeedProduct = z.object({
  slug: z.string().min(2),
  /** Names from the village's `photos`; the first is the main photo. */
  photos: z.array(z.string()).min(1),
  collections: z.array(z.string()).default([]),
  originPlace: z.string().default(''),
  texts: z.partialRecord(
    Locale,
    z.object({
      title: z.string().min(1),
      description: z.string().default(''),
      materials: z.string().default(''),
      care: z.string().default(''),
    }),
  ),
  options: z.array(z.object({ name: Localized, values: z.array(Localized).min(1) })).default([]),
  variants: z.array(SeedVariant).min(1),
});
export type SeedProduct = z.infer<typeof SeedProduct>;

const SeedShop = z.object({
  slug: z.string().min(2),
  texts: z.partialRecord(
    Locale,
    z.object({
      name: z.string().min(1),
      tagline: z.string().default(''),
      story: z.string().default(''),
      shippingPolicy: z.string().default(''),
      returnsPolicy: z.string().default(''),
    }),
  ),
  owner: SeedUser,
  collections: z
    .array(
      z.object({ slug: z.string().min(2), title: Localized, description: Localized.optional() }),
    )
    .default([]),
  products: z.array(SeedProduct).min(1),
});
export type SeedShop = z.infer<typeof SeedShop>;

/** One village file: the village, its trainer, its photos and its shops. */
export const SeedVillage = z
  .object({
    village: z.object({
      slug: z.string().min(2),
      country: z.string().length(2),
      defaultLocale: Locale,
      defaultCurrency: z.string().length(3),
      texts: z.partialRecord(
        Locale,
        z.object({ name: z.string().min(1), region: z.string(), story: z.string() }),
      ),
    }),
    trainer: SeedUser,
    /** Buyer currencies every shop of the village offers (its base currency is added). */
    buyerCurrencies: z.array(z.string().length(3)),
    /** Photos to draw, by name; `alt` describes each one for people who cannot see it. */
    photos: z.record(z.string(), PhotoSpec.extend({ alt: Localized })),
    shops: z.array(SeedShop).min(1),
  })
  .superRefine((v, ctx) => {
    // Cross-references: every photo, collection and option index must exist.
    v.shops.forEach((shop, s) => {
      const collections = new Set(shop.collections.map((c) => c.slug));
      shop.products.forEach((p, i) => {
        const at = ['shops', s, 'products', i];
        p.photos.forEach((name, j) => {
          if (!(name in v.photos)) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'photos', j],
              message: `no photo named "${name}"`,
            });
          }
        });
        p.collections.forEach((slug, j) => {
          if (!collections.has(slug)) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'collections', j],
              message: `no collection "${slug}" in this shop`,
            });
          }
        });
        p.variants.forEach((variant, j) => {
          const fits =
            variant.options.length === p.options.length &&
            variant.options.every((k, o) => k < (p.options[o]?.values.length ?? 0));
          if (!fits) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'variants', j, 'options'],
              message: 'needs one valid value index per option of the product',
            });
          }
        });
      });
    });
  });
export type SeedVillage = z.infer<typeof SeedVillage>;

/** The platform file: the operator, the village files and the FX rates file. */
export const SeedPlatform = z.object({
  operator: SeedUser,
  villages: z.array(z.string().regex(/^[a-z0-9-]+\.json$/)).min(1),
  fxRates: z.string().regex(/^[a-z0-9-]+\.xml$/),
});

/** Everything the demo seeds, read and checked. */
export interface SeedData {
  operator: SeedUser;
  villages: SeedVillage[];
  /** The ECB-format reference rates file's text. */
  fxRatesXml: string;
}

/** Where the seed files live: `examples/demo/seed/`. */
export const DEFAULT_SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'seed');

/** Thrown when a seed file does not match its schema; the message names file and path. */
export class SeedFileError extends Error {
  override readonly name = 'SeedFileError';
}

function parseFile<S extends z.ZodType>(schema: S, file: string, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SeedFileError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new SeedFileError(`${file} is not a valid seed file:\n${lines.join('\n')}`);
}

/** Reads and checks the seed files in `dir` (default: the demo's own `seed/` folder). */
export async function loadSeedData(dir: string = DEFAULT_SEED_DIR): Promise<SeedData> {
  const platformFile = join(dir, 'platform.json');
  const platform = parseFile(SeedPlatform, platformFile, await readFile(platformFile, 'utf8'));
  const villages: SeedVillage[] = [];
  for (const name of platform.villages) {
    const file = join(dir, name);
    villages.push(parseFile(SeedVillage, file, await readFile(file, 'utf8')));
  }
  const fxRatesXml = await readFile(join(dir, platform.fxRates), 'utf8');
  return { operator: platform.operator, villages, fxRatesXml };
}
