import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { basePricer, makeCart } from '../../test/support/cart-factories.js';
import { makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { cartLines } from '../schema/carts.js';
import type { ShopContext } from '../tenancy/context.js';
import { addToCart } from './add-to-cart.js';
import { newCartToken } from './cart-token.js';
import { countCartItems } from './count-cart-items.js';
import { getOrCreateCart } from './get-or-create-cart.js';
import { removeCartLine } from './remove-cart-line.js';
import { updateCartLine } from './update-cart-line.js';

async function lineOf(ctx: ShopContext, lineId: string) {
  const [row] = await ctx.db.read
    .select()
    .from(cartLines)
    .where(and(eq(cartLines.shopId, ctx.shop.id), eq(cartLines.id, lineId)));
  return row;
}

async function setup(stock = 10) {
  const db = await makeTestDb();
  const ctx = await makeShop(db);
  const product = await makeProduct(ctx, {
    variants: [{ sku: 'NUTS-500', priceMinor: 8800, stockOnHand: stock, weightGrams: 500 }],
  });
  const variantId = product.variants[0]!.id;
  const cart = await makeCart(ctx, variantId, 1);
  return { db, ctx, variantId, ...cart };
}

const codeOf = (e: unknown) => (isAldeaError(e) ? e.code : e);

describe('updateCartLine', () => {
  it('sets the quantity and records the price seen now', async () => {
    const { ctx, token, lineId } = await setup();
    const r = await updateCartLine(ctx, token, { lineId, quantity: 4 }, basePricer('CNY', 50));
    expect(r).toEqual({ ok: true, lineId, quantity: 4 });
    expect(await lineOf(ctx, lineId)).toMatchObject({ quantity: 4, seenAmountMinor: 8850 });
    expect(await countCartItems(ctx, token)).toBe(4);
  });

  it.each([0, -1, 1e9, 2.5])(
    'refuses quantity %s naming the field and changes nothing',
    async (quantity) => {
      const { ctx, token, lineId } = await setup();
      const err = await updateCartLine(ctx, token, { lineId, quantity }, basePricer('CNY')).catch(
        (e: unknown) => e,
      );
      expect(isAldeaError(err, 'VALIDATION')).toBe(true);
      expect((err as { issues: { path: string }[] }).issues[0]?.path).toBe('quantity');
      expect((await lineOf(ctx, lineId))?.quantity).toBe(1);
    },
  );

  it('returns OUT_OF_STOCK when asking for more than is left, and changes nothing', async () => {
    const { ctx, token, lineId } = await setup(3);
    expect(await updateCartLine(ctx, token, { lineId, quantity: 5 }, basePricer('CNY'))).toEqual({
      ok: false,
      reason: 'OUT_OF_STOCK',
      available: 3,
    });
    expect((await lineOf(ctx, lineId))?.quantity).toBe(1);
  });

  it('gives NOT_FOUND for a line of another buyer’s cart, an unknown token or no token', async () => {
    const { ctx, variantId, lineId } = await setup();
    const other = await makeCart(ctx, variantId, 1);
    for (const token of [other.token, newCartToken(), undefined, 'garbage']) {
      const err = await updateCartLine(
        ctx,
        token,
        { lineId, quantity: 2 },
        basePricer('CNY'),
      ).catch((e: unknown) => e);
      expect(codeOf(err)).toBe('NOT_FOUND');
    }
    expect((await lineOf(ctx, lineId))?.quantity).toBe(1);
  });
});

describe('removeCartLine', () => {
  it('takes the line out; a second time is NOT_FOUND', async () => {
    const { ctx, token, lineId } = await setup();
    await removeCartLine(ctx, token, { lineId });
    expect(await lineOf(ctx, lineId)).toBeUndefined();
    expect(await countCartItems(ctx, token)).toBe(0);
    expect(codeOf(await removeCartLine(ctx, token, { lineId }).catch((e: unknown) => e))).toBe(
      'NOT_FOUND',
    );
  });

  it('will not remove another buyer’s line', async () => {
    const { ctx, variantId, lineId } = await setup();
    const other = await makeCart(ctx, variantId, 1);
    const err = await removeCartLine(ctx, other.token, { lineId }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('NOT_FOUND');
    expect(await lineOf(ctx, lineId)).toBeDefined();
  });
});

describe('shop B cannot see or change shop A’s cart', () => {
  it('the same token names no cart in another shop; its lines are NOT_FOUND there', async () => {
    const { db, ctx: shopA, token, lineId } = await setup();
    const shopB = await makeShop(db);
    expect(await countCartItems(shopB, token)).toBe(0);
    const upd = await updateCartLine(
      shopB,
      token,
      { lineId, quantity: 3 },
      basePricer('CNY'),
    ).catch((e: unknown) => e);
    expect(codeOf(upd)).toBe('NOT_FOUND');
    const rm = await removeCartLine(shopB, token, { lineId }).catch((e: unknown) => e);
    expect(codeOf(rm)).toBe('NOT_FOUND');
    expect((await lineOf(shopA, lineId))?.quantity).toBe(1);
    expect(await lineOf(shopB, lineId)).toBeUndefined();
  });

  it('a token of shop A’s cart opens nothing in shop B: adding there issues B’s own token', async () => {
    const { db, ctx: shopA, token } = await setup();
    const shopB = await makeShop(db);
    const variantOfB = (await makeProduct(shopB)).variants[0]!.id;
    const inB = await addToCart(
      shopB,
      token,
      { variantId: variantOfB, quantity: 2 },
      basePricer('CNY'),
    );
    if (!inB.ok) throw new Error('expected ok');
    expect(inB.token).not.toBe(token);
    expect(await countCartItems(shopA, token)).toBe(1);
    expect(await countCartItems(shopB, inB.token)).toBe(2);
    expect(await countCartItems(shopB, token)).toBe(0);
  });
});

describe('getOrCreateCart', () => {
  it('returns the cart of a known token and creates one (with a new token) otherwise', async () => {
    const { ctx, token } = await setup();
    const same = await getOrCreateCart(ctx, token);
    expect(same).toMatchObject({ token, created: false });
    const fresh = await getOrCreateCart(ctx, undefined);
    expect(fresh.created).toBe(true);
    expect(fresh.token).not.toBe(token);
    expect(fresh.cartId).not.toBe(same.cartId);
  });
});
