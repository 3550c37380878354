import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { conversionFraction, deriveRate, FX_PIVOT } from '../../fx/derive-rate.js';
import { loadLatestRates } from '../../fx/latest-rates.js';
import type { Fraction } from '../../money/decimal.js';
import { preOnlinePrices } from '../../schema/onboarding.js';
import type { shops } from '../../schema/tenancy.js';
import { convertMinor } from './convert-order.js';
import type { ShopUplift } from './impact-report.js';

interface LineRow {
  shop_id: string;
  order_id: string;
  product_id: string;
  quantity: number;
  line_total_minor: number;
  currency: string;
}

/** `a ÷ b` rounded half up, in integers. */
export function roundDiv(a: number, b: number): number {
  return Number((2n * BigInt(a) + BigInt(b)) / (2n * BigInt(b)));
}

/**
 * The uplift of each shop over the prices its seller recorded from before
 * going online. For each recorded item, the online price is what it actually
 * sold for on average (each order line converted with its order's rate), or,
 * unsold, its listed price (lowest variant) at today's rate; the before price
 * is converted at today's rate. A shop-wide record ("a typical item") is
 * compared with the shop's average sold (else listed) unit price. Items that
 * cannot be converted are left out.
 */
export async function upliftOf(
  db: Db,
  shopRows: (typeof shops.$inferSelect)[],
  target: string,
  orderFactors: ReadonlyMap<string, Fraction | undefined>,
): Promise<Map<string, ShopUplift>> {
  const out = new Map<string, ShopUplift>();
  if (shopRows.length === 0) return out;
  const pre = await db
    .select()
    .from(preOnlinePrices)
    .where(
      inArray(
        preOnlinePrices.shopId,
        shopRows.map((s) => s.id),
      ),
    );
  if (pre.length === 0) return out;
  const shopIds = JSON.stringify([...new Set(pre.map((p) => p.shopId))]);
  const lines = await db.all<LineRow>(sql`
    select l.shop_id, l.order_id, l.product_id, l.quantity, l.line_total_minor, l.currency
    from order_lines l join orders o on o.shop_id = l.shop_id and o.id = l.order_id
    where l.shop_id in (select value from json_each(${shopIds})) and o.paid_at is not null`);
  const listed = await db.all<{ shop_id: string; product_id: string; price: number }>(sql`
    select v.shop_id, v.product_id, min(v.price_minor) as price from variants v
    join products p on p.shop_id = v.shop_id and p.id = v.product_id
    where v.shop_id in (select value from json_each(${shopIds})) and p.status <> 'archived'
    group by v.shop_id, v.product_id`);
  const currencies = [
    ...new Set([
      target,
      FX_PIVOT,
      ...shopRows.map((s) => s.baseCurrency),
      ...pre.map((p) => p.currency),
    ]),
  ];
  const latest = await loadLatestRates(db, { currencies });
  const today = (amount: number, from: string): number | undefined => {
    if (from === target) return amount;
    const rate = deriveRate(latest, from, target);
    return rate ? convertMinor(amount, from, target, conversionFraction(rate)) : undefined;
  };
  const base = new Map(shopRows.map((s) => [s.id, s.baseCurrency]));

  /** Average sold unit price of the matching lines, in the target currency. */
  const sold = (match: (l: LineRow) => boolean): number | undefined => {
    let total = 0;
    let qty = 0;
    for (const l of lines) {
      if (!match(l)) continue;
      const f = orderFactors.get(l.order_id);
      if (!f) continue;
      total += convertMinor(l.line_total_minor, l.currency, target, f);
      qty += l.quantity;
    }
    return qty > 0 ? roundDiv(total, qty) : undefined;
  };

  for (const p of pre) {
    const shopBase = base.get(p.shopId)!;
    let online: number | undefined;
    if (p.productId) {
      online = sold((l) => l.shop_id === p.shopId && l.product_id === p.productId);
      const list = listed.find((l) => l.shop_id === p.shopId && l.product_id === p.productId);
      online ??= list ? today(list.price, shopBase) : undefined;
    } else {
      online = sold((l) => l.shop_id === p.shopId);
      const mine = listed.filter((l) => l.shop_id === p.shopId);
      online ??= mine.length
        ? today(
            roundDiv(
              mine.reduce((n, l) => n + l.price, 0),
              mine.length,
            ),
            shopBase,
          )
        : undefined;
    }
    const before = today(p.amountMinor, p.currency);
    if (online === undefined || before === undefined || before <= 0) continue;
    const acc = out.get(p.shopId) ?? { items: 0, beforeMinor: 0, onlineMinor: 0, percent: 0 };
    acc.items++;
    acc.beforeMinor += before;
    acc.onlineMinor += online;
    acc.percent = Math.round(((acc.onlineMinor - acc.beforeMinor) * 100) / acc.beforeMinor);
    out.set(p.shopId, acc);
  }
  return out;
}
