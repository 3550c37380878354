import {
  type CheckoutStep,
  type CheckoutView,
  choosePaymentMethod,
  chooseShippingRate,
  getCheckout,
  isAldeaError,
  listPaymentOptions,
  listShippingOptions,
  loadPricer,
  placeOrder,
  removeCartLine,
  reviewCheckout,
  setCheckoutContact,
  startCheckout,
  syncCheckout,
  viewCart,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.js';
import { noStore } from '../http/cache.js';
import { formFields } from '../http/form-fields.js';
import { bodyLimitGuard } from '../http/guards.js';
import { cartToken } from '../routes/shop-data.js';
import {
  checkoutToken,
  clearCheckoutToken,
  keepCheckoutToken,
  paymentDeps,
} from './checkout-http.js';
import { ContactPage } from './pages/contact-page.js';
import { PaymentPage } from './pages/payment-page.js';
import { type ReviewNotice, ReviewPage } from './pages/review-page.js';
import { ShippingPage } from './pages/shipping-page.js';
import { checkoutUiFor } from './ui.js';

const STEP_ORDER: CheckoutStep[] = ['contact', 'shipping', 'payment', 'review'];
const CONTACT_FIELDS = [
  'email',
  'name',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
  'phone',
];

function uiOf(c: Context<AppEnv>) {
  return checkoutUiFor(c.get('prefs').locale, c.get('links'));
}

function render(c: Context<AppEnv>, page: unknown, status: 200 | 400 = 200) {
  const ui = uiOf(c);
  noStore(c);
  c.status(status);
  return c.render(page as string, {
    title: ui.t('checkout.title'),
    index: false,
    currency: c.get('currency'),
    currencies: c.get('shop').shop.buyerCurrencies,
    crumbs: [
      { label: ui.t('checkout.cart'), href: ui.links.shop('/cart') },
      { label: ui.t('checkout.title') },
    ],
  });
}

/** The buyer's checkout, or a redirect to start it again (no cookie, placed, or another currency). */
async function currentCheckout(c: Context<AppEnv>): Promise<CheckoutView | Response> {
  const token = checkoutToken(c);
  const restart = c.redirect(c.get('links').shop('/checkout'), 303);
  if (!token) return restart;
  try {
    const checkout = await getCheckout(c.get('shop'), token);
    if (checkout.orderId || checkout.currency !== c.get('currency')) return restart;
    return checkout;
  } catch (err) {
    if (isAldeaError(err, 'NOT_FOUND')) return restart;
    throw err;
  }
}

/** Sends the buyer to the first step not done yet when they ask for a later one. */
function guard(
  c: Context<AppEnv>,
  checkout: CheckoutView,
  step: CheckoutStep,
): Response | undefined {
  if (STEP_ORDER.indexOf(checkout.step) < STEP_ORDER.indexOf(step)) {
    return c.redirect(c.get('links').shop(`/checkout/${checkout.step}`), 303);
  }
  return undefined;
}

/**
 * The checkout, one step per page, every one a plain form that works without
 * JavaScript (post/redirect/get): address → shipping → payment → review →
 * place. Everything beyond parsing and rendering happens in core.
 */
export function checkoutRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/checkout/*', csrf(), bodyLimitGuard(16 * 1024));

  // Start (or bring up to date with the cart) and go to the next step.
  app.get('/checkout', async (c) => {
    const ctx = c.get('shop');
    const links = c.get('links');
    const currency = c.get('currency');
    const cart = await viewCart(ctx, cartToken(c), await loadPricer(ctx, currency));
    const lines = cart.lines
      .filter((l) => !l.unavailable && !l.unpriced)
      .map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
    if (lines.length === 0) return c.redirect(links.shop('/cart'), 303);
    const input = { lines, currency, locale: c.get('prefs').locale };
    let checkout: CheckoutView | undefined;
    const token = checkoutToken(c);
    if (token) {
      try {
        checkout = await syncCheckout(ctx, token, input);
        if (checkout.orderId) checkout = undefined;
      } catch (err) {
        if (!isAldeaError(err, 'NOT_FOUND')) throw err;
      }
    }
    checkout ??= await startCheckout(ctx, input);
    keepCheckoutToken(c, checkout.token);
    return c.redirect(links.shop(`/checkout/${checkout.step}`), 303);
  });

  app.get('/checkout/contact', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const values: Record<string, string> = checkout.address
      ? { email: checkout.email ?? '', ...checkout.address }
      : {};
    return render(c, <ContactPage ui={uiOf(c)} form={{ values, errors: {} }} />);
  });

  app.post('/checkout/contact', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const values = await formFields(c, CONTACT_FIELDS);
    try {
      await setCheckoutContact(c.get('shop'), checkout.token, values);
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      const errors = Object.fromEntries(err.issues.map((i) => [i.path, i.message]));
      return render(c, <ContactPage ui={uiOf(c)} form={{ values, errors }} />, 400);
    }
    return c.redirect(c.get('links').shop('/checkout/shipping'), 303);
  });

  app.get('/checkout/shipping', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const early = guard(c, checkout, 'shipping');
    if (early) return early;
    const ctx = c.get('shop');
    const pricer = await loadPricer(ctx, checkout.currency);
    const choices = await listShippingOptions(ctx, checkout.token, { pricer });
    return render(
      c,
      <ShippingPage
        ui={uiOf(c)}
        choices={choices}
        chosen={checkout.shippingRateId}
        currency={checkout.currency}
      />,
    );
  });

  app.post('/checkout/shipping', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const ctx = c.get('shop');
    const { rateId } = await formFields(c, ['rateId']);
    const pricer = await loadPricer(ctx, checkout.currency);
    try {
      await chooseShippingRate(ctx, checkout.token, { rateId: rateId ?? '' }, { pricer });
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      const choices = await listShippingOptions(ctx, checkout.token, { pricer });
      const page = (
        <ShippingPage
          ui={uiOf(c)}
          choices={choices}
          chosen={null}
          currency={checkout.currency}
          error={err.issues[0]?.message}
        />
      );
      return render(c, page, 400);
    }
    return c.redirect(c.get('links').shop('/checkout/payment'), 303);
  });

  app.get('/checkout/payment', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const early = guard(c, checkout, 'payment');
    if (early) return early;
    const choices = await listPaymentOptions(c.get('shop'), checkout.token, paymentDeps(c));
    return render(
      c,
      <PaymentPage ui={uiOf(c)} choices={choices} chosen={checkout.paymentMethod} />,
    );
  });

  app.post('/checkout/payment', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const ctx = c.get('shop');
    const { method } = await formFields(c, ['method']);
    try {
      await choosePaymentMethod(ctx, checkout.token, { method: method ?? '' }, paymentDeps(c));
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      const choices = await listPaymentOptions(ctx, checkout.token, paymentDeps(c));
      return render(
        c,
        <PaymentPage ui={uiOf(c)} choices={choices} chosen={null} error={err.issues[0]?.message} />,
        400,
      );
    }
    return c.redirect(c.get('links').shop('/checkout/review'), 303);
  });

  app.get('/checkout/review', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const early = guard(c, checkout, 'review');
    if (early) return early;
    const ctx = c.get('shop');
    const pricer = await loadPricer(ctx, checkout.currency);
    const result = await reviewCheckout(ctx, checkout.token, { pricer, ...paymentDeps(c) });
    const links = c.get('links');
    if (!result.ok) {
      if (result.reason === 'INCOMPLETE')
        return c.redirect(links.shop(`/checkout/${result.step}`), 303);
      return c.redirect(links.shop('/cart'), 303);
    }
    const flag = c.req.query('notice');
    const notice: ReviewNotice = flag === 'expired' || flag === 'soldOut' ? flag : undefined;
    return render(c, <ReviewPage ui={uiOf(c)} review={result.review} notice={notice} />);
  });

  app.post('/checkout/place', async (c) => {
    const checkout = await currentCheckout(c);
    if (checkout instanceof Response) return checkout;
    const ctx = c.get('shop');
    const links = c.get('links');
    const form = await formFields(c, ['quoteId', 'totalMinor', 'currency']);
    const result = await placeOrder(
      ctx,
      checkout.token,
      {
        quoteId: form.quoteId ?? '',
        totalMinor: form.totalMinor ?? '',
        currency: form.currency ?? '',
      } as never,
      paymentDeps(c),
    );
    if (!result.ok) {
      c.get('log').info('checkout.refused', { reason: result.reason });
      if (result.reason === 'ALREADY_PLACED') {
        clearCheckoutToken(c);
        return c.redirect(result.statusPath ?? links.shop('/cart'), 303);
      }
      if (result.reason === 'INCOMPLETE')
        return c.redirect(links.shop(`/checkout/${result.step}`), 303);
      const notice = result.reason === 'QUOTE_EXPIRED' ? 'expired' : 'soldOut';
      return c.redirect(links.shop('/checkout/review', { notice }), 303);
    }
    // The order holds the goods now: take them out of the cart (if the buyer
    // still has one: without its cookie there is nothing to price or remove).
    const cartCookie = cartToken(c);
    if (cartCookie) {
      const cart = await viewCart(ctx, cartCookie, await loadPricer(ctx, checkout.currency));
      const bought = new Set(checkout.lines.map((l) => l.variantId));
      for (const line of cart.lines) {
        if (bought.has(line.variantId)) await removeCartLine(ctx, cartCookie, { lineId: line.id });
      }
    }
    clearCheckoutToken(c);
    c.get('log').info('checkout.placed', {
      orderId: result.order.id,
      method: result.order.paymentMethod,
    });
    if (result.next.kind === 'redirect') return c.redirect(result.next.url, 303);
    const params: Record<string, string> = result.paymentError ? { notice: 'payError' } : {};
    return c.redirect(links.shop(`/orders/${result.order.statusToken}`, params), 303);
  });

  return app;
}
