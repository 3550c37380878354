import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  makeCheckoutShop,
  placeOneMolcajete,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { memoryStorage } from '../media/memory-storage.js';
import { getOrder } from '../orders/get-order.js';
import { uploadPaymentReceipt } from './upload-receipt.js';

const db = await makeTestDb();
const gateway = testGateway();

function receiptPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#f4f1ea' } })
    .jpeg()
    .toBuffer();
}

describe('uploadPaymentReceipt', () => {
  it('attaches a cleaned photo of the transfer receipt to the order’s manual payment', async () => {
    const ctx = await makeCheckoutShop(db);
    const { placed } = await placeOneMolcajete(ctx, gateway);
    const storage = memoryStorage();
    const r = await uploadPaymentReceipt(ctx, placed.order.statusToken, {
      bytes: await receiptPhoto(),
      filename: 'recibo.jpg',
      storage,
    });
    expect(r.ok).toBe(true);
    const order = await getOrder(ctx, placed.order.id);
    expect(order.payment!.receiptMediaId).toBe(r.ok ? r.asset.id : null);
  });

  it('refuses a file that is not an image (nothing attached) and an unknown link', async () => {
    const ctx = await makeCheckoutShop(db);
    const { placed } = await placeOneMolcajete(ctx, gateway);
    const storage = memoryStorage();
    const r = await uploadPaymentReceipt(ctx, placed.order.statusToken, {
      bytes: new TextEncoder().encode('<script>alert(1)</script>'),
      filename: 'recibo.jpg',
      storage,
    });
    expect(r).toMatchObject({ ok: false, reason: 'NOT_AN_IMAGE' });
    expect((await getOrder(ctx, placed.order.id)).payment!.receiptMediaId).toBeNull();
    await expect(
      uploadPaymentReceipt(ctx, 'x'.repeat(43), { bytes: await receiptPhoto(), storage }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
