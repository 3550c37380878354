import {
  addMembership,
  addProductImage,
  createCollection,
  createProduct,
  createShop,
  ingestImage,
  type MediaStorage,
  type PlatformContext,
  parseAmount,
  type ShopContext,
} from '@aldea/core';
import type { SeedProduct, SeedShop, SeedVillage } from './seed-data.ts';

/** A shop created by {@link createDemoShop}, ready for its photos and products. */
export interface DemoShop {
  ctx: ShopContext;
  village: SeedVillage;
  data: SeedShop;
  collectionIds: Map<string, string>;
}

/**
 * Creates one shop of a village (live, the village's currency and languages),
 * makes its artisan the owner, and creates its collections.
 */
export async function createDemoShop(
  platform: PlatformContext,
  village: { id: string; data: SeedVillage },
  shop: SeedShop,
  ownerId: string,
): Promise<DemoShop> {
  const v = village.data.village;
  const ref = await createShop(platform, {
    villageId: village.id,
    slug: shop.slug,
    baseCurrency: v.defaultCurrency,
    buyerCurrencies: village.data.buyerCurrencies,
    defaultLocale: v.defaultLocale,
    locales: Object.keys(shop.texts) as (keyof typeof shop.texts)[],
    status: 'live',
    texts: shop.texts,
  });
  // Built from the new shop rather than loaded with shopContext(): inside the
  // seeding transaction the read connection cannot see the shop yet. The seeder
  // acts as `system`, the role core gives the CLI, seeders and workers.
  const ctx: ShopContext = { ...platform, shop: ref, role: 'system' };
  await addMembership(ctx, ownerId, 'owner');
  const collectionIds = new Map<string, string>();
  for (const c of shop.collections) {
    const created = await createCollection(ctx, {
      slug: c.slug,
      title: c.title,
      description: c.description,
    });
    collectionIds.set(c.slug, created.id);
  }
  return { ctx, village: village.data, data: shop, collectionIds };
}

/** The distinct photos a shop's products use, in first-use order. */
export function photosOf(shop: SeedShop): string[] {
  return [...new Set(shop.products.flatMap((p) => p.photos))];
}

/** Ingests one rendered photo into a shop through the media pipeline, like a seller's upload. */
export async function ingestDemoPhoto(
  shop: DemoShop,
  name: string,
  bytes: Buffer,
  storage: MediaStorage,
): Promise<string> {
  const result = await ingestImage(shop.ctx, { bytes, filename: `${name}.jpg`, storage });
  if (!result.ok) throw new Error(`photo "${name}" was refused: ${result.reason}`);
  return result.asset.id;
}

function variantInput(v: SeedProduct['variants'][number]) {
  const fixedPrices = v.fixedPrices
    ? Object.fromEntries(
        Object.entries(v.fixedPrices).map(([code, text]) => [
          code,
          parseAmount(text, code).amountMinor,
        ]),
      )
    : undefined;
  return {
    sku: v.sku,
    price: v.price,
    fixedPrices,
    stockOnHand: v.stock,
    weightGrams: v.weightGrams,
    madeToOrder: v.madeToOrder,
    processingDaysMin: v.processingDays?.[0],
    processingDaysMax: v.processingDays?.[1],
    optionValues: v.options.length > 0 ? v.options : undefined,
  };
}

/**
 * Creates a shop's products (active, with variants, stock, weights, fixed
 * prices and collections) and gives each its photos in order, with the photo's
 * alt text in every language the seed file has.
 */
export async function createDemoProducts(
  shop: DemoShop,
  mediaIds: Map<string, string>,
): Promise<number> {
  for (const p of shop.data.products) {
    const product = await createProduct(shop.ctx, {
      slug: p.slug,
      status: 'active',
      originCountry: shop.village.village.country,
      originPlace: p.originPlace,
      texts: p.texts,
      options: p.options,
      variants: p.variants.map(variantInput),
      collectionIds: p.collections.map((slug) => shop.collectionIds.get(slug)!),
    });
    for (const name of p.photos) {
      await addProductImage(shop.ctx, product.id, {
        mediaId: mediaIds.get(name)!,
        alt: shop.village.photos[name]?.alt,
      });
    }
  }
  return shop.data.products.length;
}
