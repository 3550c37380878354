import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { MANUAL_METHODS } from '../payments/payment-settings.js';
import { shopPaymentSettings } from '../schema/payments.js';
import type { ProgressFacts } from './progress-steps.js';

interface FactRow {
  shop_id: string;
  status: 'onboarding' | 'live' | 'paused';
  live_at: number | null;
  has_story: number;
  max_photos: number | null;
  products: number;
  open_conversions: number;
  shipping_rates: number;
  paid_orders: number;
  shipped_orders: number;
  last_activity: number;
}

/** Open conversions: not confirmed, and the live amount is still the converted one. */
const OPEN_CONVERSIONS = sql`
  (select count(*) from converted_amounts ca
    where ca.shop_id = s.id and ca.confirmed_at is null and (
      (ca.entity = 'variant' and exists(select 1 from variants v
        where v.shop_id = ca.shop_id and v.id = ca.entity_id and v.price_minor = ca.amount_minor))
      or (ca.entity = 'shipping_rate' and exists(select 1 from shipping_rates r
        where r.shop_id = ca.shop_id and r.id = ca.entity_id and r.amount_minor = ca.amount_minor))
      or (ca.entity = 'shipping_free_over' and exists(select 1 from shipping_rates r
        where r.shop_id = ca.shop_id and r.id = ca.entity_id and r.free_over_minor = ca.amount_minor))))`;

/** The newest sign of work on the shop: edits, photos, orders, a member signing in. */
const LAST_ACTIVITY = sql`max(
  s.updated_at,
  coalesce((select max(p.updated_at) from products p where p.shop_id = s.id), 0),
  coalesce((select max(i.created_at) from product_images i where i.shop_id = s.id), 0),
  coalesce((select max(o.updated_at) from orders o where o.shop_id = s.id), 0),
  coalesce((select max(se.last_seen_at) from sessions se
    join memberships m on m.user_id = se.user_id where m.shop_id = s.id), 0))`;

/** True when buyers have a way to pay this shop (Stripe account, or a usable manual method). */
export function paymentReady(row: {
  stripeAccountId: string | null;
  manualMethods: string[];
  instructions: Partial<Record<string, Partial<Record<string, string>>>>;
}): boolean {
  if (row.stripeAccountId) return true;
  return row.manualMethods.some((m) => {
    if (!(MANUAL_METHODS as readonly string[]).includes(m)) return false;
    // A bank transfer is usable only once the seller wrote where to send the money.
    if (m !== 'bank_transfer') return true;
    return Object.values(row.instructions[m] ?? {}).some((t) => (t ?? '').trim() !== '');
  });
}

/**
 * The progress facts of many shops in two statements, whatever their number:
 * one row per shop with correlated counts, and their payment settings.
 */
export async function loadProgressFacts(db: Db, shopIds: string[]): Promise<ProgressFacts[]> {
  if (shopIds.length === 0) return [];
  const rows = await db.all<FactRow>(sql`
    select s.id as shop_id, s.status, s.live_at,
      exists(select 1 from shop_texts t where t.shop_id = s.id and trim(t.story) <> '') as has_story,
      (select max(n) from (select count(*) as n from product_images i
        where i.shop_id = s.id group by i.product_id)) as max_photos,
      (select count(*) from products p where p.shop_id = s.id and p.status <> 'archived') as products,
      ${OPEN_CONVERSIONS} as open_conversions,
      (select count(*) from shipping_rates r where r.shop_id = s.id) as shipping_rates,
      (select count(*) from orders o where o.shop_id = s.id and o.paid_at is not null) as paid_orders,
      (select count(*) from orders o where o.shop_id = s.id and o.shipped_at is not null) as shipped_orders,
      ${LAST_ACTIVITY} as last_activity
    from shops s
    where s.id in (select value from json_each(${JSON.stringify(shopIds)}))`);
  const payments = await db
    .select({
      shopId: shopPaymentSettings.shopId,
      stripeAccountId: shopPaymentSettings.stripeAccountId,
      manualMethods: shopPaymentSettings.manualMethods,
      instructions: shopPaymentSettings.instructions,
    })
    .from(shopPaymentSettings)
    .where(inArray(shopPaymentSettings.shopId, shopIds));
  const ready = new Map(payments.map((p) => [p.shopId, paymentReady(p)]));
  return rows.map((r) => ({
    shopId: r.shop_id,
    status: r.status,
    hasStory: r.has_story === 1,
    maxPhotos: r.max_photos ?? 0,
    products: r.products,
    openConversions: r.open_conversions,
    shippingRates: r.shipping_rates,
    paymentReady: ready.get(r.shop_id) ?? false,
    paidOrders: r.paid_orders,
    shippedOrders: r.shipped_orders,
    lastActivityAt: new Date(r.last_activity),
    liveAt: r.live_at === null ? null : new Date(r.live_at),
  }));
}
