/**
 * Exact decimals and fractions on bigint, for FX rates and conversions. A JS
 * number never holds a rate or an amount in between: `0.1 + 0.2` is not money.
 */

/** A non-negative exact decimal: `int / 10^scale`. */
export interface ScaledDecimal {
  readonly int: bigint;
  readonly scale: number;
}

/** A non-negative fraction `n / d` with `d > 0`. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** Plain positional decimal text: digits, an optional dot and digits. No sign, no exponent. */
export const DECIMAL_TEXT = /^(\d+)(?:\.(\d+))?$/;

/** The most significant digits a rate may carry (ECB uses ≤ 6; this leaves room for manual rates). */
export const MAX_DECIMAL_DIGITS = 30;

const POW10: bigint[] = [];
/** 10^n as a bigint, cached. */
export function pow10(n: number): bigint {
  if (n < 0) throw new RangeError('negative power of ten');
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POW10[n] = p;
  }
  return p;
}

/** Parses plain decimal text ("1.1225"); `undefined` for anything else, including "1e3" and "-1". */
export function parseDecimal(text: string): ScaledDecimal | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return undefined;
  const whole = m[1]!;
  const frac = m[2] ?? '';
  if (whole.length + frac.length > MAX_DECIMAL_DIGITS + 10) return undefined;
  return { int: BigInt(whole + frac), scale: frac.length };
}

/** Renders a scaled decimal without trailing zeros ("1.1225", "3", "0.05"). */
export function formatDecimal(d: ScaledDecimal): string {
  if (d.scale === 0) return d.int.toString();
  const digits = d.int.toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, -d.scale);
  const frac = digits.slice(-d.scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** Renders a scaled decimal with exactly `scale` digits after the point ("12.4060"). */
export function formatFixed(d: ScaledDecimal): string {
  if (d.scale === 0) return d.int.toString();
  const digits = d.int.toString().padStart(d.scale + 1, '0');
  return `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}

/** The exact product of two decimal texts, as decimal text. */
export function multiplyDecimalText(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) throw new RangeError(`not decimal text: ${a} × ${b}`);
  return formatDecimal({ int: x.int * y.int, scale: x.scale + y.scale });
}

/** A decimal as a fraction. */
export function toFraction(d: ScaledDecimal): Fraction {
  return { n: d.int, d: pow10(d.scale) };
}

/** Floor division for bigints of any sign (bigint `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Ceiling division for bigints of any sign. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/**
 * A fraction rounded half-up to `digits` significant digits, as decimal text:
 * how a derived cross rate is *shown* (the exact fraction is what computes).
 */
export function fractionToSignificant(f: Fraction, digits: number): string {
  if (f.n === 0n) return '0';
  // Find the scale that leaves `digits` digits before rounding.
  const intDigits = (f.n / f.d).toString().length;
  let scale = digits - (f.n >= f.d ? intDigits : 0);
  if (f.n < f.d) {
    // Leading zeros after the dot do not count as significant.
    let probe = f.n * 10n;
    while (probe < f.d) {
      probe *= 10n;
      scale++;
    }
  }
  scale = Math.max(scale, 0);
  const scaled = floorDiv(2n * f.n * pow10(scale) + f.d, 2n * f.d);
  return formatDecimal({ int: scaled, scale });
}
