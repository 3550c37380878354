import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { variants } from '../schema/catalog.js';
import type { CheckoutLineRef } from '../schema/orders.js';

/** What shipping and the ship-by date need to know about a checkout's variants. */
export interface LineFacts {
  priceMinor: number;
  weightGrams: number;
  madeToOrder: boolean;
  processingDaysMax: number;
}

/** The variants of a checkout's lines (tenant-scoped; one statement). */
export async function loadLineFacts(
  db: Db,
  shopId: string,
  lines: readonly CheckoutLineRef[],
): Promise<Map<string, LineFacts>> {
  if (lines.length === 0) return new Map();
  const rows = await db
    .select({
      id: variants.id,
      priceMinor: variants.priceMinor,
      weightGrams: variants.weightGrams,
      madeToOrder: variants.madeToOrder,
      processingDaysMax: variants.processingDaysMax,
    })
    .from(variants)
    .where(
      and(
        eq(variants.shopId, shopId),
        inArray(
          variants.id,
          lines.map((l) => l.variantId),
        ),
      ),
    );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

/** The parcel's weight and the order's value in the shop's base currency. */
export function parcelOf(lines: readonly CheckoutLineRef[], facts: Map<string, LineFacts>) {
  let weightGrams = 0;
  let baseSubtotalMinor = 0;
  for (const l of lines) {
    const f = facts.get(l.variantId);
    if (!f) continue;
    weightGrams += f.weightGrams * l.quantity;
    baseSubtotalMinor += f.priceMinor * l.quantity;
  }
  return { weightGrams, baseSubtotalMinor };
}
