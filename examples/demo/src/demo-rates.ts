import { importEcbRates, listLatestRates, type PlatformContext } from '@aldea/core';

const DAY_MS = 86_400_000;
const TIME_ATTR = /time=(['"])(\d{4}-\d{2}-\d{2})\1/g;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Moves every `time='YYYY-MM-DD'` of an ECB reference-rate file so that its
 * newest day becomes `today` (older days keep their distance). The demo's rates
 * are samples in the real format, not market rates: re-dating them keeps the
 * demo's conversions inside the staleness limits however long ago it was set up.
 *
 * @example
 * redateEcbXml("<Cube time='2026-11-24'>…", new Date('2027-03-02')); // "<Cube time='2027-03-02'>…"
 */
export function redateEcbXml(xml: string, today: Date): string {
  const days = [...xml.matchAll(TIME_ATTR)].map((m) => Date.parse(`${m[2]}T00:00:00Z`));
  if (days.length === 0) return xml;
  const newest = Math.max(...days);
  const target = Date.parse(`${isoDay(today)}T00:00:00Z`);
  const shift = Math.round((target - newest) / DAY_MS) * DAY_MS;
  return xml.replace(TIME_ATTR, (_m, quote: string, day: string) => {
    const moved = new Date(Date.parse(`${day}T00:00:00Z`) + shift);
    return `time=${quote}${isoDay(moved)}${quote}`;
  });
}

/** Imports the demo's sample ECB rates, dated today. Returns the day they carry. */
export async function importDemoRates(ctx: PlatformContext, xml: string): Promise<string> {
  const result = await importEcbRates(ctx, { xml: redateEcbXml(xml, ctx.clock.now()) });
  return result.latestDay;
}

/**
 * On a demo database whose newest platform rate is older than `staleAfterHours`
 * (the demo was seeded weeks ago), imports the sample rates again dated today,
 * so converted prices keep showing. Returns the new day, or null when the rates
 * were fresh enough (or there are none: a database the demo did not seed).
 */
export async function refreshDemoRatesIfStale(
  ctx: PlatformContext,
  xml: string,
  staleAfterHours: number,
): Promise<string | null> {
  const latest = await listLatestRates(ctx);
  if (latest.length === 0) return null;
  const newest = Math.max(...latest.map((r) => r.asOf.getTime()));
  if (ctx.clock.now().getTime() - newest <= staleAfterHours * 3_600_000) return null;
  return importDemoRates(ctx, xml);
}
