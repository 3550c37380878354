import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { pickLocalized } from '../i18n/locales.js';
import { variants } from '../schema/catalog.js';
import type { LocalizedText } from '../schema/columns.js';
import { cachedSelect } from './prepared.js';
import { fixedPricesOf, parseJson, qualified } from './sql-fragments.js';
import type { VariantView } from './views.js';

type OptionValueCell = [optionPosition: number, valueId: string, labels: LocalizedText];

/** Every column a {@link VariantView} needs, with fixed prices and option values aggregated. */
export const variantViewFields = {
  id: variants.id,
  productId: variants.productId,
  sku: variants.sku,
  position: variants.position,
  priceMinor: variants.priceMinor,
  stockOnHand: variants.stockOnHand,
  stockReserved: variants.stockReserved,
  weightGrams: variants.weightGrams,
  madeToOrder: variants.madeToOrder,
  processingDaysMin: variants.processingDaysMin,
  processingDaysMax: variants.processingDaysMax,
  fixedPrices: fixedPricesOf(variants.shopId, variants.id),
  optionValues: sql<
    OptionValueCell[]
  >`(select json_group_array(json_array(o.position, x.option_value_id, json(v.label)))
    from variant_option_values x
    join product_option_values v on v.shop_id = x.shop_id and v.id = x.option_value_id
    join product_options o on o.shop_id = v.shop_id and o.id = v.option_id
    where x.shop_id = ${qualified(variants.shopId)} and x.variant_id = ${qualified(variants.id)})`.mapWith(
    parseJson<OptionValueCell[]>,
  ),
};

/** A row selected with {@link variantViewFields}. */
export interface VariantRow {
  id: string;
  productId: string;
  sku: string;
  position: number;
  priceMinor: number;
  stockOnHand: number;
  stockReserved: number;
  weightGrams: number;
  madeToOrder: boolean;
  processingDaysMin: number;
  processingDaysMax: number;
  fixedPrices: Partial<Record<string, number>>;
  optionValues: OptionValueCell[];
}

/** Orders the option values by option and joins their labels: "Grande / Natural". */
export function toVariantView(row: VariantRow, locale: string, shopDefault: string): VariantView {
  const cells =
    row.optionValues.length > 1 ? row.optionValues.sort((a, b) => a[0] - b[0]) : row.optionValues;
  let label = '';
  const optionValueIds: string[] = [];
  for (const [, valueId, labels] of cells) {
    optionValueIds.push(valueId);
    const text = pickLocalized(labels, locale, shopDefault)?.value ?? '';
    label = label ? `${label} / ${text}` : text;
  }
  return {
    id: row.id,
    sku: row.sku,
    position: row.position,
    priceMinor: row.priceMinor,
    fixedPrices: row.fixedPrices,
    stockOnHand: row.stockOnHand,
    stockReserved: row.stockReserved,
    weightGrams: row.weightGrams,
    madeToOrder: row.madeToOrder,
    processingDaysMin: row.processingDaysMin,
    processingDaysMax: row.processingDaysMax,
    optionValueIds,
    label,
  };
}

function variantsStatement(db: Db, by: 'product' | 'variant') {
  return cachedSelect(db, `catalog.variants.by-${by}`, variantViewFields, (f) =>
    db
      .select(f)
      .from(variants)
      .where(
        and(
          eq(variants.shopId, sql.placeholder('shopId')),
          by === 'product'
            ? eq(variants.productId, sql.placeholder('key'))
            : eq(variants.id, sql.placeholder('key')),
        ),
      )
      .orderBy(asc(variants.position), asc(variants.id))
      .prepare(),
  );
}

/** Every variant of a product, in order (tenant-scoped). */
export async function loadProductVariants(
  db: Db,
  shopId: string,
  productId: string,
): Promise<VariantRow[]> {
  return variantsStatement(db, 'product').all({ shopId, key: productId });
}

/** One variant by id, or undefined (tenant-scoped). */
export async function loadVariant(
  db: Db,
  shopId: string,
  variantId: string,
): Promise<VariantRow | undefined> {
  const [row] = await variantsStatement(db, 'variant').all({ shopId, key: variantId });
  return row;
}
