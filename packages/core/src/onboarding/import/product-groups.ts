import type { z } from 'zod';
import { CATALOG_LIMITS, CreateProductInput } from '../../catalog/product-schemas.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import type { ProblemList } from './problems.js';
import type { VariantRow } from './product-rows.js';
import { SeenKeys } from './seen-keys.js';

/** The rows of one product as they came, contiguous in the file. */
export interface RowGroup {
  key: string;
  firstRow: number;
  variants: VariantRow[];
  /** Some row of the product could not be read (its problems are already reported). */
  hadBadRow: boolean;
}

/** A product ready to write: the validated catalog input, and where it came from. */
export interface ProductDraft {
  key: string;
  firstRow: number;
  input: z.output<typeof CreateProductInput>;
  /** The spreadsheet row of each variant, by SKU. */
  rowOfSku: Map<string, number>;
  photos: string[];
}

/**
 * Groups rows into products as they stream by (rows of a product must be next
 * to each other, so only the current product is held), and catches duplicate
 * SKUs and a product's rows scattered across the file.
 */
export class ProductGrouper {
  private current: RowGroup | undefined;
  private readonly seenKeys = new SeenKeys();
  private readonly seenSkus = new SeenKeys();
  constructor(private readonly problems: ProblemList) {}

  /** Adds a row (`variant` null when the row had problems); returns a finished group, if any. */
  add(
    key: string,
    row: number,
    variant: VariantRow | null,
    keyColumn: string,
  ): RowGroup | undefined {
    if (key === '') {
      this.problems.error(row, keyColumn, 'REQUIRED');
      if (this.current) this.current.hadBadRow = true;
      return undefined;
    }
    let finished: RowGroup | undefined;
    if (this.current?.key !== key) {
      const first = this.seenKeys.get(key);
      if (first !== undefined) {
        this.problems.error(row, keyColumn, 'ROWS_NOT_TOGETHER', { value: key, other: first });
        return undefined;
      }
      finished = this.current;
      this.current = { key, firstRow: row, variants: [], hadBadRow: false };
      this.seenKeys.set(key, row);
    }
    const group = this.current!;
    if (variant) {
      const other = this.seenSkus.get(variant.sku);
      if (other !== undefined) {
        this.problems.error(row, 'sku', 'DUPLICATE_SKU', { value: variant.sku, other });
        group.hadBadRow = true;
      } else {
        this.seenSkus.set(variant.sku, row);
        group.variants.push(variant);
      }
    } else {
      group.hadBadRow = true;
    }
    return finished;
  }

  /** The last group, at the end of the file. */
  finish(): RowGroup | undefined {
    const last = this.current;
    this.current = undefined;
    return last;
  }
}

type Parsed = z.output<typeof CreateProductInput>;
type Texts = NonNullable<VariantRow['texts'][Locale]>;

function zodIssuesToProblems(
  issues: z.core.$ZodIssue[],
  group: RowGroup,
  problems: ProblemList,
): void {
  for (const issue of issues) {
    const [head, a, b] = issue.path.map(String);
    let row = group.firstRow;
    let column: string | null = null;
    if (head === 'texts' && a) column = `${b ?? 'title'}_${a}`;
    if (head === 'variants' && a !== undefined) {
      row = group.variants[Number(a)]?.row ?? row;
      column = b ?? null;
    }
    if (
      issue.code === 'too_big' &&
      'maximum' in issue &&
      column?.match(/^(title|description|materials|care)_/)
    ) {
      problems.error(row, column, 'TOO_LONG', { max: Number(issue.maximum) });
    } else {
      problems.error(row, column, 'INVALID', { reason: issue.message });
    }
  }
}

/**
 * Turns a group of rows into a validated product draft: texts from the
 * product's rows, options and their values in order of appearance, one
 * variant per row; then the catalog's own `CreateProductInput` check. Returns
 * `null` (problems reported by row and column) when it cannot be imported.
 */
export function buildDraft(
  group: RowGroup,
  defaultLocale: string,
  problems: ProblemList,
): ProductDraft | null {
  if (group.hadBadRow) {
    if (group.variants.length > 0)
      problems.warn(group.firstRow, 'product', 'PRODUCT_SKIPPED', { value: group.key });
    return null;
  }
  const before = problems.errors;
  const first = group.variants[0]!;
  const texts: Partial<Record<Locale, Texts>> = {};
  for (const l of LOCALES) {
    const found = group.variants.find((v) => v.texts[l]?.title)?.texts[l];
    const partial = group.variants.find((v) => v.texts[l])?.texts[l];
    if (found) texts[l] = found;
    else if (partial) problems.error(group.firstRow, `title_${l}`, 'REQUIRED');
  }
  if (Object.keys(texts).length === 0) problems.error(group.firstRow, null, 'NO_TITLE');

  const names = first.optionNames;
  const values: string[][] = names.map(() => []);
  const combos = new Map<string, number>();
  const optionIndexes: number[][] = [];
  for (const v of group.variants) {
    const same =
      v.optionNames.length === names.length &&
      v.optionNames.every((n, i) => n === '' || n === names[i]);
    if (!same) {
      problems.error(v.row, 'option1_name', 'OPTION_NAMES_DIFFER', {
        value: group.key,
        other: first.row,
      });
      continue;
    }
    const idx = v.optionValues.map((val, i) => {
      const at = values[i]!.indexOf(val);
      if (at !== -1) return at;
      values[i]!.push(val);
      return values[i]!.length - 1;
    });
    const combo = idx.join(',');
    if (names.length > 0 && combos.has(combo)) problems.error(v.row, null, 'DUPLICATE_VARIANT');
    combos.set(combo, v.row);
    optionIndexes.push(idx);
  }
  if (group.variants.length > 1 && names.length === 0) {
    problems.error(group.variants[1]!.row, 'option1_name', 'NEEDS_OPTIONS', { value: group.key });
  }
  if (group.variants.length > CATALOG_LIMITS.variants) {
    problems.error(group.firstRow, null, 'TOO_MANY_VARIANTS', {
      value: group.key,
      max: CATALOG_LIMITS.variants,
    });
  }
  if (problems.errors > before) return null;

  const label = (text: string) => ({ [defaultLocale]: text });
  const raw = {
    status: 'draft',
    originPlace: group.variants.find((v) => v.origin)?.origin ?? '',
    texts,
    options: names.map((n, i) => ({ name: label(n), values: values[i]!.map(label) })),
    variants: group.variants.map((v, i) => ({
      sku: v.sku,
      priceMinor: v.priceMinor,
      stockOnHand: v.stockOnHand,
      weightGrams: v.weightGrams,
      madeToOrder: v.madeToOrder,
      processingDaysMin: v.processingDays,
      processingDaysMax: v.processingDays,
      optionValues: optionIndexes[i]!,
    })),
  };
  const parsed = CreateProductInput.safeParse(raw);
  if (!parsed.success) {
    zodIssuesToProblems(parsed.error.issues, group, problems);
    return null;
  }
  const photos = [...new Set(group.variants.flatMap((v) => v.photos))].slice(0, 20);
  return {
    key: group.key,
    firstRow: group.firstRow,
    input: parsed.data as Parsed,
    rowOfSku: new Map(group.variants.map((v) => [v.sku, v.row])),
    photos,
  };
}
