import { AldeaError, type FieldIssue } from '../errors.js';
import { isCurrencyCode } from '../money/currencies.js';
import { normalizeRate } from './rate-text.js';
import { parseStrictXml, type XmlElement, XmlSyntaxError } from './strict-xml.js';

/** Namespaces of the ECB reference-rate files (`eurofxref-daily.xml`, `eurofxref-hist.xml`). */
export const ECB_NAMESPACES = {
  gesmes: 'http://www.gesmes.org/xml/2002-08-01',
  eurofxref: 'http://www.ecb.int/vocabulary/2002-08-01/eurofxref',
} as const;

/** The largest body accepted by default: 2 MiB (a 90-day history is ~100 KB). */
export const ECB_DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** One reference day: how many units of each currency one euro buys. */
export interface EcbDay {
  /** `YYYY-MM-DD` as the ECB wrote it. */
  date: string;
  /** The day at 00:00 UTC: what `fx_rates.as_of` stores. */
  asOf: Date;
  rates: { currency: string; rate: string }[];
}

/** What {@link parseEcbXml} returns: days oldest first. */
export interface EcbRates {
  days: EcbDay[];
  /**
   * Well-formed codes that are not active ISO 4217 currencies (BGN after the
   * euro, HRK, CYP… in old history files): skipped, and listed here.
   */
  ignoredCurrencies: string[];
}

