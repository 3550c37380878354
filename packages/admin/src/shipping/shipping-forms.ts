import {
  type FieldIssue,
  isAldeaError,
  type Locale,
  parseAmount,
  type ShippingRateView,
  type ShippingZoneView,
  type Translate,
  toDecimalString,
} from '@aldea/core';
import { type FieldErrors, fieldErrors } from '../http/field-errors.js';
import type { MessageKey } from '../messages/index.js';
import type { FormValues } from '../ui/fields.js';

/** The outcome of reading a form: core's input, or issues whose messages are message keys. */
export type FormResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** What the zone form gives core's `createShippingZone` / `updateShippingZone`. */
export interface ZoneFormData {
  name: string;
  countries: string[];
  taxRateBps: number;
  taxInclusive: boolean;
}

/** What the rate form gives core's `createShippingRate` / `updateShippingRate` (less the zone). */
export interface RateFormData {
  name: Record<string, string>;
  minWeightGrams: number;
  maxWeightGrams: number | null;
  amountMinor: number;
  freeOverMinor: number | null;
  deliveryDaysMin: number;
  deliveryDaysMax: number;
}

const text = (fields: Record<string, string>, name: string) =>
  (fields[name] ?? '').normalize('NFKC').trim();

/** "MX, US；ca、*" → ['MX', 'US', 'CA', '*'] (commas of any keyboard, spaces). */
export function splitCountries(typed: string): string[] {
  return typed
    .normalize('NFKC')
    .split(/[\s,;、]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

/** "16" → 1600, "7.5" / "7,5" → 750 basis points; undefined unless 0–100 with ≤ 2 decimals. */
export function percentToBps(typed: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(typed.normalize('NFKC').trim());
  if (!m) return undefined;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : undefined;
}

function whole(
  fields: Record<string, string>,
  name: string,
  issues: FieldIssue[],
  opts: { optional?: boolean; fallback?: number } = {},
): number | null {
  const v = text(fields, name);
  if (v === '') {
    if (opts.fallback !== undefined) return opts.fallback;
    if (opts.optional) return null;
    issues.push({ path: name, message: 'field.required' });
    return 0;
  }
  if (!/^\d{1,7}$/.test(v)) {
    issues.push({ path: name, message: v.startsWith('-') ? 'field.nonNegative' : 'field.number' });
    return 0;
  }
  return Number(v);
}

function money(
  fields: Record<string, string>,
  name: string,
  issues: FieldIssue[],
  opts: { currency: string; locale: Locale; optional?: boolean },
): number | null {
  const v = text(fields, name);
  if (v === '' && opts.optional) return null;
  try {
    return parseAmount(v, opts.currency, { locale: opts.locale, path: name }).amountMinor;
  } catch (err) {
    if (!isAldeaError(err, 'VALIDATION')) throw err;
    issues.push(...err.issues);
    return 0;
  }
}

/** Reads the zone form: a name, the countries typed as codes, a tax percentage and whether prices include it. */
export function readZoneForm(fields: Record<string, string>): FormResult<ZoneFormData> {
  const issues: FieldIssue[] = [];
  const name = text(fields, 'name');
  if (!name) issues.push({ path: 'name', message: 'field.required' });
  else if (name.length > 80) issues.push({ path: 'name', message: 'field.tooLong' });
  const countries = splitCountries(fields.countries ?? '');
  if (countries.length === 0) issues.push({ path: 'countries', message: 'field.required' });
  else if (countries.some((c) => c !== '*' && !/^[A-Z]{2}$/.test(c))) {
    issues.push({ path: 'countries', message: 'shipping.countriesInvalid' });
  }
  const typedTax = text(fields, 'taxRate');
  const taxRateBps = typedTax === '' ? 0 : percentToBps(typedTax);
  if (taxRateBps === undefined) issues.push({ path: 'taxRate', message: 'shipping.percent' });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    data: {
      name,
      countries,
      taxRateBps: taxRateBps ?? 0,
      taxInclusive: Boolean(fields.taxInclusive),
    },
  };
}

/**
 * Reads the rate form. The name is written in one language (`nameLocale`) and
 * merged into the names the rate already has; the price and the threshold are
 * typed in the shop's currency ("150", "150.50").
 */
export function readRateForm(
  fields: Record<string, string>,
  opts: { currency: string; locale: Locale; nameLocale: string; names?: Record<string, string> },
): FormResult<RateFormData> {
  const issues: FieldIssue[] = [];
  const typedName = text(fields, 'name');
  if (!typedName) issues.push({ path: 'name', message: 'field.required' });
  else if (typedName.length > 120) issues.push({ path: 'name', message: 'field.tooLong' });
  const data: RateFormData = {
    name: { ...opts.names, [opts.nameLocale]: typedName },
    minWeightGrams: whole(fields, 'minWeightGrams', issues, { fallback: 0 }) ?? 0,
    maxWeightGrams: whole(fields, 'maxWeightGrams', issues, { optional: true }),
    amountMinor: money(fields, 'price', issues, opts) ?? 0,
    freeOverMinor: money(fields, 'freeOver', issues, { ...opts, optional: true }),
    deliveryDaysMin: whole(fields, 'deliveryDaysMin', issues) ?? 0,
    deliveryDaysMax: whole(fields, 'deliveryDaysMax', issues) ?? 0,
  };
  return issues.length ? { ok: false, issues } : { ok: true, data };
}

// Core's input paths that the forms call something else, and its English messages with a key here.
const FORM_FIELD: Readonly<Record<string, string>> = {
  amountMinor: 'price',
  freeOverMinor: 'freeOver',
  taxRateBps: 'taxRate',
};
const CORE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'must be more than the minimum weight': 'shipping.maxWeightOrder',
  'must be at least the minimum days': 'shipping.daysOrder',
  'unknown country code (use ISO codes or *)': 'shipping.countriesInvalid',
  'at most 100 %': 'shipping.percent',
  'give the rate a name': 'field.required',
};

