import { and, eq, inArray } from 'drizzle-orm';
import { AldeaError, type FieldIssue } from '../errors.js';
import { isLocale } from '../i18n/locales.js';
import { newId, newSecretToken } from '../ids.js';
import { products, variants } from '../schema/catalog.js';
import { type CheckoutLineRef, checkouts } from '../schema/orders.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { type CheckoutView, loadCheckoutRow, toCheckoutView } from './checkout-view.js';
import { StartCheckoutInput } from './schemas.js';

function mergeLines(lines: readonly { variantId: string; quantity: number }[]): CheckoutLineRef[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  return [...merged].map(([variantId, quantity]) => ({ variantId, quantity }));
}

/**
 * Refuses lines whose variant is not a buyable variant of *this* shop (another
 * shop's id, an unpublished product), naming each line, and a currency the
 * shop does not offer. One statement.
 */
async function checkLines(ctx: ShopContext, lines: CheckoutLineRef[], currency: string) {
  if (ctx.shop.status !== 'live') throw new AldeaError('NOT_FOUND', 'shop not found');
  const offered = [ctx.shop.baseCurrency, ...ctx.shop.buyerCurrencies];
  if (!offered.includes(currency)) {
    throw new AldeaError('UNSUPPORTED_CURRENCY', `this shop does not sell in ${currency}`, [
      { path: 'currency', message: `not offered: choose ${offered.join(', ')}`, code: 'currency' },
    ]);
  }
  const found = await ctx.db.read
    .select({ id: variants.id })
    .from(variants)
    .innerJoin(
      products,
      and(eq(products.shopId, variants.shopId), eq(products.id, variants.productId)),
    )
    .where(
      and(
        eq(variants.shopId, ctx.shop.id),
        inArray(
          variants.id,
          lines.map((l) => l.variantId),
        ),
        eq(products.status, 'active'),
      ),
    );
  const ok = new Set(found.map((f) => f.id));
  const issues: FieldIssue[] = [];
  lines.forEach((l, i) => {
    if (l.quantity > 999) {
      issues.push({ path: `lines.${i}.quantity`, message: 'at most 999', code: 'too_big' });
    }
    if (!ok.has(l.variantId)) {
      issues.push({
        path: `lines.${i}.variantId`,
        message: 'this item is not sold in this shop',
        code: 'unknown_variant',
      });
    }
  });
  if (issues.length > 0) {
    throw new AldeaError(
      'VALIDATION',
      `invalid checkout lines — ${issues.map((i) => i.path).join(', ')}`,
      issues,
    );
  }
}

/**
 * Starts a checkout from the buyer's cart lines in a buyer currency. Returns
 * the checkout with its secret token (the browser keeps it in a cookie).
 * A foreign shop's variant, an unpublished product, a quantity of 0, −1 or
 * 10⁹, or a currency the shop does not offer is refused.
 */
export async function startCheckout(
  ctx: ShopContext,
  raw: StartCheckoutInput,
): Promise<CheckoutView> {
  const input = parseInput(StartCheckoutInput, raw);
  const lines = mergeLines(input.lines);
  await checkLines(ctx, lines, input.currency);
  const now = ctx.clock.now();
  const locale = input.locale ?? (isLocale(ctx.locale) ? ctx.locale : 'en');
  const [row] = await ctx.db.transaction((tx) =>
    tx
      .insert(checkouts)
      .values({
        shopId: ctx.shop.id,
        id: newId('checkout', now.getTime()),
        token: newSecretToken(),
        currency: input.currency,
        locale,
        lines,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  return toCheckoutView(row!);
}

/** The checkout behind a token, or NOT_FOUND (also for another shop's checkout). */
export async function getCheckout(ctx: ShopContext, token: string): Promise<CheckoutView> {
  return toCheckoutView(await loadCheckoutRow(ctx.db.read, ctx.shop.id, token));
}

/**
 * Brings a checkout in line with the cart again (the buyer changed it, or the
 * currency): when lines or currency differ, they are replaced and the review
 * (quote and shipping price) is dropped, so the buyer reviews again. Contact,
 * address and choices stay.
 */
export async function syncCheckout(
  ctx: ShopContext,
  token: string,
  raw: StartCheckoutInput,
): Promise<CheckoutView> {
  const input = parseInput(StartCheckoutInput, raw);
  const lines = mergeLines(input.lines);
  const row = await loadCheckoutRow(ctx.db.read, ctx.shop.id, token);
  const same =
    row.currency === input.currency &&
    row.lines.length === lines.length &&
    lines.every(
      (l, i) => row.lines[i]?.variantId === l.variantId && row.lines[i]?.quantity === l.quantity,
    );
  if (same || row.orderId) return toCheckoutView(row);
  await checkLines(ctx, lines, input.currency);
  const now = ctx.clock.now();
  const [updated] = await ctx.db.transaction((tx) =>
    tx
      .update(checkouts)
      .set({ lines, currency: input.currency, quoteId: null, shipping: null, updatedAt: now })
      .where(and(eq(checkouts.shopId, ctx.shop.id), eq(checkouts.id, row.id)))
      .returning(),
  );
  return toCheckoutView(updated!);
}
