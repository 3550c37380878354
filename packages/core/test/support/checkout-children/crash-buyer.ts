/**
 * A buyer that never stops: runs the whole checkout (start, address, shipping,
 * payment, review, place) again and again, sometimes confirming or cancelling
 * the order, printing a line after each step. The crash test kills it with
 * SIGKILL at random points.
 *
 *   node crash-buyer.mjs <db file> <shop id> <variant ids, comma-separated>
 */
import { choosePaymentMethod } from '../../../src/checkout/payment-options.js';
import { placeOrder } from '../../../src/checkout/place-order.js';
import { reviewCheckout } from '../../../src/checkout/review-checkout.js';
import { setCheckoutContact } from '../../../src/checkout/set-contact.js';
import { chooseShippingRate, listShippingOptions } from '../../../src/checkout/shipping-options.js';
import { startCheckout } from '../../../src/checkout/start-checkout.js';
import { cancelOrder } from '../../../src/orders/cancel-order.js';
import { confirmManualPayment } from '../../../src/orders/confirm-manual-payment.js';
import { loadPricer } from '../../../src/pricing/load-pricer.js';
import { childShop } from './child-context.js';

const [file, shopId, ids] = process.argv.slice(2) as [string, string, string];
const variantIds = ids.split(',');
const { ctx, gateway, links } = await childShop(file, shopId);
const pricer = await loadPricer(ctx, 'EUR');
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const say = (s: string) => process.stdout.write(`${s}\n`);
say('ready');
for (;;) {
  const lines = [{ variantId: pick(variantIds), quantity: 1 + Math.floor(Math.random() * 2) }];
  const c = await startCheckout(ctx, { lines, currency: 'EUR', locale: 'en' });
  await setCheckoutContact(ctx, c.token, {
    email: 'crash@example.be',
    name: 'Crash Test',
    line1: 'Rue Haute 1',
    city: 'Bruxelles',
    postalCode: '1000',
    country: 'BE',
  });
  const options = await listShippingOptions(ctx, c.token, { pricer });
  await chooseShippingRate(ctx, c.token, { rateId: options.options[0]!.rateId }, { pricer });
  await choosePaymentMethod(ctx, c.token, { method: 'bank_transfer' }, { gateway });
  const r = await reviewCheckout(ctx, c.token, { pricer, gateway });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const placed = await placeOrder(
    ctx,
    c.token,
    { quoteId: r.review.quoteId, totalMinor: r.review.totals.totalMinor, currency: 'EUR' },
    { gateway, links },
  );
  say(placed.ok ? 'placed' : `refused ${placed.reason}`);
  if (!placed.ok) continue;
  const roll = Math.random();
  if (roll < 0.3) {
    await confirmManualPayment(ctx, placed.order.id);
    say('paid');
  } else if (roll < 0.45) {
    await cancelOrder(ctx, placed.order.id, { reason: 'crash test' }, { gateway });
    say('cancelled');
  }
}
