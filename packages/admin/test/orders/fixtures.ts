/**
 * Orders for the admin's tests, placed the way a buyer places them: through
 * core's public checkout (start, contact, shipping rate, payment method,
 * review, place). Nothing here writes rows by hand.
 */
import { randomBytes } from 'node:crypto';
import {
  choosePaymentMethod,
  chooseShippingRate,
  createProduct,
  createShippingRate,
  createShippingZone,
  listShippingOptions,
  listShippingZones,
  loadPricer,
  manualProvider,
  type PaymentGateway,
  type PlacedOrder,
  type ProductDetail,
  pauseProduct,
  placeOrder,
  publishProduct,
  reviewCheckout,
  type ShopContext,
  setCheckoutContact,
  setManualRate,
  startCheckout,
} from '@aldea/core';

export const MANUAL_ONLY: PaymentGateway = { manual: manualProvider };

/** A buyer in Belgium: international, pays in EUR. */
export const BELGIAN_BUYER = {
  email: 'ana@example.be',
  name: 'Ana Peeters',
  line1: 'Rue Haute 12',
  city: 'Bruxelles',
  postalCode: '1000',
  country: 'BE',
};

/** One worldwide zone with one rate, so any address can order (once per shop). */
export async function shipEverywhere(
  ctx: ShopContext,
): Promise<{ zoneId: string; rateId: string }> {
  const existing = (await listShippingZones(ctx)).find((z) => z.countries.includes('*'));
  if (existing?.rates[0]) return { zoneId: existing.id, rateId: existing.rates[0].id };
  const zone = await createShippingZone(ctx, { name: 'World', countries: ['*'] });
  const rate = await createShippingRate(ctx, {
    zoneId: zone.id,
    name: { en: 'Parcel', 'zh-CN': '包裹', 'es-MX': 'Paquete' },
    amountMinor: 5000,
    deliveryDaysMin: 5,
    deliveryDaysMax: 12,
  });
  return { zoneId: zone.id, rateId: rate.id };
}

/** Places an order of `quantity` × the variant, in USD by bank transfer unless told otherwise. */
export async function placeTestOrder(
  ctx: ShopContext,
  opts: {
    variantId: string;
    quantity?: number;
    currency?: string;
    method?: string;
    gateway?: PaymentGateway;
    address?: Record<string, string>;
  },
): Promise<PlacedOrder> {
  await shipEverywhere(ctx);
  const gateway = opts.gateway ?? MANUAL_ONLY;
  // Converted by default: an order in the shop's own currency trips a core bug
  // (a null `fx_as_of` through the prepared insert; reported to the lead).
  const currency = opts.currency ?? 'USD';
  const pricer = await loadPricer(ctx, currency);
  const checkout = await startCheckout(ctx, {
    lines: [{ variantId: opts.variantId, quantity: opts.quantity ?? 1 }],
    currency,
    locale: 'en',
  });
  await setCheckoutContact(ctx, checkout.token, opts.address ?? BELGIAN_BUYER);
  const choices = await listShippingOptions(ctx, checkout.token, { pricer });
  const rate = choices.options.find((o) => o.amount);
  if (!rate) throw new Error('no shipping option');
  await chooseShippingRate(ctx, checkout.token, { rateId: rate.rateId }, { pricer });
  await choosePaymentMethod(
    ctx,
    checkout.token,
    { method: opts.method ?? 'bank_transfer' },
    { gateway },
  );
  const reviewed = await reviewCheckout(ctx, checkout.token, { pricer, gateway });
  if (!reviewed.ok) throw new Error(`review failed: ${JSON.stringify(reviewed)}`);
  const placed = await placeOrder(
    ctx,
    checkout.token,
    {
      quoteId: reviewed.review.quoteId,
      totalMinor: reviewed.review.totals.totalMinor,
      currency: reviewed.review.totals.currency,
    },
    { gateway, links: { publicUrl: 'https://aldea.test' } },
  );
  if (!placed.ok) throw new Error(`not placed: ${JSON.stringify(placed)}`);
  return placed.order;
}

/**
 * What the shared test world gives each shop for the order, shipping and
 * payment routes: a worldwide zone with a rate, and one bank-transfer order of
 * the shop's product. Only published products sell, so the product is
 * published for the order and then paused (it stays off the storefront, as a
 * draft would, and the other tests' publish/pause/archive steps still apply).
 */
export async function addOrderFixtures(
  ctx: ShopContext,
  product: { id: string; variants: { id: string }[] },
): Promise<{ orderId: string; zoneId: string; rateId: string }> {
  const { zoneId, rateId } = await shipEverywhere(ctx);
  await setManualRate(ctx, { base: ctx.shop.baseCurrency, quote: 'USD', rate: '0.14' });
  await publishProduct(ctx, product.id);
  const order = await placeTestOrder(ctx, { variantId: product.variants[0]!.id });
  await pauseProduct(ctx, product.id);
  return { orderId: order.id, zoneId, rateId };
}

/** A published product of the shop with plenty of stock: 88.00 in the shop's currency, 500 g. */
export function sellableProduct(ctx: ShopContext, stockOnHand = 100): Promise<ProductDetail> {
  const suffix = randomBytes(3).toString('hex');
  return createProduct(ctx, {
    status: 'active',
    texts: { en: { title: `Hickory nuts gift bag ${suffix}` } },
    variants: [{ sku: `GIFT-${suffix}`, price: '88', stockOnHand, weightGrams: 500 }],
  });
}
