import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import { memoUntilWrite } from '../db/memo-until-write.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { notFound } from '../errors.js';
import { pickLocalized } from '../i18n/locales.js';
import { newId } from '../ids.js';
import { shops, shopTexts, villages } from '../schema/tenancy.js';
import { parseInput } from '../validation.js';
import type { PlatformContext, ShopContext, ShopRef } from './context.js';
import { resolveShopRole } from './resolve-shop-role.js';
import { CreateShopInput } from './schemas.js';

type ShopRow = typeof shops.$inferSelect;
type ShopTextRow = typeof shopTexts.$inferSelect;

/** A shop as pages show it, texts resolved for one locale. */
export interface ShopView extends ShopRef {
  customDomain: string | null;
  name: string;
  tagline: string;
  story: string;
  shippingPolicy: string;
  returnsPolicy: string;
  textLocale: string;
}

function toRef(s: ShopRow): ShopRef {
  return {
    id: s.id,
    slug: s.slug,
    villageId: s.villageId,
    baseCurrency: s.baseCurrency,
    buyerCurrencies: s.buyerCurrencies,
    defaultLocale: s.defaultLocale,
    locales: s.locales,
    status: s.status,
  };
}

function toView(s: ShopRow, texts: ShopTextRow[], locale: string): ShopView {
  const picked = pickLocalized(new Map(texts.map((t) => [t.locale, t])), locale, s.defaultLocale);
  const t = picked?.value;
  return {
    ...toRef(s),
    customDomain: s.customDomain,
    name: t?.name ?? s.slug,
    tagline: t?.tagline ?? '',
    story: t?.story ?? '',
    shippingPolicy: t?.shippingPolicy ?? '',
    returnsPolicy: t?.returnsPolicy ?? '',
    textLocale: picked?.locale ?? s.defaultLocale,
  };
}

/** Creates a shop (the tenant) in a village, with its per-locale texts. */
export async function createShop(ctx: PlatformContext, raw: CreateShopInput): Promise<ShopRef> {
  const input = parseInput(CreateShopInput, raw);
  const now = ctx.clock.now();
  const id = newId('shop', now.getTime());
  return ctx.db.transaction(async (tx) => {
    const [village] = await tx
      .select({ id: villages.id })
      .from(villages)
      .where(eq(villages.id, input.villageId));
    if (!village) throw notFound('village');
    const [row] = await conflictOnUnique(
      () =>
        tx
          .insert(shops)
          .values({
            id,
            villageId: input.villageId,
            slug: input.slug,
            customDomain: input.customDomain ?? null,
            baseCurrency: input.baseCurrency,
            buyerCurrencies: input.buyerCurrencies,
            defaultLocale: input.defaultLocale,
            locales: input.locales,
            status: input.status,
            createdAt: now,
            updatedAt: now,
            liveAt: input.status === 'live' ? now : null,
          })
          .returning(),
      {
        shops_slug_uq: ['slug', 'a shop with this slug already exists'],
        shops_custom_domain_uq: ['customDomain', 'another shop already uses this domain'],
      },
    );
    for (const [locale, t] of Object.entries(input.texts)) {
      if (t) await tx.insert(shopTexts).values({ shopId: id, locale, ...t });
    }
    return toRef(row!);
  });
}

/**
 * Builds the tenant context for a shop named by id or slug. Throws NOT_FOUND.
 * This is the one door into tenant-owned data.
 */
export async function shopContext(ctx: PlatformContext, idOrSlug: string): Promise<ShopContext> {
  const byId = idOrSlug.startsWith('shop_');
  const db = ctx.db.read;
  // Every storefront request starts here: a prepared statement, and between two
  // commits no statement at all (the ref is frozen: it is shared).
  const shop = await memoUntilWrite(ctx.db, `shop:${idOrSlug}`, async () => {
    const [row] = await cached(db, byId ? 'tenancy.shop-by-id' : 'tenancy.shop-by-slug', () =>
      db
        .select()
        .from(shops)
        .where(eq(byId ? shops.id : shops.slug, sql.placeholder('key')))
        .prepare(),
    ).all({ key: idOrSlug });
    return row ? frozenRef(row) : undefined;
  });
  if (!shop) throw notFound('shop');
  return { ...ctx, shop, role: await resolveShopRole(ctx, shop) };
}

function frozenRef(row: ShopRow): ShopRef {
  const ref = toRef(row);
  Object.freeze(ref.buyerCurrencies);
  Object.freeze(ref.locales);
  return Object.freeze(ref);
}

/** The tenant context for a shop by its custom domain, or undefined. */
export async function findShopContextByDomain(
  ctx: PlatformContext,
  domain: string,
): Promise<ShopContext | undefined> {
  const [row] = await ctx.db.read
    .select()
    .from(shops)
    .where(eq(shops.customDomain, domain.toLowerCase()));
  if (!row) return undefined;
  const shop = toRef(row);
  return { ...ctx, shop, role: await resolveShopRole(ctx, shop) };
}

/** The shop of a context with its texts in the context's locale. */
export async function getShopView(ctx: ShopContext): Promise<ShopView> {
  const db = ctx.db.read;
  // Every shop page asks: prepared once, and read once between two commits.
  const view = await memoUntilWrite(ctx.db, `shop-view:${ctx.shop.id}:${ctx.locale}`, async () => {
    const [row] = await cached(db, 'tenancy.shop-by-id', () =>
      db
        .select()
        .from(shops)
        .where(eq(shops.id, sql.placeholder('key')))
        .prepare(),
    ).all({ key: ctx.shop.id });
    if (!row) return undefined;
    const texts = await cached(db, 'tenancy.shop-texts', () =>
      db
        .select()
        .from(shopTexts)
        .where(eq(shopTexts.shopId, sql.placeholder('shopId')))
        .prepare(),
    ).all({ shopId: row.id });
    return toView(row, texts, ctx.locale);
  });
  if (!view) throw notFound('shop');
  return { ...view };
}

/**
 * The shops of a village (platform read: what a village page lists). Only live
 * shops unless `includeAll` (trainer and operator screens). Two statements.
 */
export async function listVillageShops(
  ctx: PlatformContext,
  villageId: string,
  opts: { includeAll?: boolean } = {},
): Promise<ShopView[]> {
  const where = opts.includeAll
    ? eq(shops.villageId, villageId)
    : and(eq(shops.villageId, villageId), eq(shops.status, 'live'));
  const rows = await ctx.db.read.select().from(shops).where(where).orderBy(asc(shops.slug));
  if (rows.length === 0) return [];
  const texts = await ctx.db.read
    .select()
    .from(shopTexts)
    .where(
      inArray(
        shopTexts.shopId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) =>
    toView(
      r,
      texts.filter((t) => t.shopId === r.id),
      ctx.locale,
    ),
  );
}
