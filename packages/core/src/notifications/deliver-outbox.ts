import { and, eq, sql } from 'drizzle-orm';
import { type BackoffPolicy, retryDelayMs } from '../jobs/backoff.js';
import { outbox } from '../schema/platform.js';
import type { PlatformContext } from '../tenancy/context.js';
import { isPermanentMailError, type Mailer } from './mailer.js';
import { defaultOutboxRenderers } from './outbox-renderers.js';

type OutboxRow = typeof outbox.$inferSelect;

/** Turns an outbox row into an email, or `null` when there is no one to send it to. */
export type OutboxRenderer = (
  ctx: PlatformContext,
  row: OutboxRow,
  opts: { publicUrl: string },
) => Promise<{ to: string[]; subject: string; text: string; html: string } | null>;

/** How the outbox worker runs. */
export interface DeliverOutboxOptions {
  mailer: Mailer;
  /** `"Aldea <orders@example.org>"`. */
  from: string;
  /** Prefix of the links in emails (`https://shop.example.org`). */
  publicUrl: string;
  /** Kinds this worker delivers, with their renderers (default: every kind core writes). */
  renderers?: Record<string, OutboxRenderer>;
  /** Rows claimed per run. */
  limit?: number;
  /** How long a claimed row is ours; longer than the mailer's timeouts. */
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

/**
 * Claims due outbox messages under a lease, sends each, and marks it sent; a
 * failed send is retried with backoff and given up after `maxAttempts` (or at
 * once on a permanent SMTP error). Two workers — in one process or several —
 * never claim the same row, and a sent row is never claimed again, so an email
 * goes out once. The one window left is a crash between the SMTP server
 * accepting a message and us marking it sent: then the lease runs out and it is
 * sent again with the same Message-ID, which receiving servers can recognise.
 */
export async function deliverOutbox(
  ctx: PlatformContext,
  opts: DeliverOutboxOptions,
): Promise<DeliverOutboxResult> {
  const renderers = opts.renderers ?? defaultOutboxRenderers;
  const kinds = Object.keys(renderers);
  const result: DeliverOutboxResult = { sent: 0, retried: 0, failed: 0 };
  if (kinds.length === 0) return result;
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 120_000));
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const claimed = await ctx.db.transaction((tx) =>
    tx.all<{ id: string }>(sql`
      update outbox set status = 'sending', locked_until = ${leaseUntil.getTime()},
        attempts = attempts + 1
      where id in (
        select id from outbox
        where kind in (${kindList})
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
    try {
      const email = await renderers[row.kind]!(ctx, row, { publicUrl: opts.publicUrl });
      if (email && email.to.length > 0) {
        await opts.mailer.send({ ...email, from: opts.from, messageId: `<${row.id}@aldea>` });
      }
      await ctx.db.transaction((tx) =>
        tx
          .update(outbox)
          .set({ status: 'sent', sentAt: ctx.clock.now(), lockedUntil: null, lastError: null })
          .where(mine),
      );
      result.sent++;
    } catch (err) {
      const giveUp = isPermanentMailError(err) || row.attempts >= (opts.maxAttempts ?? 8);
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
