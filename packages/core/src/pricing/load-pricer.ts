import { and, eq, sql } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import { inJsonList, jsonList } from '../catalog/sql-fragments.js';
import { memoUntilWrite } from '../db/memo-until-write.js';
import { type ConversionRate, deriveRate, FX_PIVOT } from '../fx/derive-rate.js';
import { loadLatestRates } from '../fx/latest-rates.js';
import { DEFAULT_FX_STALENESS, type FxStalenessPolicy } from '../fx/staleness.js';
import { isCurrencyCode } from '../money/currencies.js';
import { shopPricingSettings, shopRoundingRules } from '../schema/pricing.js';
import { shops } from '../schema/tenancy.js';
import type { ShopContext } from '../tenancy/context.js';
import { defaultRoundingRule } from './default-rules.js';
import {
  type PriceResult,
  type PriceUnavailableReason,
  prepareConversion,
  priceWithConversion,
} from './resolve-price.js';
import { isRoundingRule, type PricingRule, roundingMisfit } from './rounding.js';

/** A shop's rule for one currency, and whether the shop chose it. */
export interface EffectiveRule extends PricingRule {
  marginBps: number;
  source: 'shop' | 'default';
}

/**
 * Data for the honesty note under converted prices: "converted from CNY on
 * 2026-11-24 at 1 CNY = 0.1409776499 USD".
 */
export interface PriceNote {
  from: string;
  to: string;
  /** The rate's day, `YYYY-MM-DD` (UTC). */
  date: string;
  asOf: Date;
  rate: string;
  stale: boolean;
  marginBps: number;
}

/** Prices variants of one shop in one buyer currency, with no further SQL. */
export interface Pricer {
  /** The buyer currency. */
  readonly currency: string;
  readonly baseCurrency: string;
  /** False when the shop does not offer this currency: every price is `CURRENCY_NOT_OFFERED`. */
  readonly offered: boolean;
  readonly rule: EffectiveRule;
  /** The base → buyer rate, when there is one. */
  readonly rate: ConversionRate | undefined;
  /** Why converted prices are impossible here (fixed prices may still work), if they are. */
  readonly conversionUnavailable: PriceUnavailableReason | undefined;
  /** Set when prices are converted (buyer currency ≠ base and a usable rate). */
  readonly note: PriceNote | undefined;
  /** See `resolvePrice`. */
  price(variant: {
    priceMinor: number;
    fixedPrices?: Partial<Record<string, number>>;
  }): PriceResult;
}

/** Options for {@link loadPricer}. */
export interface LoadPricerOptions {
  staleness?: FxStalenessPolicy;
}

/** A shop's margin and its own rules (by currency), as stored. */
export interface ShopPricingData {
  marginBps: number;
  rules: Map<string, { rounding: string; neverBelow: boolean }>;
}

/** The shop's margin and its rules for some currencies, in one statement. */
export async function loadShopPricingData(
  ctx: ShopContext,
  currencies: readonly string[],
): Promise<ShopPricingData> {
  const db = ctx.db.read;
  // Prepared once (the currencies are one JSON parameter): every priced page asks.
  const rows = await cached(db, 'pricing.shop-data', () =>
    db
      .select({
        marginBps: shopPricingSettings.fxMarginBps,
        currency: shopRoundingRules.currency,
        rule: shopRoundingRules.rule,
        neverBelow: shopRoundingRules.neverBelow,
      })
      .from(shops)
      .leftJoin(shopPricingSettings, eq(shopPricingSettings.shopId, shops.id))
      .leftJoin(
        shopRoundingRules,
        and(
          eq(shopRoundingRules.shopId, shops.id),
          inJsonList(shopRoundingRules.currency, 'currencies'),
        ),
      )
      .where(eq(shops.id, sql.placeholder('shopId')))
      .prepare(),
  ).all({ shopId: ctx.shop.id, currencies: jsonList(currencies) });
  const rules = new Map<string, { rounding: string; neverBelow: boolean }>();
  for (const r of rows) {
    if (r.currency !== null && r.rule !== null) {
      rules.set(r.currency, { rounding: r.rule, neverBelow: r.neverBelow ?? false });
    }
  }
  return { marginBps: rows[0]?.marginBps ?? 0, rules };
}

