import { sql } from 'drizzle-orm';
import { cached } from '../catalog/prepared.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { outbox } from '../schema/platform.js';
import type { OrderEmailKind, OrderEmailPayload } from './order-emails.js';

/**
 * Writes an order email to the outbox inside the caller's transaction, so the
 * email exists exactly when the change that caused it does. The dedupe key
 * (`kind:orderId`) makes a second enqueue of the same email a no-op: a webhook
 * replayed three times still sends one confirmation.
 */
export async function enqueueOrderEmail(
  tx: Db,
  now: Date,
  kind: OrderEmailKind,
  payload: OrderEmailPayload,
): Promise<void> {
  insertOutbox(tx).run({
    id: newId('outbox', now.getTime()),
    shopId: payload.shopId,
    kind,
    dedupeKey: `${kind}:${payload.orderId}`,
    payload,
    now,
  });
}

/** Prepared once per connection: every order writes two or three of these. */
const insertOutbox = (db: Db) =>
  cached(db, 'outbox.insert', () => {
    const p = sql.placeholder;
    return db
      .insert(outbox)
      .values({
        id: p('id'),
        shopId: p('shopId'),
        kind: p('kind'),
        dedupeKey: p('dedupeKey'),
        payload: p('payload'),
        status: 'pending',
        nextAttemptAt: p('now'),
        createdAt: p('now'),
      })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .prepare();
  });
