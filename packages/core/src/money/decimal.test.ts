import { describe, expect, it } from 'vitest';
import {
  ceilDiv,
  floorDiv,
  formatDecimal,
  formatFixed,
  fractionToSignificant,
  multiplyDecimalText,
  parseDecimal,
} from './decimal.js';

describe('decimal helpers', () => {
  it('parses only plain decimal text', () => {
    expect(parseDecimal('1.1225')).toEqual({ int: 11_225n, scale: 4 });
    expect(parseDecimal('007')).toEqual({ int: 7n, scale: 0 });
    for (const bad of [
      '',
      '.5',
      '1.',
      '-1',
      '+1',
      '1e3',
      '1,5',
      ' 1',
      'NaN',
      'Infinity',
      '1'.repeat(50),
    ]) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it('formats without trailing zeros, or with a fixed scale', () => {
    expect(formatDecimal({ int: 147_600n, scale: 4 })).toBe('14.76');
    expect(formatDecimal({ int: 5n, scale: 3 })).toBe('0.005');
    expect(formatDecimal({ int: 300n, scale: 2 })).toBe('3');
    expect(formatFixed({ int: 124_060n, scale: 4 })).toBe('12.4060');
    expect(formatFixed({ int: 5n, scale: 3 })).toBe('0.005');
  });

  it('multiplies decimal text exactly (0.1 × 0.2 is 0.02, not 0.020000000000000004)', () => {
    expect(multiplyDecimalText('0.1', '0.2')).toBe('0.02');
    expect(multiplyDecimalText('1.1562', '8.2013')).toBe('9.48234306');
  });

  it('divides with floor and ceiling for any sign', () => {
    expect([floorDiv(7n, 2n), floorDiv(-7n, 2n), floorDiv(7n, -2n), floorDiv(-8n, 2n)]).toEqual([
      3n,
      -4n,
      -4n,
      -4n,
    ]);
    expect([ceilDiv(7n, 2n), ceilDiv(-7n, 2n), ceilDiv(8n, 2n)]).toEqual([4n, -3n, 4n]);
  });

  it('shows fractions with significant digits, half-up', () => {
    expect(fractionToSignificant({ n: 11_562n, d: 82_013n }, 10)).toBe('0.1409776499');
    expect(fractionToSignificant({ n: 2n, d: 3n }, 4)).toBe('0.6667');
    expect(fractionToSignificant({ n: 1n, d: 1000n }, 3)).toBe('0.001');
    expect(fractionToSignificant({ n: 1_234_567n, d: 1n }, 3)).toBe('1234567');
    expect(fractionToSignificant({ n: 0n, d: 1n }, 3)).toBe('0');
  });
});
