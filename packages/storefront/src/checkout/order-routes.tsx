import {
  getOrderByStatusToken,
  getPaymentSettings,
  isAldeaError,
  pickLocalized,
  startOrderPayment,
  uploadPaymentReceipt,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.js';
import { noStore } from '../http/cache.js';
import { bodyLimitGuard } from '../http/guards.js';
import { paymentDeps } from './checkout-http.js';
import { type OrderNotice, OrderPage } from './pages/order-page.js';
import { checkoutUiFor } from './ui.js';

function noticeOf(c: Context<AppEnv>): OrderNotice {
  const q = c.req.query();
  if (q.from === 'checkout') return { kind: 'confirming' };
  if (q.notice === 'payError') return { kind: 'payError' };
  if (q.receipt === 'ok') return { kind: 'receiptDone' };
  if (q.receipt === 'bad') return { kind: 'receiptBad', reason: (q.reason ?? '').slice(0, 40) };
  return undefined;
}

/**
 * The buyer's order page behind its unguessable link, and its two actions:
 * pay now (card) and upload a receipt photo (manual methods). Coming back
 * from the card page never marks anything paid: the page says "payment being
 * confirmed" and refreshes itself until the signed webhook has done it.
 */
export function orderRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/orders/:token/*', csrf());

  app.get('/orders/:token', async (c) => {
    const ctx = c.get('shop');
    const order = await getOrderByStatusToken(ctx, c.req.param('token'));
    const ui = checkoutUiFor(c.get('prefs').locale, c.get('links'));
    let notice = noticeOf(c);
    if (notice?.kind === 'confirming' && order.status !== 'pending_payment') notice = undefined;
    if (notice?.kind === 'confirming') c.header('Refresh', '3');
    const settings =
      order.payment?.provider === 'manual' ? await getPaymentSettings(ctx) : undefined;
    const texts = settings?.instructions[order.paymentMethod as 'bank_transfer'];
    const instructions = texts
      ? (pickLocalized(texts, ui.locale, ctx.shop.defaultLocale)?.value ?? null)
      : null;
    const base = `/orders/${c.req.param('token')}`;
    noStore(c);
    return c.render(
      <OrderPage
        ui={ui}
        order={order}
        notice={notice}
        instructions={instructions}
        actions={{ pay: ui.links.shop(`${base}/pay`), receipt: ui.links.shop(`${base}/receipt`) }}
      />,
      {
        title: ui.t('order.title', { number: order.number }),
        index: false,
        currency: order.currency,
        currencies: [order.currency],
      },
    );
  });

  app.post('/orders/:token/pay', bodyLimitGuard(4 * 1024), async (c) => {
    const ctx = c.get('shop');
    const token = c.req.param('token');
    const order = await getOrderByStatusToken(ctx, token);
    const page = c.get('links').shop(`/orders/${token}`);
    try {
      const next = await startOrderPayment(ctx, order.id, paymentDeps(c));
      if (next.kind === 'redirect') return c.redirect(next.url, 303);
    } catch (err) {
      if (!isAldeaError(err, 'PAYMENT_PROVIDER')) throw err;
      c.get('log').error('payment.start_failed', { orderId: order.id, error: err.message });
      return c.redirect(c.get('links').shop(`/orders/${token}`, { notice: 'payError' }), 303);
    }
    return c.redirect(page, 303);
  });

  app.post('/orders/:token/receipt', bodyLimitGuard(26 * 1024 * 1024), async (c) => {
    const ctx = c.get('shop');
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const file = body.receipt;
    const back = (params: Record<string, string>) =>
      c.get('links').shop(`/orders/${token}`, params);
    if (!(file instanceof File) || file.size === 0)
      return c.redirect(back({ receipt: 'bad', reason: 'EMPTY' }), 303);
    const result = await uploadPaymentReceipt(ctx, token, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name,
      storage: c.get('deps').storage,
    });
    if (!result.ok) {
      c.get('log').info('receipt.refused', { reason: result.reason });
      return c.redirect(back({ receipt: 'bad', reason: result.reason }), 303);
    }
    return c.redirect(back({ receipt: 'ok' }), 303);
  });

  return app;
}
