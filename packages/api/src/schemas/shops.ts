import type { ShopSettings as ShopSettingsView, ShopView, VillageView } from '@aldea/core';
import { z } from '@hono/zod-openapi';
import { Currency, DateTime, iso, isoOrNull } from './common.js';

export const Village = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'bainiu' }),
    country: z.string().openapi({ example: 'CN' }),
    defaultLocale: z.string(),
    defaultCurrency: Currency,
    name: z.string(),
    region: z.string(),
    story: z.string(),
    textLocale: z.string(),
  })
  .openapi('Village');

export const Shop = z
  .object({
    id: z.string(),
    slug: z.string(),
    villageId: z.string(),
    baseCurrency: Currency,
    buyerCurrencies: z.array(Currency),
    defaultLocale: z.string(),
    locales: z.array(z.string()),
    customDomain: z.string().nullable(),
    name: z.string(),
    tagline: z.string(),
    story: z.string(),
    shippingPolicy: z.string(),
    returnsPolicy: z.string(),
    textLocale: z.string(),
  })
  .openapi('Shop');

const ShopTexts = z.object({
  name: z.string(),
  tagline: z.string(),
  story: z.string(),
  shippingPolicy: z.string(),
  returnsPolicy: z.string(),
});

export const ShopSettings = z
  .object({
    id: z.string(),
    slug: z.string(),
    status: z.enum(['onboarding', 'live', 'paused']),
    baseCurrency: Currency,
    buyerCurrencies: z.array(Currency),
    defaultLocale: z.string(),
    locales: z.array(z.string()),
    customDomain: z.string().nullable(),
    texts: z.record(z.string(), ShopTexts),
    liveAt: DateTime.nullable(),
    updatedAt: DateTime,
  })
  .openapi('ShopSettings');

export function toVillage(v: VillageView): z.infer<typeof Village> {
  return {
    id: v.id,
    slug: v.slug,
    country: v.country,
    defaultLocale: v.defaultLocale,
    defaultCurrency: v.defaultCurrency,
    name: v.name,
    region: v.region,
    story: v.story,
    textLocale: v.textLocale,
  };
}

export function toShop(s: ShopView): z.infer<typeof Shop> {
  return {
    id: s.id,
    slug: s.slug,
    villageId: s.villageId,
    baseCurrency: s.baseCurrency,
    buyerCurrencies: s.buyerCurrencies,
    defaultLocale: s.defaultLocale,
    locales: s.locales,
    customDomain: s.customDomain,
    name: s.name,
    tagline: s.tagline,
    story: s.story,
    shippingPolicy: s.shippingPolicy,
    returnsPolicy: s.returnsPolicy,
    textLocale: s.textLocale,
  };
}

export function toShopSettings(s: ShopSettingsView): z.infer<typeof ShopSettings> {
  return {
    id: s.id,
    slug: s.slug,
    status: s.status,
    baseCurrency: s.baseCurrency,
    buyerCurrencies: s.buyerCurrencies,
    defaultLocale: s.defaultLocale,
    locales: s.locales,
    customDomain: s.customDomain,
    texts: Object.fromEntries(
      Object.entries(s.texts).filter((e): e is [string, NonNullable<(typeof e)[1]>] => !!e[1]),
    ),
    liveAt: isoOrNull(s.liveAt),
    updatedAt: iso(s.updatedAt),
  };
}
