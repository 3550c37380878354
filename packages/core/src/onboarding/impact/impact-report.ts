import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { FX_PIVOT } from '../../fx/derive-rate.js';
import type { FxRateRecord } from '../../fx/latest-rates.js';
import { pickLocalized } from '../../i18n/locales.js';
import { cohortShops } from '../../schema/onboarding.js';
import { fxRates } from '../../schema/pricing.js';
import { shops, shopTexts } from '../../schema/tenancy.js';
import type { PlatformContext } from '../../tenancy/context.js';
import { CurrencyCode } from '../../tenancy/schemas.js';
import { parseInput } from '../../validation.js';
import { getCohort } from '../cohorts.js';
import { villageName } from '../invitation-view.js';
import { requireVillageAccess } from '../village-access.js';
import { convertMinor, orderFactor, rateHistory } from './convert-order.js';
import { roundDiv, upliftOf } from './uplift.js';

/** Whose impact to report, in which currency. */
export const ImpactReportInput = z
  .object({
    villageId: z.string().min(1).max(64).optional(),
    cohortId: z.string().min(1).max(64).optional(),
    currency: CurrencyCode,
  })
  .refine((s) => (s.villageId === undefined) !== (s.cohortId === undefined), {
    path: ['cohortId'],
    message: 'give a village or a cohort',
  });
export type ImpactReportInput = z.input<typeof ImpactReportInput>;

/** Uplift of one shop: what its items sell for online against before, in the report currency. */
export interface ShopUplift {
  /** Items with a recorded "price before going online". */
  items: number;
  beforeMinor: number;
  onlineMinor: number;
  /** (online − before) ÷ before, in whole percent (+678 for 9 → 70). */
  percent: number;
}

/** One shop's line of the report. Amounts in the report currency, minor units. */
export interface ShopImpact {
  shopId: string;
  slug: string;
  name: string;
  status: 'onboarding' | 'live' | 'paused';
  liveAt: Date | null;
  productsListed: number;
  orders: number;
  salesMinor: number;
  averageOrderMinor: number | null;
  firstSaleAt: Date | null;
  /** Paid orders that could not be converted (no rate at their time): not in the sums. */
  unconverted: number;
  uplift: ShopUplift | null;
}

/** The impact of a village's or cohort's shops. */
export interface ImpactReport {
  scope: { kind: 'village' | 'cohort'; id: string; name: string };
  currency: string;
  generatedAt: Date;
  totals: Omit<ShopImpact, 'shopId' | 'slug' | 'name' | 'status' | 'liveAt' | 'uplift'> & {
    shops: number;
    shopsLive: number;
    uplift: ShopUplift | null;
  };
  shops: ShopImpact[];
  /** Sales per calendar month (UTC) of the first sale onwards, for the chart. */
  months: { month: string; orders: number; salesMinor: number }[];
}

interface OrderRow {
  shop_id: string;
  id: string;
  currency: string;
  settlement_currency: string;
  fx_rate: string | null;
  fx_as_of: number | null;
  paid_at: number;
  total_minor: number;
  refunded: number;
}

const month = (d: Date) => d.toISOString().slice(0, 7);

/**
 * The impact report of a village or a cohort, in a currency the trainer picks:
 * shops live, products listed, paid orders, sales (net of refunds), first-sale
 * dates, average order value and the uplift over the "price before going
 * online". Each order is converted with its own locked rate (order currency →
 * the shop's currency), then — if the report is in a third currency — with the
 * rate stored for the day that rate was locked; never today's rate. Each
 * order is rounded once; sums are of rounded orders. Trainers of the village
 * and operators only. A fixed number of statements.
 */
