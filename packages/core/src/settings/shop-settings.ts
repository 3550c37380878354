import { eq } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import { notFound } from '../errors.js';
import { shops, shopTexts } from '../schema/tenancy.js';
import type { ShopContext } from '../tenancy/context.js';

/** One language's texts of a shop, as the settings form edits them. */
export interface ShopTexts {
  name: string;
  tagline: string;
  story: string;
  shippingPolicy: string;
  returnsPolicy: string;
}

/** Everything the settings screens show, texts per locale (no fallback: it is an editor). */
export interface ShopSettings {
  id: string;
  slug: string;
  status: 'onboarding' | 'live' | 'paused';
  baseCurrency: string;
  buyerCurrencies: string[];
  defaultLocale: string;
  locales: string[];
  customDomain: string | null;
  texts: Partial<Record<string, ShopTexts>>;
  liveAt: Date | null;
  updatedAt: Date;
}

/** The shop's settings for the admin's forms. Needs `shop.read`. */
export async function getShopSettings(ctx: ShopContext): Promise<ShopSettings> {
  authorize(ctx, 'shop.read');
  const [row] = await ctx.db.read.select().from(shops).where(eq(shops.id, ctx.shop.id));
  if (!row) throw notFound('shop');
  const texts = await ctx.db.read.select().from(shopTexts).where(eq(shopTexts.shopId, row.id));
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    baseCurrency: row.baseCurrency,
    buyerCurrencies: row.buyerCurrencies,
    defaultLocale: row.defaultLocale,
    locales: row.locales,
    customDomain: row.customDomain,
    liveAt: row.liveAt,
    updatedAt: row.updatedAt,
    texts: Object.fromEntries(
      texts.map((t) => [
        t.locale,
        {
          name: t.name,
          tagline: t.tagline,
          story: t.story,
          shippingPolicy: t.shippingPolicy,
          returnsPolicy: t.returnsPolicy,
        },
      ]),
    ),
  };
}
