import { type FieldIssue, isAldeaError, type Locale, parseAmount } from '@aldea/core';
import { z } from 'zod';
import type { MessageKey } from '../messages/index.js';

/** The outcome of reading a form: the input for core, or issues whose messages are message keys. */
export type FormResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

const key = (k: MessageKey) => k;

const ShortText = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .min(1, key('field.required'))
      .max(80, key('field.tooLong'))
      .refine((s) => !/[<>]/.test(s), key('orders.ship.noMarkup')),
  );

const Reason = z
  .string()
  .trim()
  .max(500, key('field.tooLong'))
  .refine((s) => !/[<>]/.test(s), key('orders.ship.noMarkup'));

/** The "mark shipped" form: carrier and tracking number, and the tracking page when there is one. */
export const ShipForm = z.object({
  carrier: ShortText,
  trackingNumber: ShortText,
  trackingUrl: z
    .string()
    .trim()
    .transform((s) => s || undefined)
    .pipe(
      z
        .url({ protocol: /^https?$/, error: key('orders.ship.urlInvalid') })
        .max(500, key('field.tooLong'))
        .optional(),
    ),
});
export type ShipForm = z.output<typeof ShipForm>;

/** The cancel form: an optional reason (named apart from the refund's: both forms share a page). */
export const CancelForm = z.object({ cancelReason: Reason });

/** The refund's confirmation step: the exact amount the review showed, and the reason. */
export const RefundConfirmForm = z.object({
  amountMinor: z
    .string()
    .regex(/^\d{1,15}$/, key('field.invalid'))
    .transform(Number)
    .pipe(z.number().int().positive(key('field.invalid'))),
  reason: Reason,
});

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.join('.') || '_form',
    message: i.message,
    code: i.code,
  }));
}

/** Validates a posted form against an admin schema (missing fields read as empty text). */
export function readFormWith<S extends z.ZodObject>(
  schema: S,
  fields: Record<string, string>,
): FormResult<z.output<S>> {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, fields[k] ?? '']));
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, issues: issuesOf(parsed.error) };
}

/**
 * The refund amount the seller typed, in the captured currency ("12.50", "12,50",
 * "１２"), or everything left when empty. More than is left is refused with the
 * `amount` field named, so the form shows it next to the field.
 */
export function readRefundAmount(
  text: string | undefined,
  opts: { currency: string; locale: Locale; left: number },
): FormResult<{ amountMinor: number }> {
  const typed = text?.trim() ?? '';
  if (!typed) return { ok: true, data: { amountMinor: opts.left } };
  try {
    const { amountMinor } = parseAmount(typed, opts.currency, {
      locale: opts.locale,
      path: 'amount',
    });
    if (amountMinor <= 0) {
      return { ok: false, issues: [{ path: 'amount', message: key('field.amount') }] };
    }
    if (amountMinor > opts.left) {
      return {
        ok: false,
        issues: [{ path: 'amount', message: 'too much', code: 'refund_too_big' }],
      };
    }
    return { ok: true, data: { amountMinor } };
  } catch (err) {
    if (isAldeaError(err, 'VALIDATION')) return { ok: false, issues: err.issues };
    throw err;
  }
}
