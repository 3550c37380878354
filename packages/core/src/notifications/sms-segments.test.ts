import { describe, expect, it } from 'vitest';
import { fitSms, smsSize } from './sms-segments.js';

describe('smsSize', () => {
  it.each([
    ['', 'GSM-7', 0, 1],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['Señor Muñoz, él ¿ya?', 'GSM-7', 20, 1],
    ['€'.repeat(80), 'GSM-7', 160, 1], // extension characters count twice
    ['[x]'.repeat(41), 'GSM-7', 205, 2],
    ['código', 'UCS-2', 6, 1], // ó is not in GSM-7
    ['你'.repeat(70), 'UCS-2', 70, 1],
    ['你'.repeat(71), 'UCS-2', 71, 2],
    ['你'.repeat(134), 'UCS-2', 134, 2],
    ['你'.repeat(135), 'UCS-2', 135, 3],
    ['🙂', 'UCS-2', 2, 1], // a surrogate pair is two units
  ])('%j → %s, %i units, %i segments', (text, encoding, units, segments) => {
    expect(smsSize(text)).toEqual({ encoding, units, segments });
  });
});

describe('fitSms', () => {
  it('keeps the fullest text that fits, else the last', () => {
    const long = 'x'.repeat(300);
    expect(fitSms([`${long} and more`, long, 'short'])).toBe(long);
    expect(fitSms([`${long} and more`, 'short'], 1)).toBe('short');
    expect(fitSms(['y'.repeat(400), 'z'.repeat(350)])).toBe('z'.repeat(350));
  });
});
