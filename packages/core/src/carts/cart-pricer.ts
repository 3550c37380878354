/**
 * What carts need from a pricer (`loadPricer(ctx, currency)` in `pricing/`):
 * the buyer currency and a way to price one variant in it. Kept structural so
 * carts depend on the shape, not on how prices are resolved.
 */
export interface CartPricer {
  readonly currency: string;
  price(variant: {
    priceMinor: number;
    fixedPrices: Partial<Record<string, number>>;
  }):
    | { ok: true; amount: { amountMinor: number; currency: string } }
    | { ok: false; reason: string };
}
