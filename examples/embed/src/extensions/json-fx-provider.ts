import { AldeaError, type FxRateProvider } from '@aldea/core';

/**
 * Rates from a JSON feed such as `{"base":"USD","date":"2026-11-24","rates":{"MXN":"19.85"}}`.
 * Rates must be strings: a float would lose digits before Aldea ever saw them.
 * `importFxRates` validates the result and stores it in one transaction.
 */
export function jsonFeedProvider(url: string): FxRateProvider {
  return {
    name: 'json-feed',
    source: 'manual', // feed rates are history: the newest wins
    async fetchRates() {
      const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new AldeaError('INTERNAL', `FX feed answered HTTP ${res.status}`);
      const feed = (await res.json()) as { base: string; date: string; rates: object };
      return [
        {
          base: feed.base,
          asOf: new Date(`${feed.date}T00:00:00Z`),
          rates: Object.entries(feed.rates).map(([currency, rate]) => ({ currency, rate })),
        },
      ];
    },
  };
}
