import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import { AldeaError } from '../errors.js';
import { auditLog } from '../schema/platform.js';
import { users } from '../schema/tenancy.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';

/** One audit entry as the admin's log page shows it. */
export interface AuditEntryView {
  id: string;
  createdAt: Date;
  action: string;
  entity: string;
  entityId: string;
  actorRole: string;
  /** The acting person's name, or `null` for the system and API tokens without a user. */
  actorName: string | null;
  data: Record<string, unknown> | null;
}

/** Input of {@link listAuditLog}: page size and the cursor of the previous page. */
export const ListAuditLogInput = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListAuditLogInput = z.input<typeof ListAuditLogInput>;

const Cursor = z.strictObject({
  c: z.number().int().min(0),
  i: z.string().regex(/^aud_[0-9a-z]+$/),
});

function decodeCursor(cursor: string): { c: number; i: string } {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AldeaError('VALIDATION', 'invalid cursor', [
      { path: 'cursor', message: 'not a cursor this log gave out', code: 'cursor' },
    ]);
  }
}

/**
 * The shop's audit log, newest first, one keyset page at a time: money-related
 * actions and every change a trainer or operator made. Needs `shop.read`.
 */
export async function listAuditLog(
  ctx: ShopContext,
  raw: ListAuditLogInput = {},
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  authorize(ctx, 'shop.read');
  const input = parseInput(ListAuditLogInput, raw);
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await ctx.db.read
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.shopId, ctx.shop.id),
        after
          ? or(
              lt(auditLog.createdAt, new Date(after.c)),
              and(eq(auditLog.createdAt, new Date(after.c)), lt(auditLog.id, after.i)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ entry, actorName }) => ({
      id: entry.id,
      createdAt: entry.createdAt,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      actorRole: entry.actorRole,
      actorName: actorName ?? null,
      data: entry.data ?? null,
    })),
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(
            JSON.stringify({ c: last.entry.createdAt.getTime(), i: last.entry.id }),
          ).toString('base64url')
        : null,
  };
}
