import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { AldeaError } from '../errors.js';
import { isCurrencyCode } from '../money/currencies.js';
import { parseDecimal } from '../money/decimal.js';
import { shopPricingSettings, shopRoundingRules } from '../schema/pricing.js';
import type { ShopContext } from '../tenancy/context.js';
import { CurrencyCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';
import { type EffectiveRule, effectiveRule, loadShopPricingData } from './load-pricer.js';
import { ROUNDING_RULES, roundingMisfit } from './rounding.js';

/** Input of {@link setRoundingRule}. */
export const SetRoundingRuleInput = z
  .object({
    currency: CurrencyCode,
    rounding: z.enum(ROUNDING_RULES, { message: `use one of: ${ROUNDING_RULES.join(', ')}` }),
    neverBelow: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!isCurrencyCode(v.currency)) return;
    const misfit = roundingMisfit(v.rounding, v.currency);
    if (misfit) {
      ctx.addIssue({
        code: 'custom',
        path: ['rounding'],
        message: `${v.rounding} does not fit ${v.currency}: ${misfit}`,
      });
    }
  });
export type SetRoundingRuleInput = z.input<typeof SetRoundingRuleInput>;

/** The most FX margin a shop may add: 20 %. */
export const MAX_FX_MARGIN_BPS = 2000;

/** Input of {@link setFxMargin}: basis points, or a percent typed as text ("2.5"). */
export const SetFxMarginInput = z
  .union([
    z.object({ marginBps: z.number().int('use whole basis points').min(0).max(MAX_FX_MARGIN_BPS) }),
    z.object({
      percent: z
        .string()
        .trim()
        .regex(/^\d{1,2}(\.\d{1,2})?$/, 'write a percent such as 2.5, with at most two decimals'),
    }),
  ])
  .transform((v, ctx) => {
    if ('marginBps' in v) return v.marginBps;
    const d = parseDecimal(v.percent)!;
    const bps = Number(d.int) * 10 ** (2 - d.scale);
    if (bps > MAX_FX_MARGIN_BPS) {
      ctx.addIssue({ code: 'custom', path: ['percent'], message: 'at most 20 %' });
      return z.NEVER;
    }
    return bps;
  });
export type SetFxMarginInput = z.input<typeof SetFxMarginInput>;

/** A currency's rule as the admin's settings page shows it. */
export interface CurrencyRuleView extends EffectiveRule {
  currency: string;
}

/** The shop's pricing settings: margin and the rule in force for every converted currency. */
export interface PricingSettingsView {
  marginBps: number;
  rules: CurrencyRuleView[];
}

/**
 * The shop's margin and the rule in force (its own or the default) for every
 * buyer currency except the base (base prices are never converted). One statement.
 */
export async function getPricingSettings(ctx: ShopContext): Promise<PricingSettingsView> {
  authorize(ctx, 'shop.read');
  const converted = ctx.shop.buyerCurrencies.filter((c) => c !== ctx.shop.baseCurrency);
  const data = await loadShopPricingData(ctx, converted);
  return {
    marginBps: data.marginBps,
    rules: converted.map((currency) => ({ currency, ...effectiveRule(data, currency) })),
  };
}

function notBase(ctx: ShopContext, currency: string): void {
  if (currency === ctx.shop.baseCurrency) {
    const message = `prices in ${currency}, your own currency, are never converted or rounded`;
    throw new AldeaError('VALIDATION', message, [
      { path: 'currency', message, code: 'base_currency' },
    ]);
  }
}

/**
 * Sets the shop's rounding rule for one buyer currency. A rule that does not
 * fit the currency (".99" for JPY, steps of 0.05 for KRW) is a VALIDATION error
 * and nothing changes. Owner (or trainer/operator) only; audited.
 *
 * @example
 * await setRoundingRule(ctx, { currency: 'USD', rounding: 'end-95', neverBelow: true });
 * @throws AldeaError VALIDATION, FORBIDDEN (staff), NOT_FOUND (no relation to the shop)
 */
export async function setRoundingRule(
  ctx: ShopContext,
  raw: SetRoundingRuleInput,
): Promise<CurrencyRuleView> {
  authorize(ctx, 'settings.write');
  const input = parseInput(SetRoundingRuleInput, raw);
  notBase(ctx, input.currency);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(shopRoundingRules)
      .values({
        shopId: ctx.shop.id,
        currency: input.currency,
        rule: input.rounding,
        neverBelow: input.neverBelow,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [shopRoundingRules.shopId, shopRoundingRules.currency],
        set: { rule: input.rounding, neverBelow: input.neverBelow, updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      action: 'pricing.rounding.set',
      entity: 'shop_rounding_rules',
      entityId: `${ctx.shop.id}:${input.currency}`,
      data: { currency: input.currency, rounding: input.rounding, neverBelow: input.neverBelow },
    });
  });
  const data = await loadShopPricingData(ctx, [input.currency]);
  return { currency: input.currency, ...effectiveRule(data, input.currency) };
}

/** Drops the shop's own rule for a currency: the default applies again. Audited. */
export async function resetRoundingRule(
  ctx: ShopContext,
  raw: { currency: string },
): Promise<void> {
  authorize(ctx, 'settings.write');
  const { currency } = parseInput(z.object({ currency: CurrencyCode }), raw);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(shopRoundingRules)
      .where(
        and(eq(shopRoundingRules.shopId, ctx.shop.id), eq(shopRoundingRules.currency, currency)),
      );
    await recordAudit(tx, ctx, {
      action: 'pricing.rounding.reset',
      entity: 'shop_rounding_rules',
      entityId: `${ctx.shop.id}:${currency}`,
    });
  });
}

/**
 * Sets the FX margin added to every converted price (not to fixed or base
 * prices): `{ marginBps: 250 }` or `{ percent: '2.5' }`, 0–20 %. Audited.
 *
 * @example
 * await setFxMargin(ctx, { percent: '3' }); // 300
 * @throws AldeaError VALIDATION, FORBIDDEN (staff)
 */
export async function setFxMargin(ctx: ShopContext, raw: SetFxMarginInput): Promise<number> {
  authorize(ctx, 'settings.write');
  const marginBps = parseInput(SetFxMarginInput, raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(shopPricingSettings)
      .values({ shopId: ctx.shop.id, fxMarginBps: marginBps, updatedAt: now })
      .onConflictDoUpdate({
        target: shopPricingSettings.shopId,
        set: { fxMarginBps: marginBps, updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      action: 'pricing.margin.set',
      entity: 'shop_pricing_settings',
      entityId: ctx.shop.id,
      data: { marginBps },
    });
  });
  return marginBps;
}
