import { sql } from 'drizzle-orm';
import type { ShopRole } from '../../src/auth/permissions.js';
import { createProduct } from '../../src/catalog/create-product.js';
import type { CreateProductInput } from '../../src/catalog/product-schemas.js';
import type { ProductDetail } from '../../src/catalog/views.js';
import { newId } from '../../src/ids.js';
import { mediaAssets, mediaFiles } from '../../src/schema/media.js';
import { platformContext, type ShopContext } from '../../src/tenancy/context.js';
import { shopContext } from '../../src/tenancy/shops.js';
import { addMembership, assignTrainer, createUser } from '../../src/tenancy/users.js';
import { uniq } from './factories.js';

/**
 * A product in the context's shop: active, one variant of 88.00 in stock,
 * English and Chinese titles. Anything can be overridden.
 */
export function makeProduct(
  ctx: ShopContext,
  overrides: Partial<CreateProductInput> = {},
): Promise<ProductDetail> {
  const u = uniq();
  return createProduct(ctx, {
    status: 'active',
    texts: {
      en: { title: `Hickory nuts ${u}`, description: 'Hand-cracked, from Lin’an' },
      'zh-CN': { title: `山核桃 ${u}` },
    },
    variants: [{ sku: `SKU-${u}`, priceMinor: 8800, stockOnHand: 10, weightGrams: 500 }],
    ...overrides,
  });
}

/**
 * A processed photo of the context's shop, written straight to the media
 * tables (two WebP widths), for tests that attach photos to products.
 */
export async function makeMediaAsset(ctx: ShopContext): Promise<string> {
  const now = ctx.clock.now();
  const id = newId('media', now.getTime());
  const shopId = ctx.shop.id;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(mediaAssets).values({
      shopId,
      id,
      originalKey: `${shopId}/${id}/original.jpg`,
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      bytes: 123_456,
      sha256: 'a'.repeat(64),
      placeholder: 'data:image/webp;base64,AAAA',
      status: 'ready',
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(mediaFiles).values([
      {
        shopId,
        mediaId: id,
        format: 'webp',
        width: 640,
        height: 480,
        key: `${id}-640.webp`,
        bytes: 9,
      },
      {
        shopId,
        mediaId: id,
        format: 'webp',
        width: 320,
        height: 240,
        key: `${id}-320.webp`,
        bytes: 9,
      },
    ]);
  });
  return id;
}

/**
 * The same shop seen by someone else: a member with `role`, a trainer of its
 * village, an operator, an anonymous buyer, or a signed-in stranger (`none`).
 */
export async function contextAs(ctx: ShopContext, role: ShopRole): Promise<ShopContext> {
  const platform = platformContext(ctx.db, { clock: ctx.clock, locale: ctx.locale });
  if (role === 'system') return shopContext(platform, ctx.shop.id);
  if (role === 'buyer') return shopContext({ ...platform, actor: { kind: 'buyer' } }, ctx.shop.id);
  const { id: userId } = await createUser(platform, {
    email: `${role}-${uniq()}@example.test`,
    name: role,
    isOperator: role === 'operator',
  });
  if (role === 'owner' || role === 'staff') {
    await addMembership(ctx, userId, role);
  }
  if (role === 'trainer') await assignTrainer(platform, ctx.shop.villageId, userId);
  const seen = await shopContext({ ...platform, actor: { kind: 'user', userId } }, ctx.shop.id);
  if (seen.role !== role) throw new Error(`expected role ${role}, got ${seen.role}`);
  return seen;
}

/**
 * How many catalog rows a shop has, table by table (FTS rows included), to
 * prove that a refused command wrote nothing.
 */
export async function catalogRowCounts(ctx: ShopContext): Promise<Record<string, number>> {
  const tables = [
    'products',
    'product_texts',
    'product_options',
    'product_option_values',
    'variants',
    'variant_option_values',
    'variant_prices',
    'product_images',
    'collections',
    'collection_products',
    'product_search_keys',
    'audit_log',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await ctx.db.read.get<{ n: number }>(
      sql`select count(*) as n from ${sql.identifier(table)} where shop_id = ${ctx.shop.id}`,
    );
    counts[table] = row?.n ?? 0;
  }
  const fts = await ctx.db.read.get<{ n: number }>(
    sql`select count(*) as n from product_search where shop_id = ${ctx.shop.id}`,
  );
  counts.product_search = fts?.n ?? 0;
  return counts;
}

/**
 * Many products at once through the real `createProduct`, inside one outer
 * transaction (each becomes a savepoint), so a thousand take a second or two.
 */
export function makeProducts(
  ctx: ShopContext,
  count: number,
  overrides: (i: number) => Partial<CreateProductInput> = () => ({}),
): Promise<ProductDetail[]> {
  return ctx.db.transaction(async () => {
    const out: ProductDetail[] = [];
    for (let i = 0; i < count; i++) out.push(await makeProduct(ctx, overrides(i)));
    return out;
  });
}