/** Errors by form field from admin or core issues, in the seller's language. */
export function shippingErrors(
  t: Translate<MessageKey>,
  issues: readonly FieldIssue[],
  currency: string,
): FieldErrors {
  const taken = issues.find((i) => i.path === 'countries' && i.code === 'unique');
  const renamed = issues.map((i) => ({
    ...i,
    path: FORM_FIELD[i.path] ?? i.path,
    message: CORE_MESSAGES[i.message] ?? i.message,
  }));
  const errors = fieldErrors(t, renamed, { currency });
  if (taken) {
    const m = /^(.+) already in zone "(.*)"$/.exec(taken.message);
    errors.countries = t('shipping.countriesTaken', {
      countries: m?.[1] ?? '',
      zone: m?.[2] ?? '',
    });
  }
  return errors;
}

/** A zone as the form shows it. */
export function zoneValues(zone: ShippingZoneView): FormValues {
  return {
    name: zone.name,
    countries: zone.countries.join(', '),
    taxRate: String(zone.taxRateBps / 100),
    ...(zone.taxInclusive ? { taxInclusive: 'on' } : {}),
  };
}

/** A rate as the form shows it, its name in `nameLocale` (else any it has). */
export function rateValues(rate: ShippingRateView, nameLocale: string): FormValues {
  const names = rate.name as Record<string, string | undefined>;
  return {
    name: names[nameLocale] ?? Object.values(names).find(Boolean) ?? '',
    minWeightGrams: String(rate.minWeightGrams),
    maxWeightGrams: rate.maxWeightGrams === null ? '' : String(rate.maxWeightGrams),
    price: toDecimalString({ amountMinor: rate.amountMinor, currency: rate.currency }),
    freeOver:
      rate.freeOverMinor === null
        ? ''
        : toDecimalString({ amountMinor: rate.freeOverMinor, currency: rate.currency }),
    deliveryDaysMin: String(rate.deliveryDaysMin),
    deliveryDaysMax: String(rate.deliveryDaysMax),
  };
}
