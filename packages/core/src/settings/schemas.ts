import { z } from 'zod';
import { CurrencyCode, LocaleCode, ShopTextInput } from '../tenancy/schemas.js';

/** A shop's name, tagline, story and policies in one language. */
export const ShopProfileInput = z.object({
  locale: LocaleCode,
  texts: ShopTextInput,
});
export type ShopProfileInput = z.input<typeof ShopProfileInput>;

/** The languages a shop writes in; the default is always among them. */
export const ShopLanguagesInput = z
  .object({
    defaultLocale: LocaleCode,
    locales: z.array(LocaleCode).max(10).default([]),
  })
  .transform((s) => ({ ...s, locales: [...new Set([s.defaultLocale, ...s.locales])] }));
export type ShopLanguagesInput = z.input<typeof ShopLanguagesInput>;

/** The currencies buyers may pay in; the base currency is always offered. */
export const BuyerCurrenciesInput = z.object({
  currencies: z.array(CurrencyCode).max(40),
});
export type BuyerCurrenciesInput = z.input<typeof BuyerCurrenciesInput>;

/** A custom domain for the storefront, or `null` to remove it. */
export const CustomDomainInput = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'not a valid domain name')
    .nullable(),
});
export type CustomDomainInput = z.input<typeof CustomDomainInput>;

/** Open the shop to buyers, or pause it (products stay, buyers see a notice). */
export const ShopStatusInput = z.object({ status: z.enum(['live', 'paused']) });
export type ShopStatusInput = z.input<typeof ShopStatusInput>;
