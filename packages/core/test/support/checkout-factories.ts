import type { ProductDetail } from '../../src/catalog/views.js';
import { choosePaymentMethod } from '../../src/checkout/payment-options.js';
import { placeOrder } from '../../src/checkout/place-order.js';
import { type CheckoutReview, reviewCheckout } from '../../src/checkout/review-checkout.js';
import { setCheckoutContact } from '../../src/checkout/set-contact.js';
import { chooseShippingRate, listShippingOptions } from '../../src/checkout/shipping-options.js';
import { startCheckout } from '../../src/checkout/start-checkout.js';
import type { Database } from '../../src/db/database.js';
import { setManualRate } from '../../src/fx/manual-rate.js';
import { manualProvider } from '../../src/payments/manual-provider.js';
import { setPaymentSettings } from '../../src/payments/payment-settings.js';
import type { PaymentGateway } from '../../src/payments/provider.js';
import { createStripeProvider } from '../../src/payments/stripe-provider.js';
import { loadPricer } from '../../src/pricing/load-pricer.js';
import { createShippingRate } from '../../src/shipping/shipping-rates.js';
import { createShippingZone } from '../../src/shipping/shipping-zones.js';
import type { Clock, ShopContext } from '../../src/tenancy/context.js';
import { makeProduct } from './catalog-factories.js';
import { makeShop, uniq } from './factories.js';
import type { FakeStripe } from './stripe-fake/server.js';

/** A payment gateway for tests: manual always, Stripe when a fake server is given. */
export function testGateway(fake?: FakeStripe): PaymentGateway {
  return {
    manual: manualProvider,
    ...(fake
      ? {
          card: createStripeProvider({
            secretKey: 'sk_test_aldea',
            webhookSecret: fake.webhookSecret,
            host: '127.0.0.1',
            port: fake.port,
            protocol: 'http',
            checkoutOrigin: fake.url,
            timeoutMs: 5_000,
          }),
        }
      : {}),
  };
}

export const TEST_LINKS = { publicUrl: 'https://aldea.test' };

/**
 * A Comonfort-like workshop: MXN base, selling in EUR/USD/JPY, shipping to
 * Mexico (IVA 16 % included) and to the world by weight band, cards and bank
 * transfer on offer.
 */
export async function makeCheckoutShop(
  db: Database,
  opts: { clock?: Clock } = {},
): Promise<ShopContext> {
  const ctx = await makeShop(
    db,
    {
      baseCurrency: 'MXN',
      buyerCurrencies: ['EUR', 'USD', 'JPY'],
      defaultLocale: 'es-MX',
      locales: ['en'],
      texts: { 'es-MX': { name: 'Taller Molcajete' }, en: { name: 'Molcajete Workshop' } },
    },
    opts.clock ? { clock: opts.clock } : {},
  );
  await setManualRate(ctx, { base: 'MXN', quote: 'EUR', rate: '0.05' });
  await setManualRate(ctx, { base: 'MXN', quote: 'USD', rate: '0.055' });
  await setManualRate(ctx, { base: 'MXN', quote: 'JPY', rate: '8.2' });
  const mx = await createShippingZone(ctx, {
    name: 'México',
    countries: ['MX'],
    taxRateBps: 1600,
    taxInclusive: true,
  });
  await createShippingRate(ctx, {
    zoneId: mx.id,
    name: { 'es-MX': 'Estafeta', en: 'Estafeta' },
    amountMinor: 15000,
    freeOverMinor: 300000,
    deliveryDaysMin: 2,
    deliveryDaysMax: 5,
  });
  const world = await createShippingZone(ctx, { name: 'World', countries: ['*'] });
  await createShippingRate(ctx, {
    zoneId: world.id,
    name: { en: 'Parcel up to 2 kg', 'es-MX': 'Paquete hasta 2 kg' },
    maxWeightGrams: 2000,
    amountMinor: 40000,
    deliveryDaysMin: 6,
    deliveryDaysMax: 12,
  });
  await createShippingRate(ctx, {
    zoneId: world.id,
    name: { en: 'Heavy parcel', 'es-MX': 'Paquete pesado' },
    minWeightGrams: 2000,
    amountMinor: 90000,
    deliveryDaysMin: 8,
    deliveryDaysMax: 15,
  });
  await setPaymentSettings(ctx, {
    manualMethods: ['bank_transfer', 'pay_at_coop'],
    instructions: { bank_transfer: { en: 'CLABE 0123 4567 8901 2345 67, Banorte' } },
  });
  return ctx;
}