/** The rule in force for a currency: the shop's, or the default. */
export function effectiveRule(data: ShopPricingData, currency: string): EffectiveRule {
  const own = data.rules.get(currency);
  // A stored rule that no longer fits (edited by hand) falls back to the default.
  if (own && isRoundingRule(own.rounding) && !roundingMisfit(own.rounding, currency)) {
    return {
      rounding: own.rounding,
      neverBelow: own.neverBelow,
      marginBps: data.marginBps,
      source: 'shop',
    };
  }
  return { ...defaultRoundingRule(currency), marginBps: data.marginBps, source: 'default' };
}

function makePricer(
  ctx: ShopContext,
  currency: string,
  rule: EffectiveRule,
  rate: ConversionRate | undefined,
  now: Date,
  staleness: FxStalenessPolicy,
): Pricer {
  const { baseCurrency, buyerCurrencies } = ctx.shop;
  const offered =
    isCurrencyCode(currency) && (currency === baseCurrency || buyerCurrencies.includes(currency));
  const prepared = prepareConversion({
    baseCurrency,
    buyerCurrency: currency,
    ...(rate ? { rate } : {}),
    rule: { rounding: rule.rounding, neverBelow: rule.neverBelow },
    marginBps: rule.marginBps,
    now,
    offered: offered ? [currency] : [],
    staleness,
  });
  const conversionUnavailable = prepared.unavailable;
  const p = prepared.provenance;
  const note: PriceNote | undefined =
    p?.kind === 'converted'
      ? {
          from: baseCurrency,
          to: currency,
          date: p.asOf.toISOString().slice(0, 10),
          asOf: p.asOf,
          rate: p.rate,
          stale: p.stale,
          marginBps: p.marginBps,
        }
      : undefined;
  return {
    currency,
    baseCurrency,
    offered,
    rule,
    rate,
    conversionUnavailable,
    note,
    price: (v) => priceWithConversion(prepared, v.priceMinor, v.fixedPrices),
  };
}

/**
 * Pricers for several buyer currencies of the context's shop in at most two
 * statements (the shop's rules, the latest rates; none between two commits),
 * however many currencies and products follow. Unknown or not-offered
 * currencies get a pricer whose every answer is `CURRENCY_NOT_OFFERED`.
 */
export async function loadPricers(
  ctx: ShopContext,
  currencies: readonly string[],
  opts: LoadPricerOptions = {},
): Promise<Map<string, Pricer>> {
  const { baseCurrency } = ctx.shop;
  const known = [...new Set(currencies)].filter(isCurrencyCode);
  // Every priced page of a shop reads these; between two commits they cannot change.
  const data = await memoUntilWrite(ctx.db, `pricing:${ctx.shop.id}:${known.join(',')}`, () =>
    loadShopPricingData(ctx, known),
  );
  const needRates = known.some((c) => c !== baseCurrency && ctx.shop.buyerCurrencies.includes(c));
  const pairs = [...new Set([baseCurrency, FX_PIVOT, ...known])];
  const rates = needRates
    ? await memoUntilWrite(ctx.db, `rates:${ctx.shop.id}:${pairs.join(',')}`, () =>
        loadLatestRates(ctx.db.read, { currencies: pairs, shopId: ctx.shop.id }),
      )
    : [];
  const now = ctx.clock.now();
  const staleness = opts.staleness ?? DEFAULT_FX_STALENESS;
  const out = new Map<string, Pricer>();
  for (const c of new Set(currencies)) {
    const rule = isCurrencyCode(c)
      ? effectiveRule(data, c)
      : { rounding: 'none' as const, neverBelow: false, marginBps: 0, source: 'default' as const };
    out.set(c, makePricer(ctx, c, rule, deriveRate(rates, baseCurrency, c), now, staleness));
  }
  return out;
}

/**
 * Loads everything needed to price this shop's variants in one buyer currency —
 * rates, the shop's rule and margin — in at most two statements, so a page of
 * 48 products is priced without more SQL.
 *
 * @example
 * const pricer = await loadPricer(ctx, 'USD');
 * const r = pricer.price({ priceMinor: 8800, fixedPrices: { JPY: 2000 } });
 * if (r.ok) formatMoney(r.amount, ctx.locale); else showUnavailable(r.reason);
 * pricer.note; // { from: 'CNY', date: '2026-11-24', rate: '0.1409776499', … }
 */
export async function loadPricer(
  ctx: ShopContext,
  buyerCurrency: string,
  opts: LoadPricerOptions = {},
): Promise<Pricer> {
  return (await loadPricers(ctx, [buyerCurrency], opts)).get(buyerCurrency)!;
}
