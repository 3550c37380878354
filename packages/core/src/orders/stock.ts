import { sql } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import type { Db } from '../db/database.js';
import { AldeaError } from '../errors.js';
import { variants } from '../schema/catalog.js';

/**
 * Stock moves between the three columns of a variant, each by ONE conditional
 * UPDATE whose WHERE clause carries the check (never read-then-write), so two
 * buyers — in one process or two — can never both take the last one:
 *
 *   on_hand ──reserve──▶ reserved ──sell──▶ sold
 *      ▲                    │                │
 *      └──────release───────┘◀──restock──────┘
 *
 * `on_hand + reserved + sold` is unchanged by every move; only the seller's
 * stock adjustments change it. CHECK constraints keep each column ≥ 0.
 */

/** A quantity of one variant. */
export interface StockLine {
  variantId: string;
  quantity: number;
}

/** Thrown inside a transaction to roll it back when a line cannot be reserved. */
export class OutOfStockSignal extends Error {
  constructor(readonly variantIds: string[]) {
    super(`out of stock: ${variantIds.join(', ')}`);
  }
}

/** Adds up duplicate variants so each is updated once. */
export function mergeStockLines(lines: readonly StockLine[]): StockLine[] {
  const byVariant = new Map<string, number>();
  for (const l of lines) byVariant.set(l.variantId, (byVariant.get(l.variantId) ?? 0) + l.quantity);
  return [...byVariant].map(([variantId, quantity]) => ({ variantId, quantity }));
}

type Column = 'stock_on_hand' | 'stock_reserved' | 'stock_sold';

/**
 * `from → to` by `q` for one variant, only when `from` has `q` (and, taking
 * from on_hand, only while its product is on sale). Prepared once per
 * connection: placing an order runs it for every line.
 */
function moveStatement(db: Db, from: Column, to: Column) {
  return cached(db, `stock.${from}.${to}`, () => {
    const q = sql.placeholder('q');
    const onSale =
      from === 'stock_on_hand'
        ? sql` and exists (select 1 from products p where p.shop_id = variants.shop_id
            and p.id = variants.product_id and p.status = 'active')`
        : sql``;
    return db
      .update(variants)
      .set({
        [columnKey[from]]: sql`${sql.raw(from)} - ${q}`,
        [columnKey[to]]: sql`${sql.raw(to)} + ${q}`,
      })
      .where(
        sql`${variants.shopId} = ${sql.placeholder('shopId')} and ${variants.id} = ${sql.placeholder('variantId')} and ${sql.raw(from)} >= ${q}${onSale}`,
      )
      .prepare();
  });
}

const columnKey = {
  stock_on_hand: 'stockOnHand',
  stock_reserved: 'stockReserved',
  stock_sold: 'stockSold',
} as const;

function moveOne(tx: Db, shopId: string, l: StockLine, from: Column, to: Column): boolean {
  return (
    moveStatement(tx, from, to).run({ shopId, variantId: l.variantId, q: l.quantity }).changes === 1
  );
}

/**
 * Moves `quantity` from on_hand to reserved for every line — `UPDATE variants
 * SET stock_on_hand = stock_on_hand - q, stock_reserved = stock_reserved + q
 * WHERE shop_id = ? AND id = ? AND stock_on_hand >= q` — or throws
 * {@link OutOfStockSignal} naming every line that did not fit (the caller's
 * transaction then rolls back the lines that did). A product unpublished since
 * the buyer's review counts as gone.
 */
export async function reserveStock(tx: Db, shopId: string, lines: readonly StockLine[]) {
  const short: string[] = [];
  for (const l of mergeStockLines(lines)) {
    if (!moveOne(tx, shopId, l, 'stock_on_hand', 'stock_reserved')) short.push(l.variantId);
  }
  if (short.length > 0) throw new OutOfStockSignal(short);
}

/**
 * Takes stock straight from on_hand into sold (a late payment reviving an
 * expired order), all lines or none: when one line no longer fits, the lines
 * already taken are put back before {@link OutOfStockSignal} is thrown, so the
 * caller's transaction can carry on.
 */
export async function takeStock(tx: Db, shopId: string, lines: readonly StockLine[]) {
  const taken: StockLine[] = [];
  const short: string[] = [];
  for (const l of mergeStockLines(lines)) {
    if (moveOne(tx, shopId, l, 'stock_on_hand', 'stock_sold')) taken.push(l);
    else short.push(l.variantId);
  }
  if (short.length === 0) return;
  await move(tx, shopId, taken, 'stock_sold', 'stock_on_hand');
  throw new OutOfStockSignal(short);
}

async function move(
  tx: Db,
  shopId: string,
  lines: readonly StockLine[],
  from: 'stock_reserved' | 'stock_sold',
  to: 'stock_on_hand' | 'stock_sold',
): Promise<void> {
  for (const l of mergeStockLines(lines)) {
    if (moveOne(tx, shopId, l, from, to)) continue;
    // A variant the seller deleted since has nothing to give back; anything else is a bug.
    const exists = await tx.get<{ n: number }>(
      sql`select count(*) as n from variants where shop_id = ${shopId} and id = ${l.variantId}`,
    );
    if (exists && exists.n > 0) {
      throw new AldeaError('INTERNAL', `stock of ${l.variantId} has less ${from} than it owes`);
    }
  }
}

/** reserved → on_hand: an unpaid order expired or was cancelled. */
export function releaseStock(tx: Db, shopId: string, lines: readonly StockLine[]) {
  return move(tx, shopId, lines, 'stock_reserved', 'stock_on_hand');
}

/** reserved → sold: the order was paid. */
export function sellStock(tx: Db, shopId: string, lines: readonly StockLine[]) {
  return move(tx, shopId, lines, 'stock_reserved', 'stock_sold');
}

/** sold → on_hand: a paid order was cancelled, its goods are back on the shelf. */
export function restockSold(tx: Db, shopId: string, lines: readonly StockLine[]) {
  return move(tx, shopId, lines, 'stock_sold', 'stock_on_hand');
}
