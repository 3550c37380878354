import {
  AldeaError,
  cancelOrder,
  confirmManualPayment,
  getOrder,
  isAldeaError,
  listOrders,
  listOrdersToHandle,
  markOrderDelivered,
  type OrderView,
  refundOrder,
  shipOrder,
  type Translate,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { fieldErrors } from '../http/field-errors.js';
import { readForm } from '../http/form.js';
import type { MessageKey } from '../messages/index.js';
import { requires } from '../middleware/requires.js';
import { renderPage } from '../ui/layout.js';
import { CancelConfirmPage, RefundConfirmPage } from './order-confirm-pages.js';
import { moneyText, orderFilterOf, refundableMinor } from './order-format.js';
import {
  CancelForm,
  RefundConfirmForm,
  readFormWith,
  readRefundAmount,
  ShipForm,
} from './order-forms.js';
import { OrderListPage } from './order-list-page.js';
import { orderFlash, shopTimeZone, showOrder } from './order-page.js';
import type { OrderForm } from './order-props.js';

type C = Context<AdminEnv>;

/** The order the URL names: another shop's (or no) order is a 404 before any form is read. */
function loadOrder(c: C): Promise<OrderView> {
  return getOrder(c.get('shop'), c.req.param('orderId') ?? '');
}

function backToOrder(c: C, orderId: string, flash: MessageKey) {
  const url = c.get('links').shop(c.get('shop').shop.id, `/orders/${orderId}`);
  return c.redirect(`${url}?ok=${flash}`, 303);
}

/** Core's refusals as one sentence for the top of the page. */
function conflictNotice(t: Translate<MessageKey>, err: AldeaError, order: OrderView): string {
  const code = err.issues[0]?.code;
  if (code === 'illegal_transition') {
    return t('orders.error.changed', { status: t(`orders.status.${order.status}`) });
  }
  if (code === 'payment_processing') return t('orders.error.processing');
  if (code === 'not_manual') return t('orders.error.notManual');
  if (code === 'not_captured') return t('orders.refund.nothing');
  return t('error.409');
}

/**
 * A refused command: the order page again, as it is now, with the form's input
 * and errors (VALIDATION, 400) or a sentence saying what changed (CONFLICT, 409).
 * Anything else goes to the admin's one error handler.
 */
async function refused(
  c: C,
  orderId: string,
  form: OrderForm,
  values: Record<string, string>,
  err: unknown,
) {
  if (!isAldeaError(err, 'VALIDATION') && !isAldeaError(err, 'CONFLICT')) throw err;
  const t = c.get('t');
  const order = await getOrder(c.get('shop'), orderId);
  // Core names its own fields; the forms' are `amount` (refund) and `cancelReason`.
  const issues =
    form === 'cancel'
      ? err.issues.map((i) => (i.path === 'reason' ? { ...i, path: 'cancelReason' } : i))
      : err.issues;
  const { amountMinor: coreAmount, ...errors } = fieldErrors(t, issues);
  const tooBig = err.issues.some((i) => i.path === 'amountMinor' && i.code === 'too_big');
  if (tooBig && order.payment) {
    const max = moneyText(c.get('locale'), refundableMinor(order), order.payment.currency);
    errors.amount = t('orders.refund.tooMuch', { max });
  } else if (coreAmount) {
    errors.amount = coreAmount;
  }
  const conflict = err.code === 'CONFLICT';
  return showOrder(c, order, {
    form,
    values,
    errors: conflict ? {} : errors,
    ...(conflict ? { notice: conflictNotice(t, err, order) } : {}),
    status: conflict ? 409 : 400,
  });
}

function invalid(issues: AldeaError['issues']): AldeaError {
  return new AldeaError('VALIDATION', 'invalid form', issues);
}

/**
 * The seller's orders: the list ("what to do next" first), one order, and what
 * they do with it — confirm a manual payment, ship, mark delivered, cancel
 * (restocks) and refund, the last two behind a confirmation step. Each route
 * declares its action; core checks it again and audits every money move.
 */
export function orderRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', requires('shop.read'), async (c) => {
    const shop = c.get('shop');
    const status = orderFilterOf(c.req.query('status'));
    const cursor = c.req.query('cursor');
    const [todo, page, timeZone] = await Promise.all([
      listOrdersToHandle(shop, { limit: 10 }),
      listOrders(shop, {
        limit: 25,
        ...(status ? { status } : {}),
        ...(cursor && /^\d{1,12}$/.test(cursor) ? { cursor } : {}),
      }),
      shopTimeZone(c),
    ]);
    const list = c.get('links').shop(shop.shop.id, '/orders');
    const next = page.nextCursor
      ? `${list}?${status ? `status=${status}&` : ''}cursor=${page.nextCursor}#all`
      : null;
    const t = c.get('t');
    return renderPage(
      c,
      <OrderListPage
        t={t}
        links={c.get('links')}
        locale={c.get('locale')}
        shopId={shop.shop.id}
        timeZone={timeZone}
        todo={todo}
        items={page.items}
        status={status}
        nextHref={next}
      />,
      { title: t('orders.title'), nav: 'shop', flash: orderFlash(c) },
    );
  });

  app.get('/:orderId', requires('shop.read'), async (c) => showOrder(c, await loadOrder(c)));

  app.post('/:orderId/confirm-payment', requires('orders.manage'), async (c) => {
    const order = await loadOrder(c);
    try {
      const { outcome } = await confirmManualPayment(c.get('shop'), order.id);
      const flash: MessageKey =
        outcome === 'revived'
          ? 'orders.flash.revived'
          : outcome === 'needs_refund'
            ? 'orders.flash.needsRefund'
            : 'orders.flash.confirmed';
      return backToOrder(c, order.id, flash);
    } catch (err) {
      return refused(c, order.id, 'confirm', {}, err);
    }
  });

  app.post('/:orderId/ship', requires('orders.manage'), async (c) => {
    const order = await loadOrder(c);
    const { fields } = await readForm(c);
    try {
      const form = readFormWith(ShipForm, fields);
      if (!form.ok) throw invalid(form.issues);
      await shipOrder(c.get('shop'), order.id, form.data);
      return backToOrder(c, order.id, 'orders.flash.shipped');
    } catch (err) {
      return refused(c, order.id, 'ship', fields, err);
    }
  });

  app.post('/:orderId/deliver', requires('orders.manage'), async (c) => {
    const order = await loadOrder(c);
    try {
      await markOrderDelivered(c.get('shop'), order.id);
      return backToOrder(c, order.id, 'orders.flash.delivered');
    } catch (err) {
      return refused(c, order.id, 'deliver', {}, err);
    }
  });

  app.post('/:orderId/cancel', requires('orders.manage'), async (c) => {
    const order = await loadOrder(c);
    const { fields } = await readForm(c);
    try {
      const form = readFormWith(CancelForm, fields);
      if (!form.ok) throw invalid(form.issues);
      if (fields.step !== 'confirm') {
        return renderPage(
          c,
          <CancelConfirmPage
            t={c.get('t')}
            locale={c.get('locale')}
            links={c.get('links')}
            csrf={c.get('csrfToken')}
            shop={c.get('shop')}
            order={order}
            reason={form.data.cancelReason}
          />,
          { title: c.get('t')('orders.cancel.title'), nav: 'shop' },
        );
      }
      await cancelOrder(
        c.get('shop'),
        order.id,
        { reason: form.data.cancelReason },
        { gateway: c.get('deps').payments },
      );
      return backToOrder(c, order.id, 'orders.flash.cancelled');
    } catch (err) {
      return refused(c, order.id, 'cancel', fields, err);
    }
  });

  app.post('/:orderId/refund', requires('orders.refund'), async (c) => {
    const order = await loadOrder(c);
    const { fields } = await readForm(c);
    const left = refundableMinor(order);
    try {
      if (left <= 0 || !order.payment) {
        throw new AldeaError('CONFLICT', 'nothing to refund', [
          { path: 'amount', message: 'nothing captured', code: 'not_captured' },
        ]);
      }
      if (fields.step !== 'confirm') {
        const amount = readRefundAmount(fields.amount, {
          currency: order.payment.currency,
          locale: c.get('locale'),
          left,
        });
        const reason = readFormWith(RefundConfirmForm.pick({ reason: true }), fields);
        const issues = [...(amount.ok ? [] : amount.issues), ...(reason.ok ? [] : reason.issues)];
        if (issues.some((i) => i.code === 'refund_too_big')) {
          throw new AldeaError('VALIDATION', 'too much', [
            { path: 'amountMinor', message: 'too much', code: 'too_big' },
          ]);
        }
        if (!amount.ok || !reason.ok) throw invalid(issues);
        return renderPage(
          c,
          <RefundConfirmPage
            t={c.get('t')}
            locale={c.get('locale')}
            links={c.get('links')}
            csrf={c.get('csrfToken')}
            shop={c.get('shop')}
            order={order}
            amountMinor={amount.data.amountMinor}
            typed={fields.amount ?? ''}
            reason={reason.data.reason}
          />,
          { title: c.get('t')('orders.refund.title'), nav: 'shop' },
        );
      }
      const form = readFormWith(RefundConfirmForm, fields);
      if (!form.ok) throw invalid(form.issues);
      await refundOrder(c.get('shop'), order.id, form.data, { gateway: c.get('deps').payments });
      return backToOrder(c, order.id, 'orders.flash.refunded');
    } catch (err) {
      return refused(c, order.id, 'refund', fields, err);
    }
  });

  return app;
}