export async function impactReport(
  ctx: PlatformContext,
  raw: ImpactReportInput,
): Promise<ImpactReport> {
  const input = parseInput(ImpactReportInput, raw);
  const db = ctx.db.read;
  let scope: ImpactReport['scope'];
  let shopRows: (typeof shops.$inferSelect)[];
  if (input.cohortId) {
    const { cohort, village } = await getCohort(ctx, input.cohortId);
    scope = { kind: 'cohort', id: cohort.id, name: cohort.name };
    shopRows = (
      await db
        .select({ shop: shops })
        .from(cohortShops)
        .innerJoin(shops, eq(shops.id, cohortShops.shopId))
        .where(and(eq(cohortShops.cohortId, cohort.id), eq(shops.villageId, village.id)))
    ).map((r) => r.shop);
  } else {
    const village = await requireVillageAccess(ctx, input.villageId!);
    scope = { kind: 'village', id: village.id, name: await villageName(db, village, ctx.locale) };
    shopRows = await db.select().from(shops).where(eq(shops.villageId, village.id));
  }
  const ids = shopRows.map((s) => s.id);
  const target = input.currency;
  const idList = JSON.stringify(ids);

  const texts = ids.length
    ? await db
        .select({ shopId: shopTexts.shopId, locale: shopTexts.locale, name: shopTexts.name })
        .from(shopTexts)
        .where(inArray(shopTexts.shopId, ids))
    : [];
  const listed = await db.all<{ shop_id: string; n: number }>(sql`
    select shop_id, count(*) as n from products
    where status = 'active' and shop_id in (select value from json_each(${idList})) group by shop_id`);
  const orders = await db.all<OrderRow>(sql`
    select o.shop_id, o.id, o.currency, o.settlement_currency, o.fx_rate, o.fx_as_of, o.paid_at, o.total_minor,
      coalesce((select sum(r.amount_minor) from refunds r where r.shop_id = o.shop_id and r.order_id = o.id
        and r.status = 'succeeded'), 0) as refunded
    from orders o
    where o.shop_id in (select value from json_each(${idList})) and o.paid_at is not null
    order by o.paid_at`);
  const currencies = [
    ...new Set([
      target,
      FX_PIVOT,
      ...shopRows.map((s) => s.baseCurrency),
      ...orders.map((o) => o.currency),
    ]),
  ];
  const history: FxRateRecord[] = await db
    .select()
    .from(fxRates)
    .where(
      and(
        inArray(fxRates.base, currencies),
        inArray(fxRates.quote, currencies),
        ids.length
          ? or(isNull(fxRates.shopId), inArray(fxRates.shopId, ids))
          : isNull(fxRates.shopId),
      ),
    );
  const byShopHistory = new Map<string, ReturnType<typeof rateHistory>>();
  const ratesFor = (shopId: string) => {
    let h = byShopHistory.get(shopId);
    if (!h) {
      h = rateHistory(history.filter((r) => r.shopId === null || r.shopId === shopId));
      byShopHistory.set(shopId, h);
    }
    return h;
  };

  const perShop = new Map<
    string,
    { orders: number; sales: number; first: Date | null; unconverted: number }
  >();
  const months = new Map<string, { orders: number; salesMinor: number }>();
  const orderFactors = new Map<string, ReturnType<typeof orderFactor>>();
  for (const o of orders) {
    const net = o.total_minor - o.refunded;
    const acc = perShop.get(o.shop_id) ?? { orders: 0, sales: 0, first: null, unconverted: 0 };
    perShop.set(o.shop_id, acc);
    if (net <= 0) continue; // refunded in full: not a sale
    const paidAt = new Date(o.paid_at);
    const money = {
      currency: o.currency,
      settlementCurrency: o.settlement_currency,
      fxRate: o.fx_rate,
      at: new Date(o.fx_as_of ?? o.paid_at),
    };
    const h = ratesFor(o.shop_id);
    const factor = orderFactor(money, target, (f, t, at) => h.at(f, t, at));
    orderFactors.set(o.id, factor);
    acc.first ??= paidAt;
    if (!factor) {
      acc.unconverted++;
      continue;
    }
    const amount = convertMinor(net, o.currency, target, factor);
    acc.orders++;
    acc.sales += amount;
    const m = months.get(month(paidAt)) ?? { orders: 0, salesMinor: 0 };
    m.orders++;
    m.salesMinor += amount;
    months.set(month(paidAt), m);
  }

  const uplifts = await upliftOf(db, shopRows, target, orderFactors);
  const shopLines: ShopImpact[] = shopRows.map((s) => {
    const acc = perShop.get(s.id) ?? { orders: 0, sales: 0, first: null, unconverted: 0 };
    const names = new Map(texts.filter((t) => t.shopId === s.id).map((t) => [t.locale, t.name]));
    return {
      shopId: s.id,
      slug: s.slug,
      name: pickLocalized(names, ctx.locale, s.defaultLocale)?.value ?? s.slug,
      status: s.status,
      liveAt: s.liveAt,
      productsListed: listed.find((l) => l.shop_id === s.id)?.n ?? 0,
      orders: acc.orders,
      salesMinor: acc.sales,
      averageOrderMinor: acc.orders ? roundDiv(acc.sales, acc.orders) : null,
      firstSaleAt: acc.first,
      unconverted: acc.unconverted,
      uplift: uplifts.get(s.id) ?? null,
    };
  });
  shopLines.sort((a, b) => b.salesMinor - a.salesMinor || a.slug.localeCompare(b.slug));
  const sum = (f: (s: ShopImpact) => number) => shopLines.reduce((n, s) => n + f(s), 0);
  const totalOrders = sum((s) => s.orders);
  const totalSales = sum((s) => s.salesMinor);
  const firsts = shopLines.flatMap((s) => (s.firstSaleAt ? [s.firstSaleAt.getTime()] : []));
  const withUplift = shopLines.flatMap((s) => (s.uplift ? [s.uplift] : []));
  const upliftItems = withUplift.reduce((n, u) => n + u.items, 0);
  const before = withUplift.reduce((n, u) => n + u.beforeMinor, 0);
  const online = withUplift.reduce((n, u) => n + u.onlineMinor, 0);
  return {
    scope,
    currency: target,
    generatedAt: ctx.clock.now(),
    totals: {
      shops: shopLines.length,
      shopsLive: shopLines.filter((s) => s.status === 'live').length,
      productsListed: sum((s) => s.productsListed),
      orders: totalOrders,
      salesMinor: totalSales,
      averageOrderMinor: totalOrders ? roundDiv(totalSales, totalOrders) : null,
      firstSaleAt: firsts.length ? new Date(Math.min(...firsts)) : null,
      unconverted: sum((s) => s.unconverted),
      uplift:
        upliftItems && before > 0
          ? {
              items: upliftItems,
              beforeMinor: before,
              onlineMinor: online,
              percent: Math.round(((online - before) * 100) / before),
            }
          : null,
    },
    shops: shopLines,
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([m, v]) => ({ month: m, ...v })),
  };
}
