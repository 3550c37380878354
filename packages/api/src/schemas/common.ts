import { z } from '@hono/zod-openapi';

/** An instant, ISO 8601 in UTC (`2026-11-25T10:00:00.000Z`). */
export const DateTime = z.iso.datetime().openapi({ example: '2026-11-25T10:00:00.000Z' });

/** An ISO 4217 code, upper case. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .openapi({ example: 'USD' });

/** Serialises an optional date. */
export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null | undefined): string | null => (d ? iso(d) : null);

/** A `?currency=` parameter: any case, read as upper case. */
export const CurrencyParam = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 code')
  .transform((s) => s.toUpperCase())
  .optional()
  .openapi({
    param: { name: 'currency', in: 'query' },
    description: 'Prices in this currency (default: the shop’s base currency).',
    example: 'USD',
  });

/** A `?locale=` parameter. */
export const LocaleParam = z
  .enum(['en', 'zh-CN', 'es-MX'])
  .optional()
  .openapi({
    param: { name: 'locale', in: 'query' },
    description:
      'Texts in this language (default: Accept-Language, else English), falling back to the shop’s default language.',
  });

/** Keyset paging parameters. */
export const PageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'Page size (default 24).' }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'The `nextCursor` of the previous page; omit for the first page.',
    }),
};

/** A page of items with the cursor of the next page (`null` on the last). */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({
        description: 'Pass as `cursor` for the next page; `null` on the last page.',
      }),
    })
    .openapi(name);
}

/** A shop named in the path by id (`shop_…`) or slug. */
export const ShopPath = z.object({
  shop: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'shop', in: 'path' }, example: 'bainiu-hickory' }),
});

/** Makes a path-parameter object schema for one id. */
export function idPath<const K extends string>(name: K, example: string) {
  return z.object({
    [name]: z
      .string()
      .min(1)
      .max(100)
      .openapi({ param: { name, in: 'path' }, example }),
  } as { [P in K]: z.ZodString });
}
