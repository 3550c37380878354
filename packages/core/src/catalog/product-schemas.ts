import { z } from 'zod';
import { isCurrencyCode } from '../money/currencies.js';
import { CountryCode, LocaleCode, Slug } from '../tenancy/schemas.js';

/** Limits on what a seller may write, shared by the schemas and their tests. */
export const CATALOG_LIMITS = {
  title: 200,
  description: 20_000,
  materials: 2_000,
  care: 5_000,
  label: 80,
  originPlace: 200,
  sku: 64,
  options: 3,
  valuesPerOption: 50,
  variants: 100,
  stock: 1_000_000,
  weightGrams: 1_000_000,
  processingDays: 365,
  priceMinor: 1_000_000_000_000,
  collectionIds: 50,
} as const;

const L = CATALOG_LIMITS;
const max = (n: number) => `at most ${n.toLocaleString('en')} characters`;

/** A short label per locale (option names and values, alt texts): at least one language. */
export const LocalizedLabel = z
  .partialRecord(LocaleCode, z.string().trim().min(1, 'cannot be empty').max(L.label, max(L.label)))
  .refine((t) => Object.keys(t).length > 0, { message: 'give at least one language' });
export type LocalizedLabel = z.input<typeof LocalizedLabel>;

/** One locale's product texts. */
export const ProductTextInput = z.object({
  title: z.string().trim().min(1, 'give the product a title').max(L.title, max(L.title)),
  description: z.string().trim().max(L.description, max(L.description)).default(''),
  materials: z.string().trim().max(L.materials, max(L.materials)).default(''),
  care: z.string().trim().max(L.care, max(L.care)).default(''),
  source: z.enum(['human', 'machine']).default('human'),
});
export type ProductTextInput = z.input<typeof ProductTextInput>;

/** An option axis and its values, in order. */
export const OptionInput = z.object({
  name: LocalizedLabel,
  values: z
    .array(LocalizedLabel)
    .min(1, 'give the option at least one value')
    .max(L.valuesPerOption, `at most ${L.valuesPerOption} values`),
});
export type OptionInput = z.input<typeof OptionInput>;

/** A SKU: letters, digits and `. _ - / #`, no spaces. */
export const Sku = z
  .string()
  .trim()
  .min(1, 'give the variant a SKU')
  .max(L.sku, max(L.sku))
  .regex(/^[\p{L}\p{N}._\-/#]+$/u, 'use letters, digits and . _ - / # only');

/** Fixed prices per buyer currency, integer minor units: `{ USD: 1299 }`. */
export const FixedPricesInput = z
  .record(z.string(), z.number().int('use whole minor units').positive().max(L.priceMinor))
  .superRefine((prices, ctx) => {
    for (const code of Object.keys(prices)) {
      if (!isCurrencyCode(code)) {
        ctx.addIssue({ code: 'custom', path: [code], message: `unknown currency code "${code}"` });
      }
    }
  });

/** The price fields of a variant: exactly one of `priceMinor` or `price`. */
const PriceFields = {
  /** Base price in minor units of the shop's base currency. */
  priceMinor: z
    .number()
    .int('use whole minor units')
    .positive('must be more than zero')
    .max(L.priceMinor)
    .optional(),
  /** The seller-typed base price ("850.50"), parsed in the shop's base currency. */
  price: z.string().max(64).optional(),
  fixedPrices: FixedPricesInput.optional(),
};

function exactlyOnePrice(v: { priceMinor?: number; price?: string }, ctx: z.RefinementCtx) {
  if (v.priceMinor === undefined && v.price === undefined) {
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'give the variant a price' });
  }
  if (v.priceMinor !== undefined && v.price !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'give either price or priceMinor' });
  }
}

const VariantObject = z.object({
  sku: Sku,
  ...PriceFields,
  stockOnHand: z.number().int().min(0, 'stock cannot be negative').max(L.stock),
  weightGrams: z.number().int().min(0, 'weight cannot be negative').max(L.weightGrams),
  madeToOrder: z.boolean().default(false),
  processingDaysMin: z.number().int().min(0).max(L.processingDays).default(0),
  /** Defaults to `processingDaysMin`. */
  processingDaysMax: z.number().int().min(0).max(L.processingDays).optional(),
  /** For each option, the index of this variant's value in that option's `values`. */
  optionValues: z.array(z.number().int().min(0)).max(L.options).default([]),
});

function checkVariantFields(v: z.output<typeof VariantObject>, ctx: z.RefinementCtx) {
  exactlyOnePrice(v, ctx);
  if (v.processingDaysMax !== undefined && v.processingDaysMax < v.processingDaysMin) {
    ctx.addIssue({
      code: 'custom',
      path: ['processingDaysMax'],
      message: 'must not be less than the minimum',
    });
  }
}

