import { and, asc, eq } from 'drizzle-orm';
import { findVariants } from '../catalog/find-variants.js';
import type { ImageView, VariantForCart } from '../catalog/views.js';
import { type Money, multiplyMoney, sumMoney } from '../money/money.js';
import { cartLines, carts } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import type { CartPricer } from './cart-pricer.js';
import { hashCartToken, isCartToken } from './cart-token.js';

/** One line of a cart as the cart page and checkout show it, priced now. */
export interface CartLineView {
  id: string;
  variantId: string;
  quantity: number;
  sku: string;
  /** "Grande / Natural", or `''` for a product without options. */
  variantLabel: string;
  /** The product, or null when the variant no longer exists. */
  product: VariantForCart['product'] | null;
  image: ImageView | null;
  weightGrams: number;
  /** The unit price now, in the cart's currency; null when it cannot be priced in it. */
  unitPrice: Money | null;
  /** `unitPrice × quantity`; null when there is no unit price. */
  lineTotal: Money | null;
  /** The unit price shown when the line was added or last changed (any currency). */
  seenUnitPrice: Money | null;
  /** Units that can still be bought. */
  available: number;
  /** Fewer units are left than the line holds. */
  outOfStock: boolean;
  /** Same currency as when added, different amount. */
  priceChanged: boolean;
  /** The variant was removed or its product is no longer on sale. */
  unavailable: boolean;
  /** The variant has no price in the cart's currency (never shown as 0). */
  unpriced: boolean;
  /** Can be bought as it stands: counted in the subtotal. */
  buyable: boolean;
}

/** A cart priced in one buyer currency. */
export interface CartView {
  /** Null when the token names no cart (nothing was ever added). */
  cartId: string | null;
  currency: string;
  lines: CartLineView[];
  /** Sum of the buyable lines, in `currency`. */
  subtotal: Money;
  /** Units over all lines. */
  itemCount: number;
  /** Every line is buyable. */
  complete: boolean;
}

function lineView(
  line: typeof cartLines.$inferSelect,
  variant: VariantForCart | undefined,
  pricer: CartPricer,
  shopLive: boolean,
): CartLineView {
  const seenUnitPrice =
    line.seenAmountMinor === null
      ? null
      : { amountMinor: line.seenAmountMinor, currency: line.seenCurrency };
  const unavailable = !variant || !shopLive || variant.product.status !== 'active';
  const priced = variant && !unavailable ? pricer.price(variant) : undefined;
  const unitPrice = priced?.ok
    ? { amountMinor: priced.amount.amountMinor, currency: priced.amount.currency }
    : null;
  // Reserved units have already left stock_on_hand (see schema/catalog.ts).
  const available = variant ? Math.max(0, variant.stockOnHand) : 0;
  const outOfStock = !unavailable && available < line.quantity;
  const unpriced = !unavailable && unitPrice === null;
  return {
    id: line.id,
    variantId: line.variantId,
    quantity: line.quantity,
    sku: variant?.sku ?? '',
    variantLabel: variant?.label ?? '',
    product: variant?.product ?? null,
    image: variant?.image ?? null,
    weightGrams: variant?.weightGrams ?? 0,
    unitPrice,
    lineTotal: unitPrice ? multiplyMoney(unitPrice, line.quantity) : null,
    seenUnitPrice,
    available,
    outOfStock,
    priceChanged:
      unitPrice !== null &&
      seenUnitPrice !== null &&
      seenUnitPrice.currency === unitPrice.currency &&
      seenUnitPrice.amountMinor !== unitPrice.amountMinor,
    unavailable,
    unpriced,
    buyable: !unavailable && !unpriced && !outOfStock,
  };
}

/**
 * The buyer's cart in the context's shop, priced now in the pricer's currency:
 * each line with its current unit price and total, and flags for what the
 * buyer must know — out of stock, price changed since added (same currency),
 * no longer available, not sold in this currency. The subtotal counts only
 * buyable lines. A missing, malformed or unknown token is an empty cart (nothing
 * is created). Reads: one statement for the lines plus the catalog's batched
 * variant read, whatever the number of lines.
 */
export async function viewCart(
  ctx: ShopContext,
  cartToken: string | undefined,
  pricer: CartPricer,
): Promise<CartView> {
  const empty: CartView = {
    cartId: null,
    currency: pricer.currency,
    lines: [],
    subtotal: { amountMinor: 0, currency: pricer.currency },
    itemCount: 0,
    complete: true,
  };
  if (!isCartToken(cartToken)) return empty;
  const rows = await ctx.db.read
    .select({ cartId: carts.id, line: cartLines })
    .from(carts)
    .leftJoin(cartLines, and(eq(cartLines.shopId, carts.shopId), eq(cartLines.cartId, carts.id)))
    .where(and(eq(carts.shopId, ctx.shop.id), eq(carts.tokenHash, hashCartToken(cartToken))))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  const cartId = rows[0]?.cartId;
  if (!cartId) return empty;
  const lines = rows.flatMap((r) => (r.line ? [r.line] : []));
  const variants =
    lines.length > 0
      ? await findVariants(
          ctx,
          lines.map((l) => l.variantId),
        )
      : [];
  const byId = new Map(variants.map((v) => [v.id, v]));
  const views = lines.map((l) =>
    lineView(l, byId.get(l.variantId), pricer, ctx.shop.status === 'live'),
  );
  return {
    cartId,
    currency: pricer.currency,
    lines: views,
    subtotal: sumMoney(
      views.flatMap((v) => (v.buyable && v.lineTotal ? [v.lineTotal] : [])),
      pricer.currency,
    ),
    itemCount: views.reduce((n, v) => n + v.quantity, 0),
    complete: views.every((v) => v.buyable),
  };
}
