import { z } from '@hono/zod-openapi';
import { Currency, DateTime, pageOf } from './common.js';
import { Price } from './price.js';

const Localized = z
  .record(z.string(), z.string())
  .openapi({ example: { en: 'Large', 'es-MX': 'Grande' } });

export const ImageFile = z
  .object({
    format: z.enum(['webp', 'avif', 'jpeg']),
    width: z.number().int(),
    height: z.number().int(),
    url: z.string().openapi({ example: '/media/shop_…/med_…/w640.webp' }),
  })
  .openapi('ImageFile');

export const Image = z
  .object({
    id: z.string(),
    mediaId: z.string(),
    position: z.number().int(),
    alt: z.string(),
    altLocale: z.string().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    placeholder: z
      .string()
      .openapi({ description: 'A tiny blurred `data:` URI to show while loading.' }),
    files: z.array(ImageFile),
  })
  .openapi('Image');

export const VariantSummary = z
  .object({
    id: z.string().openapi({ example: 'var_01jd3k8w2x9m4q7rtv5bz6c8ha' }),
    priceMinor: z
      .number()
      .int()
      .openapi({ description: 'Base price, minor units of the shop’s base currency.' }),
    fixedPrices: z.record(z.string(), z.number().int()).openapi({
      description: 'Prices the seller fixed per buyer currency, minor units of each.',
      example: { USD: 4999 },
    }),
    price: Price,
    stockOnHand: z.number().int(),
    madeToOrder: z.boolean(),
  })
  .openapi('VariantSummary');

export const Variant = VariantSummary.extend({
  sku: z.string(),
  position: z.number().int(),
  label: z.string().openapi({ description: 'Option values joined: `Grande / Natural`.' }),
  optionValueIds: z.array(z.string()),
  stockReserved: z.number().int(),
  weightGrams: z.number().int(),
  processingDaysMin: z.number().int(),
  processingDaysMax: z.number().int(),
}).openapi('Variant');

export const ProductStatus = z.enum(['draft', 'active', 'paused', 'archived']);

export const ProductSummary = z
  .object({
    id: z.string().openapi({ example: 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha' }),
    shopId: z.string(),
    slug: z.string(),
    status: ProductStatus,
    title: z.string(),
    titleLocale: z.string(),
    originPlace: z.string(),
    baseCurrency: Currency,
    image: Image.nullable(),
    priceFrom: Price.nullable().openapi({
      description: 'The lowest price available in the requested currency; `null` when none is.',
    }),
    variants: z.array(VariantSummary),
    inStock: z.boolean(),
    madeToOrder: z.boolean(),
    createdAt: DateTime,
  })
  .openapi('ProductSummary');

const ProductTexts = z.object({
  title: z.string(),
  description: z.string(),
  materials: z.string(),
  care: z.string(),
  source: z.enum(['human', 'machine']),
});

export const Product = ProductSummary.extend({
  description: z.string(),
  materials: z.string(),
  care: z.string(),
  textLocale: z.string().openapi({ description: 'The language the texts are in.' }),
  texts: z.array(z.string()).openapi({ description: 'Every language the seller wrote texts in.' }),
  textsByLocale: z.record(z.string(), ProductTexts).optional().openapi({
    description: 'Every language’s texts (admin reads only).',
  }),
  originCountry: z.string().nullable(),
  options: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      names: Localized,
      values: z.array(z.object({ id: z.string(), label: z.string(), labels: Localized })),
    }),
  ),
  variants: z.array(Variant),
  images: z.array(Image),
  collections: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string() })),
  publishedAt: DateTime.nullable(),
  updatedAt: DateTime,
}).openapi('Product');

export const PricePreviewRow = z
  .object({
    currency: Currency,
    price: Price,
    rule: z.object({
      rounding: z.string().openapi({ example: 'end-99' }),
      neverBelow: z.boolean(),
      marginBps: z.number().int(),
      source: z.enum(['shop', 'default']),
    }),
    beforeRounding: z.string().nullable().openapi({
      description: 'For converted prices: the exact conversion before rounding, in major units.',
      example: '17.1500',
    }),
  })
  .openapi('PricePreviewRow');

/** A page of listing cards. */
export const ProductPage = pageOf(ProductSummary, 'ProductPage');