/** A variant as the seller describes it (create, or full replacement on update). */
export const VariantInput = VariantObject.superRefine(checkVariantFields);
export type VariantInput = z.input<typeof VariantInput>;
export type ParsedVariant = z.output<typeof VariantInput>;

/** A variant in `updateProduct`: matched by `id`, else by SKU. */
export const UpdateVariantInput = VariantObject.extend({
  id: z.string().min(1).max(64).optional(),
}).superRefine(checkVariantFields);
export type UpdateVariantInput = z.input<typeof UpdateVariantInput>;

const ProductTexts = z
  .partialRecord(LocaleCode, ProductTextInput)
  .refine((t) => Object.keys(t).length > 0, {
    message: 'give the product a title in one language',
  });

const CollectionIds = z.array(z.string().min(1).max(64)).max(L.collectionIds);

/** Variants must pick one value of every option, each combination once, each SKU once. */
export function checkVariants(
  variants: { sku: string; optionValues: number[] }[],
  valueCounts: number[] | undefined,
  ctx: z.RefinementCtx,
): void {
  const skus = new Set<string>();
  const combos = new Set<string>();
  variants.forEach((v, i) => {
    if (skus.has(v.sku)) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants', i, 'sku'],
        message: 'this SKU is used twice',
      });
    }
    skus.add(v.sku);
    if (!valueCounts) return;
    if (valueCounts.length === 0) {
      if (i === 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'add an option (size, grade…) to tell the variants apart',
        });
      }
      return;
    }
    if (v.optionValues.length !== valueCounts.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants', i, 'optionValues'],
        message: `pick one value for each of the ${valueCounts.length} options`,
      });
      return;
    }
    v.optionValues.forEach((index, o) => {
      if (index >= (valueCounts[o] ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'optionValues', o],
          message: 'no such option value',
        });
      }
    });
    const combo = v.optionValues.join(',');
    if (combos.has(combo)) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants', i, 'optionValues'],
        message: 'another variant has the same option values',
      });
    }
    combos.add(combo);
  });
}

/** Input of `createProduct`. */
export const CreateProductInput = z
  .object({
    slug: Slug.optional(),
    status: z.enum(['draft', 'active']).default('draft'),
    originCountry: CountryCode.optional(),
    originPlace: z.string().trim().max(L.originPlace, max(L.originPlace)).default(''),
    texts: ProductTexts,
    options: z.array(OptionInput).max(L.options, `at most ${L.options} options`).default([]),
    variants: z.array(VariantInput).max(L.variants, `at most ${L.variants} variants`),
    collectionIds: CollectionIds.default([]),
  })
  .superRefine((p, ctx) => {
    checkVariants(
      p.variants,
      p.options.map((o) => o.values.length),
      ctx,
    );
    if (p.status === 'active' && p.variants.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: 'add at least one variant before publishing',
      });
    }
  });
export type CreateProductInput = z.input<typeof CreateProductInput>;

/**
 * Input of `updateProduct`: every field optional. Texts are upserted per locale
 * (`null` removes a locale). Variants are matched by `id`, else by SKU, and
 * replaced whole (except `fixedPrices`: left out, they are kept; `{}` clears
 * them); unknown ones are added. `options`, when given with the same
 * number of options and values, renames them in place; with another shape it
 * replaces them, and then every remaining variant must be listed with its new
 * `optionValues`.
 */
export const UpdateProductInput = z
  .object({
    slug: Slug.optional(),
    originCountry: CountryCode.nullable().optional(),
    originPlace: z.string().trim().max(L.originPlace, max(L.originPlace)).optional(),
    texts: z.partialRecord(LocaleCode, ProductTextInput.nullable()).optional(),
    options: z.array(OptionInput).max(L.options, `at most ${L.options} options`).optional(),
    variants: z
      .array(UpdateVariantInput)
      .max(L.variants, `at most ${L.variants} variants`)
      .default([]),
    removeVariantIds: z.array(z.string().min(1).max(64)).max(L.variants).default([]),
    collectionIds: CollectionIds.optional(),
  })
  .superRefine((p, ctx) => checkVariants(p.variants, undefined, ctx));
export type UpdateProductInput = z.input<typeof UpdateProductInput>;

/** Input of `setVariantStock`. */
export const SetVariantStockInput = z.object({
  stockOnHand: z.number().int().min(0, 'stock cannot be negative').max(L.stock),
});
export type SetVariantStockInput = z.input<typeof SetVariantStockInput>;

/** Input of `setVariantPrice`; `fixedPrices`, when given, replaces them all. */
export const SetVariantPriceInput = z.object(PriceFields).superRefine(exactlyOnePrice);
export type SetVariantPriceInput = z.input<typeof SetVariantPriceInput>;
