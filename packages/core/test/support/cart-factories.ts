import { addToCart } from '../../src/carts/add-to-cart.js';
import type { CartPricer } from '../../src/carts/cart-pricer.js';
import type { ShopContext } from '../../src/tenancy/context.js';

/**
 * A pricer for cart tests: prices in `currency` as the base price (or the fixed
 * price for it) plus `markupMinor`, so expectations read as plain numbers.
 * Pages and the checkout use `loadPricer(ctx, currency)`.
 */
export function basePricer(currency: string, markupMinor = 0): CartPricer {
  return {
    currency,
    price: (v) => ({
      ok: true,
      amount: { amountMinor: (v.fixedPrices[currency] ?? v.priceMinor) + markupMinor, currency },
    }),
  };
}

/** Puts `quantity` of a variant in a new cart; returns the token and line id. */
export async function makeCart(
  ctx: ShopContext,
  variantId: string,
  quantity = 1,
  pricer: CartPricer = basePricer(ctx.shop.baseCurrency),
): Promise<{ token: string; lineId: string }> {
  const r = await addToCart(ctx, undefined, { variantId, quantity }, pricer);
  if (!r.ok) throw new Error(`makeCart: ${r.reason}`);
  return { token: r.token, lineId: r.lineId };
}
