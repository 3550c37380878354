import { z } from 'zod';
import { LOCALES } from '../i18n/locales.js';
import { isCurrencyCode } from '../money/currencies.js';

/** A URL slug: lower-case letters, digits and single hyphens, 2–64 characters. */
export const Slug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');

export const LocaleCode = z.enum(LOCALES);

/** An active ISO 4217 code we know the exponent of. */
export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: 'unknown currency code' });

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'use a two-letter country code such as CN or MX');

export const CreateVillageInput = z.object({
  slug: Slug,
  country: CountryCode,
  defaultLocale: LocaleCode,
  defaultCurrency: CurrencyCode,
  texts: z
    .partialRecord(
      LocaleCode,
      z.object({
        name: z.string().trim().min(1).max(120),
        region: z.string().trim().max(200).default(''),
        story: z.string().trim().max(10_000).default(''),
      }),
    )
    .refine((t) => Object.keys(t).length > 0, { message: 'give the village a name' }),
});
export type CreateVillageInput = z.input<typeof CreateVillageInput>;

export const ShopTextInput = z.object({
  name: z.string().trim().min(1).max(120),
  tagline: z.string().trim().max(200).default(''),
  story: z.string().trim().max(10_000).default(''),
  shippingPolicy: z.string().trim().max(10_000).default(''),
  returnsPolicy: z.string().trim().max(10_000).default(''),
});

export const CreateShopInput = z
  .object({
    villageId: z.string().min(1),
    slug: Slug,
    baseCurrency: CurrencyCode,
    buyerCurrencies: z.array(CurrencyCode).max(40).default([]),
    defaultLocale: LocaleCode,
    locales: z.array(LocaleCode).default([]),
    status: z.enum(['onboarding', 'live', 'paused']).default('onboarding'),
    customDomain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'not a valid domain name')
      .optional(),
    texts: z
      .partialRecord(LocaleCode, ShopTextInput)
      .refine((t) => Object.keys(t).length > 0, { message: 'give the shop a name' }),
  })
  .transform((s) => ({
    ...s,
    // The base currency and default locale are always offered.
    buyerCurrencies: [...new Set([s.baseCurrency, ...s.buyerCurrencies])],
    locales: [...new Set([s.defaultLocale, ...s.locales])],
  }));
export type CreateShopInput = z.input<typeof CreateShopInput>;
