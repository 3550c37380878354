import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { basePricer } from '../../test/support/cart-factories.js';
import { makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { isAldeaError } from '../errors.js';
import { cartLines, carts } from '../schema/carts.js';
import { variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { addToCart } from './add-to-cart.js';
import type { CartPricer } from './cart-pricer.js';
import { hashCartToken, newCartToken } from './cart-token.js';
import { countCartItems } from './count-cart-items.js';
import { MAX_CART_LINES } from './schemas.js';

async function rows(ctx: ShopContext) {
  const c = await ctx.db.read.select().from(carts).where(eq(carts.shopId, ctx.shop.id));
  const l = await ctx.db.read.select().from(cartLines).where(eq(cartLines.shopId, ctx.shop.id));
  return { carts: c, lines: l };
}

async function buyerShop() {
  const db = await makeTestDb();
  const ctx = await makeShop(db);
  return { db, ctx, pricer: basePricer(ctx.shop.baseCurrency) };
}

describe('addToCart', () => {
  it('counts units reserved by pending orders once: they already left stock_on_hand', async () => {
    const { ctx, pricer } = await buyerShop();
    const product = await makeProduct(ctx);
    const variantId = product.variants[0]!.id;
    // What a checkout reservation does: move 3 of 5 units from on hand to reserved.
    await ctx.db.transaction((tx) =>
      tx
        .update(variants)
        .set({ stockOnHand: 2, stockReserved: 3 })
        .where(and(eq(variants.shopId, ctx.shop.id), eq(variants.id, variantId))),
    );
    const two = await addToCart(ctx, undefined, { variantId, quantity: 2 }, pricer);
    expect(two.ok).toBe(true);
    const three = await addToCart(ctx, undefined, { variantId, quantity: 3 }, pricer);
    expect(three).toMatchObject({ ok: false, reason: 'OUT_OF_STOCK', available: 2 });
  });

  it('creates a cart with a fresh token, stores only its hash, and records the price seen', async () => {
    const { ctx, pricer } = await buyerShop();
    const product = await makeProduct(ctx);
    const variantId = product.variants[0]!.id;
    const r = await addToCart(ctx, undefined, { variantId, quantity: 2 }, pricer);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.quantity).toBe(2);
    const stored = await rows(ctx);
    expect(stored.carts).toHaveLength(1);
    expect(stored.carts[0]!.tokenHash).toBe(hashCartToken(r.token));
    expect(JSON.stringify(stored)).not.toContain(r.token);
    expect(stored.lines[0]).toMatchObject({
      variantId,
      quantity: 2,
      seenAmountMinor: 8800,
      seenCurrency: 'CNY',
    });
    expect(await countCartItems(ctx, r.token)).toBe(2);
  });

  it('raises the quantity of a line already in the cart and keeps the same token', async () => {
    const { ctx, pricer } = await buyerShop();
    const product = await makeProduct(ctx);
    const variantId = product.variants[0]!.id;
    const first = await addToCart(ctx, undefined, { variantId, quantity: 1 }, pricer);
    if (!first.ok) throw new Error('expected ok');
    const again = await addToCart(
      ctx,
      first.token,
      { variantId, quantity: 3 },
      basePricer('CNY', 100),
    );
    expect(again).toMatchObject({
      ok: true,
      token: first.token,
      lineId: first.lineId,
      quantity: 4,
    });
    const { lines } = await rows(ctx);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.seenAmountMinor).toBe(8900);
  });

  it('never adopts a token it did not issue: unknown or malformed tokens get a new cart', async () => {
    const { ctx, pricer } = await buyerShop();
    const variantId = (await makeProduct(ctx)).variants[0]!.id;
    const made = newCartToken();
    for (const token of [made, 'short', '../../etc/passwd', 'x'.repeat(5000)]) {
      const r = await addToCart(ctx, token, { variantId, quantity: 1 }, pricer);
      if (!r.ok) throw new Error('expected ok');
      expect(r.token).not.toBe(token);
    }
    expect((await rows(ctx)).carts).toHaveLength(4);
  });

  it.each([0, -1, 1e9, 1.5, Number.NaN, 1000])(
    'refuses quantity %s naming the field, writing nothing',
    async (quantity) => {
      const { ctx, pricer } = await buyerShop();
      const variantId = (await makeProduct(ctx)).variants[0]!.id;
      const err = await addToCart(ctx, undefined, { variantId, quantity }, pricer).catch(
        (e: unknown) => e,
      );
      expect(isAldeaError(err, 'VALIDATION')).toBe(true);
      expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
        'quantity',
      );
      expect(await rows(ctx)).toEqual({ carts: [], lines: [] });
    },
  );

  it('refuses a line that would hold more than 999', async () => {
    const { ctx, pricer } = await buyerShop();
    const variantId = (
      await makeProduct(ctx, {
        variants: [{ sku: 'BIG', priceMinor: 100, stockOnHand: 5000, weightGrams: 1 }],
      })
    ).variants[0]!.id;
    const r = await addToCart(ctx, undefined, { variantId, quantity: 999 }, pricer);
    if (!r.ok) throw new Error('expected ok');
    const err = await addToCart(ctx, r.token, { variantId, quantity: 1 }, pricer).catch(
      (e: unknown) => e,
    );
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    expect((await rows(ctx)).lines[0]!.quantity).toBe(999);
  });

  it('gives NOT_FOUND for another shop’s variant and writes nothing in either shop', async () => {
    const { db, ctx: shopA, pricer } = await buyerShop();
    const shopB = await makeShop(db);
    const variantOfB = (await makeProduct(shopB)).variants[0]!.id;
    const err = await addToCart(
      shopA,
      undefined,
      { variantId: variantOfB, quantity: 1 },
      pricer,
    ).catch((e: unknown) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
    expect(await rows(shopA)).toEqual({ carts: [], lines: [] });
    expect(await rows(shopB)).toEqual({ carts: [], lines: [] });
  });

  it('gives NOT_FOUND for a draft product and for a shop that is not live', async () => {
    const { db, ctx, pricer } = await buyerShop();
    const draft = await makeProduct(ctx, { status: 'draft' });
    const err = await addToCart(
      ctx,
      undefined,
      { variantId: draft.variants[0]!.id, quantity: 1 },
      pricer,
    ).catch((e: unknown) => e);
    expect(isAldeaError(err, 'NOT_FOUND')).toBe(true);
    const paused = await makeShop(db, { status: 'paused' });
    const p = await makeProduct(paused);
    const err2 = await addToCart(
      paused,
      undefined,
      { variantId: p.variants[0]!.id, quantity: 1 },
      pricer,
    ).catch((e: unknown) => e);
    expect(isAldeaError(err2, 'NOT_FOUND')).toBe(true);
  });

  it('returns OUT_OF_STOCK with what is left, and writes nothing', async () => {
    const { ctx, pricer } = await buyerShop();
    const variantId = (
      await makeProduct(ctx, {
        variants: [{ sku: 'FEW', priceMinor: 100, stockOnHand: 2, weightGrams: 1 }],
      })
    ).variants[0]!.id;
    const r = await addToCart(ctx, undefined, { variantId, quantity: 3 }, pricer);
    expect(r).toEqual({ ok: false, reason: 'OUT_OF_STOCK', available: 2 });
    expect(await rows(ctx)).toEqual({ carts: [], lines: [] });
  });

  it('refuses a new line in a full cart', async () => {
    const { ctx, pricer } = await buyerShop();
    const ten = Array.from({ length: 10 }, (_, i) => ({ en: `v${i}` }));
    const many = await makeProduct(ctx, {
      options: [
        { name: { en: 'Size' }, values: ten },
        { name: { en: 'Colour' }, values: ten },
      ],
      variants: Array.from({ length: MAX_CART_LINES }, (_, i) => ({
        sku: `V${i}`,
        priceMinor: 100,
        stockOnHand: 5,
        weightGrams: 1,
        optionValues: [i % 10, Math.floor(i / 10)],
      })),
    });
    let token: string | undefined;
    for (const v of many.variants) {
      const r = await addToCart(ctx, token, { variantId: v.id, quantity: 1 }, pricer);
      if (!r.ok) throw new Error('expected ok');
      token = r.token;
    }
    const extra = (await makeProduct(ctx)).variants[0]!.id;
    expect(await addToCart(ctx, token, { variantId: extra, quantity: 1 }, pricer)).toEqual({
      ok: false,
      reason: 'CART_FULL',
      maxLines: MAX_CART_LINES,
    });
  });

  it('failed halfway (the pricer throws after the cart was made): nothing is saved', async () => {
    const { ctx } = await buyerShop();
    const variantId = (await makeProduct(ctx)).variants[0]!.id;
    const broken: CartPricer = {
      currency: 'CNY',
      price: () => {
        throw new Error('rates table unreadable');
      },
    };
    await expect(addToCart(ctx, undefined, { variantId, quantity: 1 }, broken)).rejects.toThrow(
      'rates table',
    );
    expect(await rows(ctx)).toEqual({ carts: [], lines: [] });
  });
});
