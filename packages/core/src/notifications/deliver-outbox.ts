import { and, eq, type SQL, sql } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { type BackoffPolicy, retryDelayMs } from '../jobs/backoff.js';
import { outbox } from '../schema/platform.js';
import type { PlatformContext } from '../tenancy/context.js';
import { isPermanentMailError, type Mailer } from './mailer.js';
import { defaultOutboxRenderers, defaultSmsRenderers } from './outbox-renderers.js';
import { isPermanentSmsError, type SmsSender } from './sms-sender.js';

type OutboxRow = typeof outbox.$inferSelect;

/** Turns an outbox row into an email, or `null` when there is no one to send it to. */
export type OutboxRenderer = (
  ctx: PlatformContext,
  row: OutboxRow,
  opts: { publicUrl: string },
) => Promise<{ to: string[]; subject: string; text: string; html: string } | null>;

/** Turns an SMS-channel outbox row into a text message, or `null` when there is no one to send it to. */
export type SmsRenderer = (
  ctx: PlatformContext,
  row: OutboxRow,
  opts: { publicUrl: string },
) => Promise<{ to: string; text: string } | null>;

/**
 * How the outbox worker runs. A row whose payload says `channel: 'sms'` goes
 * through the SMS sender, every other row through the mailer; a channel with
 * nothing configured is not claimed, so its rows wait, pending, until it is.
 */
export interface DeliverOutboxOptions {
  /** Sends email-channel rows. Without one they stay pending. */
  mailer?: Mailer;
  /** `"Aldea <orders@example.org>"`; required with a mailer. */
  from?: string;
  /** Sends SMS-channel rows. Without one they stay pending. */
  smsSender?: SmsSender;
  /** Prefix of the links in messages (`https://shop.example.org`). */
  publicUrl: string;
  /** Email kinds this worker delivers, with their renderers (default: every kind core writes). */
  renderers?: Record<string, OutboxRenderer>;
  /** SMS kinds this worker delivers, with their renderers (default: every kind core writes). */
  smsRenderers?: Record<string, SmsRenderer>;
  /** Rows claimed per run. */
  limit?: number;
  /** How long a claimed row is ours; longer than the mailer's and SMS sender's timeouts. */
  leaseMs?: number;
  /** After this many attempts a message is marked failed. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
}

/** What one run did. */
export interface DeliverOutboxResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The rows of a set of kinds on one channel (`payload.channel`, email when absent). */
function channelRows(kinds: string[], channel: 'email' | 'sms'): SQL | undefined {
  if (kinds.length === 0) return undefined;
  const list = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  return channel === 'sms'
    ? sql`(kind in (${list}) and json_extract(payload, '$.channel') = 'sms')`
    : sql`(kind in (${list}) and coalesce(json_extract(payload, '$.channel'), 'email') <> 'sms')`;
}

/**
 * Claims due outbox messages under a lease, sends each by its channel (email
 * through the mailer, SMS through the SMS sender), and marks it sent; a failed
 * send is retried with backoff and given up after `maxAttempts` (or at once on
 * a permanent error: an SMTP 5xx, an SMS provider's 4xx). Two workers — in one
 * process or several — never claim the same row, and a sent row is never
 * claimed again, so a message goes out once. The one window left is a crash
 * between the provider accepting a message and us marking it sent: then the
 * lease runs out and it is sent again with the same id (the email's
 * Message-ID), which receiving servers can recognise. Rows of a channel with
 * no sender configured are not claimed: they stay pending, and never hold up
 * the other channel.
 *
 * @example
 * await deliverOutbox(ctx, { mailer, from: 'Aldea <shops@example.org>', smsSender, publicUrl });
 * @throws AldeaError VALIDATION when a mailer is given without a From address
 */
export async function deliverOutbox(
  ctx: PlatformContext,
  opts: DeliverOutboxOptions,
): Promise<DeliverOutboxResult> {
  const renderers = opts.renderers ?? defaultOutboxRenderers;
  const smsRenderers = opts.smsRenderers ?? defaultSmsRenderers;
  const result: DeliverOutboxResult = { sent: 0, retried: 0, failed: 0 };
  if (opts.mailer && !opts.from) {
    throw new AldeaError('VALIDATION', 'the outbox needs a From address to send email', [
      { path: 'from', message: 'give a From address with the mailer' },
    ]);
  }
  const claimable = [
    opts.mailer ? channelRows(Object.keys(renderers), 'email') : undefined,
    opts.smsSender ? channelRows(Object.keys(smsRenderers), 'sms') : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (claimable.length === 0) return result;
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 120_000));
  const claimed = await ctx.db.transaction((tx) =>
    tx.all<{ id: string }>(sql`
      update outbox set status = 'sending', locked_until = ${leaseUntil.getTime()},
        attempts = attempts + 1
      where id in (
        select id from outbox
        where (${sql.join(claimable, sql` or `)})
          and ((status = 'pending' and next_attempt_at <= ${now.getTime()})
            or (status = 'sending' and locked_until <= ${now.getTime()}))
        order by next_attempt_at limit ${opts.limit ?? 20})
      returning id`),
  );
  for (const { id } of claimed) {
    const [row] = await ctx.db.read.select().from(outbox).where(eq(outbox.id, id));
    if (row?.status !== 'sending') continue;
    const mine = and(
      eq(outbox.id, id),
      eq(outbox.status, 'sending'),
      eq(outbox.attempts, row.attempts),
    );
    const isSms = row.payload.channel === 'sms';
    try {
      if (isSms) await sendSms(ctx, row, opts, smsRenderers);
      else await sendEmail(ctx, row, opts, renderers);
      await ctx.db.transaction((tx) =>
        tx
          .update(outbox)
          .set({ status: 'sent', sentAt: ctx.clock.now(), lockedUntil: null, lastError: null })
          .where(mine),
      );
      result.sent++;
    } catch (err) {
      const permanent = isSms ? isPermanentSmsError(err) : isPermanentMailError(err);
      const giveUp = permanent || row.attempts >= (opts.maxAttempts ?? 8);
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = new Date(
        ctx.clock.now().getTime() + retryDelayMs(row.attempts, opts.backoff),
      );
      await ctx.db.transaction((tx) =>
        tx
          .update(outbox)
          .set({
            status: giveUp ? 'failed' : 'pending',
            nextAttemptAt: retryAt,
            lockedUntil: null,
            lastError: message.slice(0, 500),
          })
          .where(mine),
      );
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

async function sendEmail(
  ctx: PlatformContext,
  row: OutboxRow,
  opts: DeliverOutboxOptions,
  renderers: Record<string, OutboxRenderer>,
): Promise<void> {
  const email = await renderers[row.kind]!(ctx, row, { publicUrl: opts.publicUrl });
  if (email && email.to.length > 0) {
    await opts.mailer!.send({ ...email, from: opts.from!, messageId: `<${row.id}@aldea>` });
  }
}

async function sendSms(
  ctx: PlatformContext,
  row: OutboxRow,
  opts: DeliverOutboxOptions,
  renderers: Record<string, SmsRenderer>,
): Promise<void> {
  const sms = await renderers[row.kind]!(ctx, row, { publicUrl: opts.publicUrl });
  if (sms?.to) await opts.smsSender!.send({ ...sms, id: row.id });
}
