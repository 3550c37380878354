import { recordAudit } from '../audit/record-audit.js';
import { isAuditedRole } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import type { ShopContext } from '../tenancy/context.js';

/**
 * Writes an audit entry for a catalog change when it must be audited: always
 * for money (prices), and for anything a trainer or operator does in a shop.
 */
export async function auditCatalogChange(
  tx: Db,
  ctx: ShopContext,
  entry: { action: string; entity: string; entityId: string; data?: Record<string, unknown> },
  opts: { money?: boolean } = {},
): Promise<void> {
  if (opts.money || isAuditedRole(ctx.role)) await recordAudit(tx, ctx, entry);
}
