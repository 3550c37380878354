import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { auditLog } from '../schema/platform.js';
import type { Actor, PlatformContext, ShopContext } from '../tenancy/context.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  data?: Record<string, unknown>;
}

function actorUserId(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind === 'api') return actor.userId ?? null;
  return null;
}

/**
 * Writes one audit-log row inside the caller's transaction (so the entry exists
 * exactly when the change does). Call it for every money-related change, and for
 * every change made by a trainer or operator (see `isAuditedRole`).
 */
export async function recordAudit(
  tx: Db,
  ctx: ShopContext | PlatformContext,
  entry: AuditEntry,
): Promise<void> {
  const shop = 'shop' in ctx ? ctx.shop.id : null;
  const role = 'role' in ctx ? ctx.role : ctx.actor.kind;
  const now = ctx.clock.now();
  await tx.insert(auditLog).values({
    id: newId('audit', now.getTime()),
    shopId: shop,
    actorUserId: actorUserId(ctx.actor),
    actorRole: role,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    data: entry.data ?? null,
    createdAt: now,
  });
}
