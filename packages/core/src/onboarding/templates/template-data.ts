import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.js';
import { MANUAL_METHODS } from '../../payments/payment-settings.js';
import { ROUNDING_RULES } from '../../pricing/rounding.js';
import { CurrencyCode, LocaleCode } from '../../tenancy/schemas.js';

const Localized = z.partialRecord(z.enum(LOCALES), z.string());
const Minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A sample product draft of a template: texts, options and variants, prices in the template currency. */
export const TemplateProduct = z.object({
  texts: z.partialRecord(
    LocaleCode,
    z.object({
      title: z.string(),
      description: z.string().default(''),
      materials: z.string().default(''),
      care: z.string().default(''),
    }),
  ),
  originPlace: z.string().default(''),
  options: z.array(z.object({ name: Localized, values: z.array(Localized) })).default([]),
  variants: z.array(
    z.object({
      sku: z.string(),
      priceMinor: Minor,
      weightGrams: z.int().min(0),
      madeToOrder: z.boolean(),
      processingDaysMin: z.int().min(0),
      processingDaysMax: z.int().min(0),
      optionValues: z.array(z.int().min(0)).default([]),
    }),
  ),
  collectionSlugs: z.array(z.string()).default([]),
});
export type TemplateProduct = z.output<typeof TemplateProduct>;

/**
 * What a shop template holds: the structure of a proven shop, never its
 * orders, stock or photos. Amounts are in `baseCurrency`.
 */
export const ShopTemplateData = z.object({
  version: z.literal(1),
  baseCurrency: CurrencyCode,
  defaultLocale: LocaleCode,
  locales: z.array(LocaleCode),
  buyerCurrencies: z.array(CurrencyCode),
  policies: z
    .partialRecord(LocaleCode, z.object({ shippingPolicy: z.string(), returnsPolicy: z.string() }))
    .default({}),
  collections: z
    .array(
      z.object({
        slug: z.string(),
        title: Localized,
        description: Localized.default({}),
        position: z.int().min(0).default(0),
      }),
    )
    .default([]),
  shipping: z
    .array(
      z.object({
        name: z.string(),
        countries: z.array(z.string()),
        taxRateBps: z.int().min(0).max(10_000),
        taxInclusive: z.boolean(),
        rates: z.array(
          z.object({
            name: Localized,
            minWeightGrams: z.int().min(0),
            maxWeightGrams: z.int().min(0).nullable(),
            amountMinor: Minor,
            freeOverMinor: Minor.nullable(),
            deliveryDaysMin: z.int().min(0),
            deliveryDaysMax: z.int().min(0),
          }),
        ),
      }),
    )
    .default([]),
  payment: z
    .object({
      cardEnabled: z.boolean(),
      manualMethods: z.array(z.enum(MANUAL_METHODS)),
      instructions: z.partialRecord(z.enum(MANUAL_METHODS), Localized),
    })
    .nullable()
    .default(null),
  rounding: z
    .array(
      z.object({ currency: CurrencyCode, rule: z.enum(ROUNDING_RULES), neverBelow: z.boolean() }),
    )
    .default([]),
  fxMarginBps: z.int().min(0).max(5000).default(0),
  products: z.array(TemplateProduct).default([]),
});
export type ShopTemplateData = z.output<typeof ShopTemplateData>;

/** A template as lists show it (without its data). */
export interface ShopTemplateView {
  id: string;
  villageId: string;
  sourceShopId: string | null;
  name: string;
  baseCurrency: string;
  collections: number;
  shippingZones: number;
  products: number;
  createdAt: Date;
}
