import type { FieldIssue, Translate } from '@aldea/core';
import { en, type MessageKey } from '../messages/en.js';

/** Translated error messages by form field name (the field names are core's input paths). */
export type FieldErrors = Partial<Record<string, string>>;

const isKey = (s: string): s is MessageKey => Object.hasOwn(en, s);

// Core's English messages that have a better, translated sentence here.
const CORE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'use lower-case letters, digits and hyphens': 'field.slug',
  'not a valid domain name': 'field.domain',
  'unknown currency code': 'field.currency',
  'not a valid email address': 'field.email',
  'use the international format, e.g. +5214151234567': 'field.phone',
  'use a two-letter country code such as CN or MX': 'field.country',
  'use at least 10 characters': 'field.password',
  'add this language to the shop first': 'field.localeMissing',
  'write the shop name in this language first': 'field.noTexts',
};

// parseAmount's issue codes: the seller typed something that is not a price.
const AMOUNT_CODES = new Set([
  'not_text',
  'too_long',
  'empty',
  'negative',
  'exponent',
  'not_a_number',
  'several_decimal_separators',
  'invalid_characters',
  'bad_grouping',
  'too_big',
]);

/**
 * One issue as a sentence in the user's language: admin schemas use message
 * keys as messages; core's known English messages and zod codes map to keys;
 * anything else says "not valid" rather than showing English to a Chinese seller.
 */
export function issueText(
  t: Translate<MessageKey>,
  issue: FieldIssue,
  context: { currency?: string } = {},
): string {
  if (isKey(issue.message)) return t(issue.message);
  if (issue.code === 'unique') return t('field.taken');
  const known = CORE_MESSAGES[issue.message];
  if (known) return t(known);
  if (issue.code === 'too_many_decimals') {
    const currency = /\b[A-Z]{3}\b/.exec(issue.message)?.[0] ?? context.currency ?? '';
    return t('field.amountDecimals', { currency });
  }
  if (issue.code && AMOUNT_CODES.has(issue.code)) return t('field.amount');
  switch (issue.code) {
    case 'too_small':
      // zod's min(1) on text: nothing was typed.
      return /(>=\s?1 character|at least 1 character)/.test(issue.message)
        ? t('field.required')
        : t('field.tooShort');
    case 'too_big':
      return t('field.tooLong');
    case 'invalid_type':
      return t('field.required');
    default:
      return t('field.invalid');
  }
}

/** Errors by field for a form, from core or admin validation issues (first issue per field wins). */
export function fieldErrors(
  t: Translate<MessageKey>,
  issues: readonly FieldIssue[],
  context: { currency?: string } = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path || '_form';
    out[key] ??= issueText(t, issue, context);
  }
  return out;
}