/** Options for {@link parseEcbXml}. */
export interface ParseEcbOptions {
  /** Refuse bodies larger than this many UTF-8 bytes (default {@link ECB_DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

function fail(issues: FieldIssue[]): AldeaError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AldeaError(
    'VALIDATION',
    `ECB rates rejected: ${first.path}: ${first.message}${more}`,
    issues,
  );
}

function realDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const same =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return same ? date : undefined;
}

function prefixOf(name: string): string | undefined {
  const at = name.indexOf(':');
  return at < 0 ? undefined : name.slice(0, at);
}

function checkEnvelope(root: XmlElement, issues: FieldIssue[]): void {
  const prefix = prefixOf(root.name);
  const localName = root.name.slice(prefix ? prefix.length + 1 : 0);
  const rootNs = prefix ? root.attrs.get(`xmlns:${prefix}`) : root.attrs.get('xmlns');
  if (localName !== 'Envelope' || rootNs !== ECB_NAMESPACES.gesmes) {
    issues.push({
      path: 'Envelope',
      message: `not an ECB gesmes:Envelope (root is <${root.name}>)`,
      code: 'not_ecb',
    });
  }
  if (root.attrs.get('xmlns') !== ECB_NAMESPACES.eurofxref) {
    issues.push({
      path: 'Envelope@xmlns',
      message: 'the default namespace is not the ECB eurofxref vocabulary',
      code: 'namespace',
    });
  }
}

function parseDay(
  day: XmlElement,
  seenDays: Set<string>,
  ignored: Set<string>,
  issues: FieldIssue[],
): EcbDay | undefined {
  const time = day.attrs.get('time');
  if (time === undefined) {
    issues.push({
      path: `Cube (line ${day.line})`,
      message: 'a day has no time attribute',
      code: 'missing_time',
    });
    return undefined;
  }
  const path = `Cube[time=${time}]`;
  const asOf = realDate(time);
  if (!asOf) {
    issues.push({ path, message: `"${time}" is not a real YYYY-MM-DD date`, code: 'bad_date' });
    return undefined;
  }
  if (seenDays.has(time)) {
    issues.push({ path, message: 'this day appears twice', code: 'duplicate_day' });
    return undefined;
  }
  seenDays.add(time);
  const rates: EcbDay['rates'] = [];
  const seen = new Set<string>();
  for (const leaf of day.children) {
    const currency = leaf.attrs.get('currency');
    const rateText = leaf.attrs.get('rate');
    const at = `${path}.${currency ?? `line ${leaf.line}`}`;
    if (
      leaf.name !== 'Cube' ||
      leaf.children.length > 0 ||
      currency === undefined ||
      rateText === undefined
    ) {
      issues.push({
        path: at,
        message: 'expected <Cube currency="…" rate="…"/>',
        code: 'bad_leaf',
      });
      continue;
    }
    if (!/^[A-Z]{3}$/.test(currency)) {
      issues.push({
        path: at,
        message: `"${currency}" is not a currency code`,
        code: 'bad_currency',
      });
      continue;
    }
    if (seen.has(currency)) {
      issues.push({
        path: at,
        message: `${currency} appears twice on ${time}`,
        code: 'duplicate_currency',
      });
      continue;
    }
    seen.add(currency);
    if (currency === 'EUR') {
      issues.push({
        path: at,
        message: 'EUR is the base and must not be listed',
        code: 'eur_listed',
      });
      continue;
    }
    const rate = normalizeRate(rateText);
    if (!rate.ok) {
      issues.push({
        path: `${at}@rate`,
        message: `"${rateText}": ${rate.reason}`,
        code: 'bad_rate',
      });
      continue;
    }
    if (!isCurrencyCode(currency)) {
      ignored.add(currency);
      continue;
    }
    rates.push({ currency, rate: rate.rate });
  }
  if (day.children.length === 0) {
    issues.push({ path, message: 'a day without any rate', code: 'empty_day' });
  }
  return { date: time, asOf, rates };
}

/**
 * Parses the ECB's euro foreign exchange reference rates XML — the daily file
 * or a history — and fails closed: a body over `maxBytes`, anything that is not
 * well-formed plain XML (DOCTYPE and entities included), a wrong root or
 * namespace, a day without `time` or with an impossible date, a duplicate day or
 * currency, a rate that is not a positive plain decimal ("0", "-1", "1e999",
 * "1,12"), or no day at all: the whole file is rejected with a VALIDATION error
 * listing every problem, so the rates already stored stay in force.
 *
 * Structure: `gesmes:Envelope` (default namespace eurofxref) › `Cube` ›
 * `Cube time="YYYY-MM-DD"` › `Cube currency="USD" rate="1.1225"`. EUR is the
 * base (1) and never listed.
 *
 * @example
 * const { days } = parseEcbXml(await readFile('eurofxref-daily.xml', 'utf8'));
 * days[0]; // { date: '2026-11-24', asOf: 2026-11-24T00:00Z, rates: [{ currency: 'USD', rate: '1.1562' }, …] }
 * @throws AldeaError VALIDATION naming each problem (`issues[].path` like `Cube[time=2026-11-24].USD@rate`)
 */
export function parseEcbXml(xml: string, opts: ParseEcbOptions = {}): EcbRates {
  const maxBytes = opts.maxBytes ?? ECB_DEFAULT_MAX_BYTES;
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) {
    throw fail([
      {
        path: 'body',
        message: `${bytes} bytes is more than the ${maxBytes} allowed`,
        code: 'too_big',
      },
    ]);
  }
  let root: XmlElement;
  try {
    root = parseStrictXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      throw fail([{ path: 'xml', message: e.message, code: 'malformed' }]);
    throw e;
  }
  const issues: FieldIssue[] = [];
  checkEnvelope(root, issues);
  const outer = root.children.filter((c) => c.name === 'Cube');
  if (outer.length !== 1 || outer[0]!.attrs.size > 0) {
    issues.push({
      path: 'Cube',
      message: 'expected exactly one outer <Cube> without attributes',
      code: 'structure',
    });
  }
  const days: EcbDay[] = [];
  const ignored = new Set<string>();
  const seenDays = new Set<string>();
  for (const day of outer[0]?.children ?? []) {
    if (day.name !== 'Cube') {
      issues.push({
        path: `<${day.name}> (line ${day.line})`,
        message: 'unexpected element',
        code: 'structure',
      });
      continue;
    }
    const parsed = parseDay(day, seenDays, ignored, issues);
    if (parsed) days.push(parsed);
  }
  if (issues.length === 0 && days.length === 0) {
    issues.push({ path: 'Cube', message: 'the file contains no rates', code: 'empty' });
  }
  if (issues.length > 0) throw fail(issues);
  days.sort((a, b) => a.asOf.getTime() - b.asOf.getTime());
  return { days, ignoredCurrencies: [...ignored].sort() };
}
