import { type ConversionRate, conversionFraction } from '../fx/derive-rate.js';
import { currencyExponent } from '../money/currencies.js';
import { formatFixed, pow10 } from '../money/decimal.js';
import {
  type CompiledRounding,
  compileRounding,
  type PricingRule,
  type RoundingRule,
  roundAmount,
} from './rounding.js';

/** A compiled conversion: rate × margin × exponent shift, then the rounding rule. */
export interface Converter {
  /** The rounded amount in minor units of the buyer currency. */
  convert(baseMinor: number): bigint;
  /** The converted amount before rounding, major units, 2 digits beyond the currency's (truncated). */
  exact(baseMinor: number): string;
}

/**
 * Compiles a rate, margin and rule into integers once, so a page of products
 * converts each price with one multiplication, one division and the rounding.
 */
export function makeConverter(
  rate: ConversionRate,
  rule: PricingRule,
  marginBps: number,
): Converter {
  const { n, d } = conversionFraction(rate);
  const eFrom = currencyExponent(rate.from);
  const eTo = currencyExponent(rate.to);
  const factorN = n * pow10(Math.max(0, eTo - eFrom)) * BigInt(10_000 + marginBps);
  const factorD = d * pow10(Math.max(0, eFrom - eTo)) * 10_000n;
  const rounding: CompiledRounding = compileRounding(rule.rounding, rate.to);
  const up = rule.neverBelow;
  let convert: (baseMinor: number) => bigint;
  if (rounding.kind === 'step') {
    // Same arithmetic as roundAmount, with the divisors fixed once (numerators are ≥ 0).
    const sd = rounding.step * factorD;
    const twoSd = 2n * sd;
    convert = (baseMinor) => {
      const x = BigInt(baseMinor) * factorN;
      if (x === 0n) return 0n;
      const k = up ? (x + sd - 1n) / sd : (2n * x + sd) / twoSd;
      return (k === 0n ? 1n : k) * rounding.step;
    };
  } else {
    convert = (baseMinor) => roundAmount(BigInt(baseMinor) * factorN, factorD, rounding, up);
  }
  return {
    convert,
    exact: (baseMinor) => {
      const scaled = (BigInt(baseMinor) * factorN * 100n) / factorD;
      return formatFixed({ int: scaled, scale: eTo + 2 });
    },
  };
}

interface CachedConverter {
  rounding: RoundingRule;
  neverBelow: boolean;
  marginBps: number;
  converter: Converter;
}

// Per rate object, the few (rule, margin) combinations it is used with: a page
// reuses one rate for every product, so this turns into one array scan.
const converters = new WeakMap<ConversionRate, CachedConverter[]>();

/** The converter for a rate, rule and margin, compiled once and cached on the rate object. */
export function converterFor(
  rate: ConversionRate,
  rule: PricingRule,
  marginBps: number,
): Converter {
  let list = converters.get(rate);
  if (!list) {
    list = [];
    converters.set(rate, list);
  }
  for (const c of list) {
    if (
      c.rounding === rule.rounding &&
      c.neverBelow === rule.neverBelow &&
      c.marginBps === marginBps
    ) {
      return c.converter;
    }
  }
  const converter = makeConverter(rate, rule, marginBps);
  list.push({ rounding: rule.rounding, neverBelow: rule.neverBelow, marginBps, converter });
  return converter;
}
