import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AldeaError } from '../errors.js';
import { parseEcbXml } from './parse-ecb.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/ecb/${name}`, import.meta.url), 'utf8');

function rejection(xml: string, opts?: Parameters<typeof parseEcbXml>[1]): AldeaError {
  try {
    parseEcbXml(xml, opts);
  } catch (e) {
    if (e instanceof AldeaError) return e;
    throw e;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseEcbXml: valid files', () => {
  it('reads a daily file: one day, 29 currencies, exact rate text', () => {
    const { days, ignoredCurrencies } = parseEcbXml(fixture('eurofxref-daily.xml'));
    expect(days).toHaveLength(1);
    const [day] = days;
    expect(day!.date).toBe('2026-11-24');
    expect(day!.asOf.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(day!.rates).toHaveLength(29);
    expect(day!.rates[0]).toEqual({ currency: 'USD', rate: '1.1562' });
    const byCode = Object.fromEntries(day!.rates.map((r) => [r.currency, r.rate]));
    expect(byCode.IDR).toBe('19287.47');
    // Trailing zeros are dropped, the value is the same: 147.60 → 147.6.
    expect(byCode.ISK).toBe('147.6');
    expect(byCode.EUR).toBeUndefined();
    expect(ignoredCurrencies).toEqual([]);
  });

  it('reads a multi-day history and returns the days oldest first', () => {
    const { days } = parseEcbXml(fixture('eurofxref-hist-3d.xml'));
    expect(days.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-23', '2026-11-24']);
    expect(days.map((d) => d.rates.find((r) => r.currency === 'USD')?.rate)).toEqual([
      '1.1498',
      '1.1531',
      '1.1562',
    ]);
  });

  it('skips well-formed codes that are no longer ISO currencies (BGN after the euro) and says so', () => {
    const { days, ignoredCurrencies } = parseEcbXml(fixture('eurofxref-hist-bgn.xml'));
    expect(ignoredCurrencies).toEqual(['BGN']);
    expect(days.map((d) => d.date)).toEqual(['2025-12-31', '2026-01-02']);
    expect(days[0]!.rates.some((r) => r.currency === 'BGN')).toBe(false);
  });

  it('accepts a byte-order mark, comments and double-quoted attributes', () => {
    const xml = `\uFEFF${fixture('eurofxref-daily.xml')
      .replace("<Cube time='2026-11-24'>", '<!-- today --><Cube time="2026-11-24">')
      .replace("rate='1.1562'", 'rate="1.1562"')}`;
    expect(parseEcbXml(xml).days[0]!.rates[0]).toEqual({ currency: 'USD', rate: '1.1562' });
  });
});

describe('parseEcbXml: fails closed', () => {
  it.each([
    ['missing-time.xml', 'missing_time', 'no time attribute'],
    ['duplicate-currency.xml', 'duplicate_currency', 'USD appears twice'],
    ['non-numeric-rate.xml', 'bad_rate', '"1,1562"'],
    ['zero-rate.xml', 'bad_rate', 'greater than zero'],
    ['negative-rate.xml', 'bad_rate', '"-21.3458"'],
    ['exponent-rate.xml', 'bad_rate', '"1e999"'],
    ['empty-rate.xml', 'bad_rate', 'plain decimal'],
    ['truncated.xml', 'malformed', 'unterminated tag'],
    ['truncated-between-days.xml', 'malformed', 'never closed'],
    ['wrong-namespace.xml', 'namespace', 'default namespace'],
    ['doctype-entities.xml', 'malformed', 'DOCTYPE'],
    ['impossible-date.xml', 'bad_date', '2026-02-30'],
    ['duplicate-day.xml', 'duplicate_day', 'appears twice'],
    ['eur-listed.xml', 'eur_listed', 'EUR is the base'],
    ['no-rates.xml', 'empty', 'no rates'],
    ['html-error-page.xml', 'malformed', 'DOCTYPE'],
    ['not-gesmes.xml', 'not_ecb', 'not an ECB'],
    ['latin1-encoding.xml', 'malformed', 'UTF-8 only'],
  ])('%s → %s', (file, code, text) => {
    const e = rejection(fixture(`malformed/${file}`));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.code)).toContain(code);
    expect(e.message).toContain(text);
  });

  it('rejects an oversized body before parsing it', () => {
    const daily = fixture('eurofxref-daily.xml');
    const e = rejection(daily, { maxBytes: 1000 });
    expect(e.issues[0]).toMatchObject({ path: 'body', code: 'too_big' });
    const huge = daily.replace('<Cube>', `<Cube>${'<!-- padding -->'.repeat(200_000)}`);
    expect(rejection(huge).issues[0]?.code).toBe('too_big');
  });

  it('lists every problem of a file, not only the first', () => {
    const xml = fixture('eurofxref-daily.xml')
      .replace("rate='1.1562'", "rate='abc'")
      .replace("rate='180.21'", "rate='0'");
    const e = rejection(xml);
    expect(e.issues.map((i) => i.path)).toEqual([
      'Cube[time=2026-11-24].USD@rate',
      'Cube[time=2026-11-24].JPY@rate',
    ]);
    expect(e.message).toContain('(and 1 more)');
  });

  it('rejects stray entities, text outside the root and unbalanced tags', () => {
    const daily = fixture('eurofxref-daily.xml');
    for (const xml of [
      daily.replace('Reference rates', 'Rates &unknown;'),
      `${daily}trailing text`,
      daily.replace('</gesmes:Sender>', '</gesmes:sender>'),
      daily.replace("<Cube currency='USD' rate='1.1562'/>", "<Cube currency='USD' rate='1.1562'>"),
      daily.replace("currency='USD'", "currency='USD' currency='USD'"),
      daily.replace("currency='USD'", "currency='usd'"),
      '',
    ]) {
      expect(rejection(xml).code).toBe('VALIDATION');
    }
  });
});
