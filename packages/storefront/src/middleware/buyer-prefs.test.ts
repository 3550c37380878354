import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, parseAcceptLanguage } from './buyer-prefs.js';

describe('parseAcceptLanguage', () => {
  it.each([
    ['es-MX,es;q=0.9,en;q=0.8', ['es-MX', 'es', 'en']],
    ['en;q=0.5, zh-CN', ['zh-CN', 'en']],
    ['fr;q=0, de', ['de']],
    ['*, en', ['en']],
    ['<script>, es', ['es']],
    ['', []],
    [undefined, []],
  ])('%j → %j', (header, tags) => {
    expect(parseAcceptLanguage(header)).toEqual(tags);
  });

  it('reads no further than 512 characters', () => {
    expect(parseAcceptLanguage(`${'xx,'.repeat(1000)}es`)).not.toContain('es');
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['de-DE,es;q=0.8', 'es-MX'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['es-419', 'es-MX'],
    ['ja', undefined],
    ['en-GB', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
