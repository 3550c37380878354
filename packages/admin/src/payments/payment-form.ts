import {
  type FieldIssue,
  MANUAL_METHODS,
  type ManualMethod,
  type PaymentSettings,
  type PaymentSettingsInput,
  type Translate,
} from '@aldea/core';
import { type FieldErrors, fieldErrors } from '../http/field-errors.js';
import type { MessageKey } from '../messages/index.js';
import type { FormValues } from '../ui/fields.js';

/** The outcome of reading a form: core's input, or issues whose messages are message keys. */
export type FormResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** The form field of one method's instructions (in the language the page edits). */
export const instructionsField = (m: ManualMethod) => `instructions.${m}`;

/** Whole days a manual payment may take, as the form shows the stored hours. */
export function holdDays(hours: number): number {
  return Math.max(1, Math.round(hours / 24));
}

/** The settings as the methods form shows them, instructions in `locale`. */
export function paymentValues(s: PaymentSettings, locale: string): FormValues {
  const values: FormValues = {
    holdDays: String(holdDays(s.manualHoldHours)),
    notifyEmail: s.notifyEmail ?? '',
  };
  for (const m of MANUAL_METHODS) values[instructionsField(m)] = s.instructions[m]?.[locale] ?? '';
  return values;
}

/**
 * Reads the methods form: which ways to pay (at least one), the instructions
 * in one language merged into those of the others, the days a manual payment
 * may take, and the address for new-order emails.
 */
export function readMethodsForm(
  fields: Record<string, string>,
  ticked: string[],
  opts: { current: PaymentSettings; locale: string; cardOffered: boolean },
): FormResult<PaymentSettingsInput> {
  const issues: FieldIssue[] = [];
  const manualMethods = MANUAL_METHODS.filter((m) => ticked.includes(m));
  // Without a card provider the box is not shown: keep the shop's choice for when there is one.
  const cardEnabled = opts.cardOffered ? ticked.includes('card') : opts.current.cardEnabled;
  if (manualMethods.length === 0 && !(cardEnabled && opts.cardOffered)) {
    issues.push({ path: 'methods', message: 'payments.atLeastOne' });
  }
  const instructions: Record<string, Record<string, string>> = {};
  for (const m of MANUAL_METHODS) {
    const others = Object.fromEntries(
      Object.entries(opts.current.instructions[m] ?? {}).filter(
        (e): e is [string, string] => e[0] !== opts.locale && Boolean(e[1]),
      ),
    );
    const typed = (fields[instructionsField(m)] ?? '').trim();
    if (typed.length > 2000) issues.push({ path: instructionsField(m), message: 'field.tooLong' });
    instructions[m] = typed ? { ...others, [opts.locale]: typed } : others;
  }
  const days = (fields.holdDays ?? '').normalize('NFKC').trim();
  const validDays = /^\d{1,2}$/.test(days) && Number(days) >= 1 && Number(days) <= 30;
  if (!validDays) issues.push({ path: 'holdDays', message: 'payments.holdDaysInvalid' });
  const email = (fields.notifyEmail ?? '').trim();
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    data: {
      manualMethods,
      cardEnabled,
      instructions,
      // A shop that chose whole days keeps what it had when the days did not change.
      manualHoldHours:
        Number(days) === holdDays(opts.current.manualHoldHours)
          ? opts.current.manualHoldHours
          : Number(days) * 24,
      notifyEmail: email || null,
    },
  };
}

/** Errors by form field, core's paths and English messages mapped to the form and its language. */
export function paymentErrors(
  t: Translate<MessageKey>,
  issues: readonly FieldIssue[],
): FieldErrors {
  const mapped = issues.map((i) => {
    if (i.path === 'notifyEmail') return { ...i, message: 'field.email' };
    if (i.path === 'stripeAccountId') return { ...i, message: 'payments.stripeInvalid' };
    const instructions = /^instructions\.([a-z_]+)\./.exec(i.path);
    if (instructions) return { ...i, path: `instructions.${instructions[1]}` };
    if (i.path === 'manualHoldHours')
      return { ...i, path: 'holdDays', message: 'payments.holdDaysInvalid' };
    return i;
  });
  return fieldErrors(t, mapped);
}
