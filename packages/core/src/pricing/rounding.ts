import { AldeaError } from '../errors.js';
import { currencyExponent } from '../money/currencies.js';
import { ceilDiv, floorDiv, parseDecimal, pow10 } from '../money/decimal.js';

/**
 * How a converted price is made to look like a real price:
 * - `none`: the nearest minor unit (cent), half-up;
 * - `end-99`, `end-95`, `end-90`, `end-49`: the nearest price ending in .99 / .95 / .90 / .49
 *   (currencies with at least two decimals);
 * - `step-X`: the nearest multiple of X major units — `step-1` is whole units,
 *   `step-10` the nearest 10 yen, `step-0.05` five cents or fils.
 *
 * With `neverBelow` every rule rounds *up* instead: the buyer never pays less
 * than the exact conversion. Either way a positive price never becomes 0.
 */
export const ROUNDING_RULES = [
  'none',
  'end-99',
  'end-95',
  'end-90',
  'end-49',
  'step-0.01',
  'step-0.05',
  'step-0.1',
  'step-0.5',
  'step-1',
  'step-5',
  'step-10',
  'step-50',
  'step-100',
  'step-500',
  'step-1000',
] as const;
export type RoundingRule = (typeof ROUNDING_RULES)[number];

/** A rounding rule with its direction. */
export interface PricingRule {
  rounding: RoundingRule;
  /** Round up only: never below the exact converted amount. */
  neverBelow: boolean;
}

/** A rule turned into integers for one currency. */
export type CompiledRounding =
  | { kind: 'step'; step: bigint }
  | { kind: 'ending'; unit: bigint; ending: bigint };

/** True for one of {@link ROUNDING_RULES}. */
export function isRoundingRule(value: unknown): value is RoundingRule {
  return typeof value === 'string' && (ROUNDING_RULES as readonly string[]).includes(value);
}

function compile(rule: RoundingRule, exp: number): CompiledRounding | string {
  if (rule === 'none') return { kind: 'step', step: 1n };
  if (rule.startsWith('end-')) {
    if (exp < 2) {
      return exp === 0
        ? 'a currency without decimals has no cents to end in'
        : 'needs two decimals';
    }
    const hundredths = BigInt(rule.slice(4));
    return { kind: 'ending', unit: pow10(exp), ending: hundredths * pow10(exp - 2) };
  }
  const size = parseDecimal(rule.slice(5))!;
  if (size.scale > exp) return `steps of ${rule.slice(5)} are smaller than the currency allows`;
  return { kind: 'step', step: size.int * pow10(exp - size.scale) };
}

/**
 * Why `rule` cannot be used for `currency` (".99" for JPY: no cents; steps of
 * 0.05 for JPY), or `undefined` when it fits.
 *
 * @example
 * roundingMisfit('end-99', 'JPY'); // 'a currency without decimals has no cents to end in'
 * roundingMisfit('step-10', 'JPY'); // undefined
 */
export function roundingMisfit(rule: RoundingRule, currency: string): string | undefined {
  const c = compile(rule, currencyExponent(currency));
  return typeof c === 'string' ? c : undefined;
}

/**
 * Compiles a rule for a currency.
 *
 * @throws AldeaError VALIDATION when the rule does not fit the currency
 */
export function compileRounding(rule: RoundingRule, currency: string): CompiledRounding {
  const c = compile(rule, currencyExponent(currency));
  if (typeof c === 'string') {
    throw new AldeaError('VALIDATION', `rounding ${rule} does not fit ${currency}: ${c}`, [
      { path: 'rounding', message: c, code: 'rule_misfit' },
    ]);
  }
  return c;
}

/**
 * Rounds an exact non-negative amount `n / d` (in minor units) by a compiled
 * rule. Ties go up. Zero stays zero; anything positive stays positive.
 *
 * @example
 * // 17.15 USD (1715/1 cents) with .99, nearest → 16.99; never below → 17.99
 * roundAmount(1715n, 1n, compileRounding('end-99', 'USD'), false); // 1699n
 * roundAmount(1715n, 1n, compileRounding('end-99', 'USD'), true);  // 1799n
 */
export function roundAmount(
  n: bigint,
  d: bigint,
  rule: CompiledRounding,
  neverBelow: boolean,
): bigint {
  if (n <= 0n) return 0n;
  if (rule.kind === 'step') {
    const sd = rule.step * d;
    let k = neverBelow ? ceilDiv(n, sd) : floorDiv(2n * n + sd, 2n * sd);
    if (k === 0n) k = 1n;
    return k * rule.step;
  }
  // Candidates are k·unit + ending for k ≥ 0; pick the nearest (or the first ≥ x).
  const x = n - rule.ending * d;
  const ud = rule.unit * d;
  let k = neverBelow ? ceilDiv(x, ud) : floorDiv(2n * x + ud, 2n * ud);
  if (k < 0n) k = 0n;
  return k * rule.unit + rule.ending;
}
