import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../money/currencies.js';
import { acceptLanguageTags, chooseBuyerCurrency } from './buyer-currency.js';
import { currencyOfRegion, REGION_CURRENCIES } from './region-currency.js';

const shop = { baseCurrency: 'CNY', buyerCurrencies: ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'CHF'] };

describe('chooseBuyerCurrency', () => {
  it.each([
    // [explicit, Accept-Language, expected]
    ['EUR', 'ja-JP', 'EUR'],
    ['eur', undefined, 'EUR'],
    [' usd ', 'de-DE', 'USD'],
    ['MXN', 'ja-JP', 'JPY'], // not offered: ignored, falls through to the header
    ['<script>', undefined, 'CNY'],
    [undefined, 'de-CH,de;q=0.9,en;q=0.8', 'CHF'],
    [undefined, 'en-GB,en;q=0.8', 'GBP'],
    [undefined, 'es-MX,es;q=0.9,en-US;q=0.5', 'USD'], // MXN not offered → next tag
    [undefined, 'fr;q=0.5,ja;q=0.9', 'JPY'], // q-values order the tags; bare ja → JP
    [undefined, 'es-419,es;q=0.9', 'EUR'], // 419 is no country; bare es → ES → EUR
    [undefined, 'pt-BR', 'CNY'], // BRL not offered → base
    [undefined, 'zh-CN', 'CNY'],
    [undefined, 'en-US;q=0', 'CNY'], // q=0 means "not this"
    [undefined, '*', 'CNY'],
    [undefined, 'not a tag!!, 12345', 'CNY'],
    [undefined, `${'x-'.repeat(5000)}en-GB`, 'CNY'], // absurd headers are cut, not parsed forever
    [undefined, '', 'CNY'],
  ])('explicit %j, Accept-Language %j → %s', (explicit, acceptLanguage, expected) => {
    expect(chooseBuyerCurrency({ explicit, acceptLanguage, shop })).toBe(expected);
  });

  it('only ever returns a currency the shop enabled', () => {
    const narrow = { baseCurrency: 'MXN', buyerCurrencies: ['MXN'] };
    expect(chooseBuyerCurrency({ explicit: 'USD', acceptLanguage: 'en-US', shop: narrow })).toBe(
      'MXN',
    );
  });

  it('orders Accept-Language tags by q then position', () => {
    expect(acceptLanguageTags('da, en-GB;q=0.8, en;q=0.7, fr;q=0.8')).toEqual([
      'da',
      'en-GB',
      'fr',
      'en',
    ]);
  });
});

describe('region currencies', () => {
  it('maps every region to an active currency', () => {
    expect(REGION_CURRENCIES.size).toBeGreaterThan(230);
    for (const [region, currency] of REGION_CURRENCIES) {
      expect(CURRENCY_CODES, `${region} → ${currency}`).toContain(currency);
      expect(region).toMatch(/^[A-Z]{2}$/);
    }
    expect([
      currencyOfRegion('mx'),
      currencyOfRegion('BG'),
      currencyOfRegion('EC'),
      currencyOfRegion('ZZ'),
    ]).toEqual(['MXN', 'EUR', 'USD', undefined]);
  });
});
