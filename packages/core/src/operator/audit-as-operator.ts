import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/database.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import type { OperatorContext } from './operator-context.js';

/**
 * Writes an operator's change to the audit log: in the shop's log when it
 * touched a shop, else as a platform entry (no shop). Runs inside the caller's
 * transaction, which may have just created the shop.
 */
export async function auditAsOperator(
  tx: Db,
  op: OperatorContext,
  entry: { action: string; entity: string; entityId: string; data?: Record<string, unknown> },
  shopId?: string,
): Promise<void> {
  const role = op.actor.kind === 'system' ? 'system' : 'operator';
  if (shopId) {
    // recordAudit reads only the shop id and the role from a shop context.
    const inShop = { ...op, shop: { id: shopId }, role } as unknown as ShopContext;
    await recordAudit(tx, inShop, entry);
    return;
  }
  // A platform entry: no shop; recordAudit takes the role when the context has one.
  const platform: PlatformContext = Object.assign({}, op, { role });
  await recordAudit(tx, platform, entry);
}
