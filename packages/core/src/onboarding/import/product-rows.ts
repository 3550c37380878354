import { Sku } from '../../catalog/product-schemas.js';
import { isAldeaError } from '../../errors.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { isCurrencyCode } from '../../money/currencies.js';
import { parseAmount } from '../../money/parse-amount.js';
import { boolCell, type ColumnSpec, intCell, type Row } from './columns.js';
import type { ProblemList } from './problems.js';

/** The canonical suffix of a locale in column names (`zh-CN` → `zh_cn`). */
export const localeColumn = (l: string) => l.toLowerCase().replace('-', '_');

const TEXT_FIELDS = ['title', 'description', 'materials', 'care'] as const;
/** The option columns a sheet may have: option1_… to option3_… (the catalog's limit). */
export const OPTION_SLOTS = [1, 2, 3] as const;

/** The product sheet's columns; `title` alone means the shop's default language. */
export function productColumns(defaultLocale: string): ColumnSpec {
  return {
    required: ['product', 'sku', 'price'],
    optional: [
      ...TEXT_FIELDS.flatMap((f) => LOCALES.map((l) => `${f}_${localeColumn(l)}`)),
      ...OPTION_SLOTS.flatMap((i) => [`option${i}_name`, `option${i}_value`]),
      'currency',
      'stock',
      'weight_g',
      'processing_days',
      'made_to_order',
      'photos',
      'origin',
    ],
    aliases: {
      handle: 'product',
      product_key: 'product',
      title: `title_${localeColumn(defaultLocale)}`,
      description: `description_${localeColumn(defaultLocale)}`,
      weight: 'weight_g',
      weight_grams: 'weight_g',
      grams: 'weight_g',
      quantity: 'stock',
      photo: 'photos',
      images: 'photos',
    },
  };
}

/** One variant row, parsed. */
export interface VariantRow {
  row: number;
  sku: string;
  priceMinor: number;
  stockOnHand: number;
  weightGrams: number;
  madeToOrder: boolean;
  processingDays: number;
  optionNames: string[];
  optionValues: string[];
  photos: string[];
  texts: Partial<
    Record<Locale, { title: string; description: string; materials: string; care: string }>
  >;
  origin: string;
}

/** What the row parser needs to know about the shop and the file. */
export interface RowContext {
  baseCurrency: string;
  /** Reads ambiguous prices ("1,234") the trainer's way. */
  locale: string;
  /** The CSV delimiter: photo lists may be split by the other of `,` and `;`. */
  delimiter: string;
}

/** Splits a photos cell: `a.jpg|b.jpg`, or `;`/`,` (whichever is not the file's delimiter). */
export function splitPhotos(value: string, delimiter: string): string[] {
  const sep = delimiter === ',' ? /[|;]/ : delimiter === ';' ? /[|,]/ : /[|;,]/;
  return value
    .split(sep)
    .map((p) => p.trim().split(/[\\/]/).pop()!.trim())
    .filter(Boolean);
}

function priceOf(row: Row, rc: RowContext, problems: ProblemList): number | undefined {
  const text = row.get('price');
  if (text === '') {
    problems.error(row.row, row.label('price'), 'REQUIRED');
    return undefined;
  }
  try {
    const m = parseAmount(text, rc.baseCurrency, { locale: rc.locale, path: 'price' });
    if (m.amountMinor > 0) return m.amountMinor;
  } catch (err) {
    if (!isAldeaError(err, 'VALIDATION')) throw err;
    const decimals = err.issues.some((i) => i.code === 'too_many_decimals');
    problems.error(row.row, row.label('price'), decimals ? 'PRICE_DECIMALS' : 'BAD_PRICE', {
      value: text,
      currency: rc.baseCurrency,
    });
    return undefined;
  }
  problems.error(row.row, row.label('price'), 'BAD_PRICE', {
    value: text,
    currency: rc.baseCurrency,
  });
  return undefined;
}

/**
 * Parses one product row, reporting each bad cell by column. Returns `null`
 * when the row cannot be imported (its problems are in `problems`).
 */
export function parseVariantRow(
  row: Row,
  rc: RowContext,
  problems: ProblemList,
): VariantRow | null {
  const before = problems.errors;
  const sku = row.get('sku');
  if (sku === '') problems.error(row.row, row.label('sku'), 'REQUIRED');
  else if (!Sku.safeParse(sku).success)
    problems.error(row.row, row.label('sku'), 'BAD_SKU', { value: sku });

  const currency = row.get('currency').toUpperCase();
  if (currency && !isCurrencyCode(currency)) {
    problems.error(row.row, row.label('currency'), 'UNKNOWN_CURRENCY', {
      value: row.get('currency'),
    });
  } else if (currency && currency !== rc.baseCurrency) {
    problems.error(row.row, row.label('currency'), 'WRONG_CURRENCY', {
      value: currency,
      expected: rc.baseCurrency,
    });
  }
  const priceMinor = priceOf(row, rc, problems);

  const int = (column: string, max: number) => {
    const r = intCell(row.get(column), { max, fallback: 0 });
    if (r.ok) return r.value;
    problems.error(row.row, row.label(column), r.code, r.params);
    return 0;
  };
  const stockOnHand = int('stock', 1_000_000);
  const weightGrams = int('weight_g', 1_000_000);
  const processingDays = int('processing_days', 365);
  const mto = boolCell(row.get('made_to_order'));
  if (mto === undefined) {
    problems.error(row.row, row.label('made_to_order'), 'BAD_BOOLEAN', {
      value: row.get('made_to_order'),
    });
  }

  const optionNames: string[] = [];
  const optionValues: string[] = [];
  for (const i of OPTION_SLOTS) {
    const name = row.get(`option${i}_name`);
    const value = row.get(`option${i}_value`);
    if (name === '' && value === '') continue;
    if (value === '') {
      problems.error(row.row, row.label(`option${i}_value`), 'OPTION_VALUE_MISSING', {
        value: name,
      });
    }
    optionNames.push(name);
    optionValues.push(value);
  }
  const texts: VariantRow['texts'] = {};
  for (const l of LOCALES) {
    const c = localeColumn(l);
    const t = {
      title: row.get(`title_${c}`),
      description: row.get(`description_${c}`),
      materials: row.get(`materials_${c}`),
      care: row.get(`care_${c}`),
    };
    if (t.title || t.description || t.materials || t.care) texts[l] = t;
  }
  if (problems.errors > before) return null;
  return {
    row: row.row,
    sku,
    priceMinor: priceMinor!,
    stockOnHand,
    weightGrams,
    madeToOrder: mto ?? false,
    processingDays,
    optionNames,
    optionValues,
    photos: splitPhotos(row.get('photos'), rc.delimiter),
    texts,
    origin: row.get('origin'),
  };
}
