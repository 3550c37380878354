/**
 * Orders written straight to the tables, for report fixtures whose totals are
 * computed by hand (the checkout's own flow is tested in checkout/ and orders/).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { newId } from '../../ids.js';
import { orderLines, orders } from '../../schema/orders.js';
import { payments, refunds } from '../../schema/payments.js';

export interface TestOrder {
  currency: string;
  /** 1 unit of the shop currency = `fxRate` units of `currency`. */
  fxRate?: string;
  at: Date;
  paid?: boolean;
  shipped?: boolean;
  lines: { productId: string; quantity: number; unitMinor: number }[];
  refundMinor?: number;
}

let counter = 1000;

export async function insertOrder(
  db: Database,
  shop: { id: string; baseCurrency: string },
  o: TestOrder,
): Promise<string> {
  const id = newId('order', o.at.getTime());
  const total = o.lines.reduce((n, l) => n + l.quantity * l.unitMinor, 0);
  const paid = o.paid ?? true;
  const address = {
    name: 'Ana',
    line1: 'Rue 1',
    line2: '',
    city: 'Bruxelles',
    region: '',
    postalCode: '1000',
    country: 'BE',
    phone: '',
  };
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({
      shopId: shop.id,
      id,
      number: ++counter,
      status: o.shipped
        ? 'shipped'
        : paid
          ? o.refundMinor
            ? 'cancelled'
            : 'paid'
          : 'pending_payment',
      statusToken: randomBytes(16).toString('hex'),
      checkoutId: newId('checkout'),
      email: 'ana@example.be',
      locale: 'en',
      shippingAddress: address,
      country: 'BE',
      currency: o.currency,
      settlementCurrency: shop.baseCurrency,
      quoteId: newId('quote'),
      fxRate: o.fxRate ?? null,
      fxAsOf: o.fxRate ? o.at : null,
      subtotalMinor: total,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: total,
      weightGrams: 1000,
      shipping: {
        zoneId: 'z',
        rateId: 'r',
        name: 'Post',
        amountMinor: 0,
        free: true,
        deliveryDaysMin: 1,
        deliveryDaysMax: 2,
        taxRateBps: 0,
        taxInclusive: false,
      },
      shipBy: o.at,
      deliveryEarliest: o.at,
      deliveryLatest: o.at,
      paymentMethod: 'bank_transfer',
      paymentReference: `REF-${counter}`,
      reservedUntil: o.at,
      createdAt: o.at,
      updatedAt: o.at,
      paidAt: paid ? o.at : null,
      shippedAt: o.shipped ? o.at : null,
    });
    await tx.insert(orderLines).values(
      o.lines.map((l, position) => ({
        shopId: shop.id,
        id: newId('orderLine'),
        orderId: id,
        position,
        variantId: 'var_x',
        productId: l.productId,
        title: 'Item',
        sku: `SKU-${position}`,
        quantity: l.quantity,
        unitAmountMinor: l.unitMinor,
        currency: o.currency,
        lineTotalMinor: l.quantity * l.unitMinor,
        weightGrams: 100,
      })),
    );
    if (o.refundMinor) {
      const paymentId = newId('payment');
      await tx.insert(payments).values({
        shopId: shop.id,
        id: paymentId,
        orderId: id,
        provider: 'manual',
        method: 'bank_transfer',
        status: 'succeeded',
        amountMinor: total,
        currency: o.currency,
        capturedMinor: total,
        refundedMinor: o.refundMinor,
        createdAt: o.at,
        updatedAt: o.at,
      });
      await tx.insert(refunds).values({
        shopId: shop.id,
        id: newId('refund'),
        paymentId,
        orderId: id,
        amountMinor: o.refundMinor,
        currency: o.currency,
        status: 'succeeded',
        createdAt: o.at,
        updatedAt: o.at,
      });
    }
  });
  return id;
}
