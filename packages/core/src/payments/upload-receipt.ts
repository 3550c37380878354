import { and, desc, eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { type IngestImageResult, ingestImage } from '../media/ingest-image.js';
import type { MediaStorage } from '../media/storage.js';
import { getOrderByStatusToken } from '../orders/get-order.js';
import { payments } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';

/**
 * The buyer uploads a photo of their transfer receipt from the order status
 * page (the link is their credential). The photo goes through the media
 * pipeline (type sniffed from the bytes, metadata and GPS stripped, pixel
 * limits) and is attached to the order's manual payment for the seller to
 * check before confirming. Refusals (not an image, too large…) are returned.
 */
export async function uploadPaymentReceipt(
  ctx: ShopContext,
  statusToken: string,
  input: { bytes: Uint8Array; filename?: string; storage: MediaStorage },
): Promise<IngestImageResult> {
  const order = await getOrderByStatusToken(ctx, statusToken);
  if (order.status !== 'pending_payment' || order.payment?.provider !== 'manual') {
    throw new AldeaError('CONFLICT', 'this order is not awaiting a manual payment', [
      { path: 'receipt', message: 'nothing to upload a receipt for', code: 'not_manual' },
    ]);
  }
  const result = await ingestImage(ctx, {
    bytes: input.bytes,
    storage: input.storage,
    ...(input.filename ? { filename: input.filename } : {}),
  });
  if (!result.ok) return result;
  await ctx.db.transaction(async (tx) => {
    const [payment] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.shopId, ctx.shop.id), eq(payments.orderId, order.id)))
      .orderBy(desc(payments.createdAt))
      .limit(1);
    await tx
      .update(payments)
      .set({ receiptMediaId: result.asset.id, updatedAt: ctx.clock.now() })
      .where(and(eq(payments.shopId, ctx.shop.id), eq(payments.id, payment!.id)));
  });
  return result;
}
