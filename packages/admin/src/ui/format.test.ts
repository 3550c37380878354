import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, timeZoneOf } from './format.js';

const when = new Date('2026-11-25T10:05:00Z');

describe('formatting per locale', () => {
  it('writes dates the way each language does, with the zone named', () => {
    expect(formatDate('en', when)).toBe('Nov 25, 2026');
    expect(formatDate('zh-CN', when)).toBe('2026年11月25日');
    expect(formatDate('es-MX', when)).toMatch(/^25 nov\.? 2026$/);
    expect(formatDateTime('zh-CN', when, 'Asia/Shanghai')).toContain('18:05');
    expect(formatDateTime('en', when)).toContain('UTC');
  });

  it('groups numbers per locale', () => {
    expect(formatCount('en', 1234567)).toBe('1,234,567');
    expect(formatCount('es-MX', 1234567)).toBe('1,234,567');
    expect(formatCount('zh-CN', 1234567)).toBe('1,234,567');
  });

  it('shows a shop’s times in its country’s zone', () => {
    expect(timeZoneOf('CN')).toBe('Asia/Shanghai');
    expect(timeZoneOf('MX')).toBe('America/Mexico_City');
    expect(timeZoneOf('FR')).toBe('UTC');
    expect(timeZoneOf(undefined)).toBe('UTC');
  });
});