/** A molcajete of the shop: 1,200.00 MXN, 4 kg, `stock` on hand. */
export function makeMolcajete(ctx: ShopContext, stock = 7): Promise<ProductDetail> {
  const u = uniq();
  return makeProduct(ctx, {
    texts: { en: { title: `Molcajete ${u}` }, 'es-MX': { title: `Molcajete ${u}` } },
    variants: [
      {
        sku: `MOL-${u}`,
        priceMinor: 120000,
        stockOnHand: stock,
        weightGrams: 4000,
        madeToOrder: false,
        processingDaysMax: 0,
      },
    ],
  });
}

/** A buyer's address in Belgium (EUR, international). */
export const BELGIAN_BUYER = {
  email: 'ana@example.be',
  name: 'Ana Peeters',
  line1: 'Rue Haute 12',
  city: 'Bruxelles',
  postalCode: '1000',
  country: 'BE',
};

/**
 * Runs the checkout steps up to the review: start, contact, first shipping
 * option, payment method. Returns the token and the review.
 */
export async function reviewedCheckout(
  ctx: ShopContext,
  opts: {
    gateway: PaymentGateway;
    lines: { variantId: string; quantity: number }[];
    currency?: string;
    method?: string;
    address?: Record<string, string>;
  },
): Promise<{ token: string; review: CheckoutReview }> {
  const currency = opts.currency ?? 'EUR';
  const pricer = await loadPricer(ctx, currency);
  const checkout = await startCheckout(ctx, { lines: opts.lines, currency, locale: 'en' });
  await setCheckoutContact(ctx, checkout.token, opts.address ?? BELGIAN_BUYER);
  const choices = await listShippingOptions(ctx, checkout.token, { pricer });
  const rate = choices.options.find((o) => o.amount);
  if (!rate) throw new Error('no shipping option');
  await chooseShippingRate(ctx, checkout.token, { rateId: rate.rateId }, { pricer });
  await choosePaymentMethod(
    ctx,
    checkout.token,
    { method: opts.method ?? 'bank_transfer' },
    { gateway: opts.gateway },
  );
  const r = await reviewCheckout(ctx, checkout.token, { pricer, gateway: opts.gateway });
  if (!r.ok) throw new Error(`review failed: ${JSON.stringify(r)}`);
  return { token: checkout.token, review: r.review };
}

/** Reviews and places an order in one go; throws unless it was placed. */
export async function placeTestOrder(
  ctx: ShopContext,
  opts: Parameters<typeof reviewedCheckout>[1],
) {
  const { token, review } = await reviewedCheckout(ctx, opts);
  const placed = await placeOrder(
    ctx,
    token,
    {
      quoteId: review.quoteId,
      totalMinor: review.totals.totalMinor,
      currency: review.totals.currency,
    },
    { gateway: opts.gateway, links: TEST_LINKS },
  );
  if (!placed.ok) throw new Error(`not placed: ${JSON.stringify(placed)}`);
  return { token, review, placed };
}

/** Places one molcajete (a fresh product with `stock`, bank transfer) and returns what was placed. */
export async function placeOneMolcajete(ctx: ShopContext, gateway: PaymentGateway, stock = 7) {
  const p = await makeMolcajete(ctx, stock);
  return placeTestOrder(ctx, { gateway, lines: [{ variantId: p.variants[0]!.id, quantity: 1 }] });
}
