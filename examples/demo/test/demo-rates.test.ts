import { type Clock, listLatestRates, platformContext } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { importDemoRates, redateEcbXml, refreshDemoRatesIfStale } from '../src/demo-rates.ts';
import { loadSeedData } from '../src/seed-data.ts';
import { freshDemoDb } from './support.ts';

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const system = { kind: 'system', name: 'test' } as const;

describe('redateEcbXml', () => {
  it('moves the newest day to today and keeps the distance of older days', () => {
    const xml = '<Cube time=\'2026-11-20\'/><Cube time="2026-11-24"/>';
    expect(redateEcbXml(xml, new Date('2027-03-02T18:00:00Z'))).toBe(
      '<Cube time=\'2027-02-26\'/><Cube time="2027-03-02"/>',
    );
  });

  it('leaves a file without days alone (the parser then refuses it)', () => {
    expect(redateEcbXml('<Cube/>', new Date())).toBe('<Cube/>');
  });
});

describe('demo FX rates', () => {
  it('imports the sample rates dated today: CNY, MXN and the buyer currencies, all fresh', async () => {
    const { db } = await freshDemoDb();
    const { fxRatesXml } = await loadSeedData();
    const ctx = platformContext(db, { clock: at('2027-01-15T09:00:00Z'), actor: system });
    expect(await importDemoRates(ctx, fxRatesXml)).toBe('2027-01-15');
    const rates = await listLatestRates(ctx);
    const quotes = rates.map((r) => r.quote);
    for (const code of ['CNY', 'MXN', 'USD', 'JPY', 'GBP', 'ZAR', 'IDR']) {
      expect(quotes).toContain(code);
    }
    expect(rates.every((r) => r.freshness === 'fresh')).toBe(true);
  });

  it('re-dates stale sample rates at start, and leaves fresh ones and empty databases alone', async () => {
    const { db } = await freshDemoDb();
    const { fxRatesXml } = await loadSeedData();
    const day = (iso: string) => platformContext(db, { clock: at(iso), actor: system });
    expect(await refreshDemoRatesIfStale(day('2027-01-15T09:00:00Z'), fxRatesXml, 120)).toBeNull();
    await importDemoRates(day('2027-01-15T09:00:00Z'), fxRatesXml);
    expect(await refreshDemoRatesIfStale(day('2027-01-18T09:00:00Z'), fxRatesXml, 120)).toBeNull();
    expect(await refreshDemoRatesIfStale(day('2027-02-20T09:00:00Z'), fxRatesXml, 120)).toBe(
      '2027-02-20',
    );
    const after = await listLatestRates(day('2027-02-20T10:00:00Z'));
    expect(after.every((r) => r.freshness === 'fresh')).toBe(true);
  });
});
