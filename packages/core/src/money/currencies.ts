import { AldeaError } from '../errors.js';

/**
 * Active ISO 4217 currencies and their exponents (minor-unit digits), as
 * published by the ISO 4217 maintenance agency (list one, 2026 edition: BGN,
 * ANG, SLL, ZWL and HRK are gone; XCG, SLE, ZWG, VED are in). Fund codes (BOV,
 * CHE, CHW, CLF, COU, MXV, USN, UYI, UYW) and precious metals are left out:
 * nobody prices a molcajete in XAU or in Chilean unidades de fomento.
 *
 * The exponent is ISO's, not CLDR's display digits: they differ for a few
 * currencies (ISK, HUF, TWD…) and payment providers have their own rules on top
 * (see `pricing/payment-amount.ts`).
 */
const EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND';
const EXPONENT_2 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
  'GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK ' +
  'LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO ' +
  'NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS ' +
  'SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST ' +
  'XCD XCG YER ZAR ZMW ZWG';

function table(): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  const add = (codes: string, exponent: number) => {
    for (const code of codes.split(/\s+/)) if (/^[A-Z]{3}$/.test(code)) map.set(code, exponent);
  };
  add(EXPONENT_2, 2);
  add(EXPONENT_0, 0);
  add(EXPONENT_3, 3);
  return map;
}

/** Every active currency code mapped to its ISO 4217 exponent. */
export const CURRENCY_EXPONENTS: ReadonlyMap<string, number> = table();

/** All active currency codes, sorted. */
export const CURRENCY_CODES: readonly string[] = [...CURRENCY_EXPONENTS.keys()].sort();

/** True for an active ISO 4217 code in upper case. */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && CURRENCY_EXPONENTS.has(code);
}

/**
 * The number of minor-unit digits of a currency.
 *
 * @example
 * currencyExponent('JPY'); // 0
 * currencyExponent('KWD'); // 3
 * @throws AldeaError UNSUPPORTED_CURRENCY for an unknown code
 */
export function currencyExponent(code: string): number {
  const e = CURRENCY_EXPONENTS.get(code);
  if (e === undefined) {
    throw new AldeaError('UNSUPPORTED_CURRENCY', `unknown currency code "${code}"`);
  }
  return e;
}
