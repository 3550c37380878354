import { describe, expect, it } from 'vitest';
import { basePricer, makeCart } from '../../test/support/cart-factories.js';
import { makeProduct } from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { archiveProduct } from '../catalog/change-product-status.js';
import { setVariantPrice, setVariantStock } from '../catalog/variant-commands.js';
import type { Database } from '../db/database.js';
import { setManualRate } from '../fx/manual-rate.js';
import { loadPricer } from '../pricing/load-pricer.js';
import type { ShopContext } from '../tenancy/context.js';
import { addToCart } from './add-to-cart.js';
import type { CartPricer } from './cart-pricer.js';
import { newCartToken } from './cart-token.js';
import { viewCart } from './view-cart.js';

async function shopWithTwoProducts(db?: Database) {
  const database = db ?? (await makeTestDb());
  const ctx = await makeShop(database);
  const nuts = await makeProduct(ctx, {
    variants: [{ sku: 'NUTS', priceMinor: 8800, stockOnHand: 10, weightGrams: 500 }],
  });
  const box = await makeProduct(ctx, {
    variants: [{ sku: 'BOX', priceMinor: 29800, stockOnHand: 2, weightGrams: 1500 }],
  });
  return {
    db: database,
    ctx,
    nuts: nuts.variants[0]!.id,
    box: box.variants[0]!.id,
    boxProduct: box.id,
  };
}

async function fill(ctx: ShopContext, lines: [string, number][], pricer: CartPricer) {
  let token: string | undefined;
  for (const [variantId, quantity] of lines) {
    const r = await addToCart(ctx, token, { variantId, quantity }, pricer);
    if (!r.ok) throw new Error(r.reason);
    token = r.token;
  }
  return token!;
}

describe('viewCart', () => {
  it('prices every line now and sums the subtotal in the buyer currency', async () => {
    const { ctx, nuts, box } = await shopWithTwoProducts();
    const pricer = basePricer('CNY');
    const token = await fill(
      ctx,
      [
        [nuts, 3],
        [box, 1],
      ],
      pricer,
    );
    const cart = await viewCart(ctx, token, pricer);
    expect(
      cart.lines.map((l) => [
        l.sku,
        l.quantity,
        l.unitPrice?.amountMinor,
        l.lineTotal?.amountMinor,
      ]),
    ).toEqual([
      ['NUTS', 3, 8800, 26400],
      ['BOX', 1, 29800, 29800],
    ]);
    expect(cart.subtotal).toEqual({ amountMinor: 56200, currency: 'CNY' });
    expect(cart.itemCount).toBe(4);
    expect(cart.complete).toBe(true);
    expect(cart.lines[0]!.product?.title).toBeTruthy();
  });

  it('is an empty cart, creating nothing, for no token, a malformed one or an unknown one', async () => {
    const { ctx } = await shopWithTwoProducts();
    for (const token of [undefined, 'nope', newCartToken()]) {
      const cart = await viewCart(ctx, token, basePricer('CNY'));
      expect(cart).toMatchObject({
        cartId: null,
        lines: [],
        itemCount: 0,
        subtotal: { amountMinor: 0, currency: 'CNY' },
      });
    }
  });

  it('flags a price that changed since the line was added (same currency), not a currency switch', async () => {
    const { ctx, nuts } = await shopWithTwoProducts();
    const token = await fill(ctx, [[nuts, 1]], basePricer('CNY'));
    await setVariantPrice(ctx, nuts, { priceMinor: 9800 });
    const line = (await viewCart(ctx, token, basePricer('CNY'))).lines[0]!;
    expect(line).toMatchObject({
      priceChanged: true,
      seenUnitPrice: { amountMinor: 8800, currency: 'CNY' },
      unitPrice: { amountMinor: 9800 },
    });
    const inUsd = (await viewCart(ctx, token, basePricer('USD'))).lines[0]!;
    expect(inUsd.priceChanged).toBe(false);
  });

  it('flags lines with fewer units left than they hold, and leaves them out of the subtotal', async () => {
    const { ctx, nuts, box } = await shopWithTwoProducts();
    const token = await fill(
      ctx,
      [
        [nuts, 1],
        [box, 2],
      ],
      basePricer('CNY'),
    );
    await setVariantStock(ctx, box, { stockOnHand: 1 });
    const cart = await viewCart(ctx, token, basePricer('CNY'));
    expect(cart.lines[1]).toMatchObject({ outOfStock: true, available: 1, buyable: false });
    expect(cart.subtotal.amountMinor).toBe(8800);
    expect(cart.complete).toBe(false);
  });

  it('says a line is no longer available when its product was archived', async () => {
    const { ctx, nuts, box, boxProduct } = await shopWithTwoProducts();
    const token = await fill(
      ctx,
      [
        [nuts, 1],
        [box, 1],
      ],
      basePricer('CNY'),
    );
    await archiveProduct(ctx, boxProduct);
    const cart = await viewCart(ctx, token, basePricer('CNY'));
    expect(cart.lines[1]).toMatchObject({ unavailable: true, buyable: false, unitPrice: null });
    expect(cart.subtotal.amountMinor).toBe(8800);
  });

  it('marks a line it cannot price in the buyer currency as unpriced, never as 0', async () => {
    const { ctx, nuts } = await shopWithTwoProducts();
    const token = await fill(ctx, [[nuts, 2]], basePricer('CNY'));
    const cannot: CartPricer = {
      currency: 'KWD',
      price: () => ({ ok: false, reason: 'CURRENCY_NOT_OFFERED' }),
    };
    const cart = await viewCart(ctx, token, cannot);
    expect(cart.lines[0]).toMatchObject({
      unpriced: true,
      unitPrice: null,
      lineTotal: null,
      buyable: false,
    });
    expect(cart.subtotal).toEqual({ amountMinor: 0, currency: 'KWD' });
  });

  it('works with the real pricer: a converted price in the buyer currency, × quantity', async () => {
    const { ctx, nuts } = await shopWithTwoProducts();
    await setManualRate(ctx, { base: 'CNY', quote: 'USD', rate: '0.14' });
    const usd = await loadPricer(ctx, 'USD');
    const unit = usd.price({ priceMinor: 8800, fixedPrices: {} });
    if (!unit.ok) throw new Error(unit.reason);
    const token = await fill(ctx, [[nuts, 2]], usd);
    const cart = await viewCart(ctx, token, usd);
    expect(cart.lines[0]).toMatchObject({
      unitPrice: { amountMinor: unit.amount.amountMinor, currency: 'USD' },
      lineTotal: { amountMinor: unit.amount.amountMinor * 2, currency: 'USD' },
      priceChanged: false,
    });
    expect(unit.amount.amountMinor % 100).toBe(99); // 88 CNY × 0.14 = 12.32, then USD's .99 rule
    expect(cart.subtotal).toEqual({ amountMinor: unit.amount.amountMinor * 2, currency: 'USD' });
  });

  it('runs the same number of statements for 1 line and for 20', async () => {
    const db = await makeTestDb({ countStatements: true });
    const ctx = await makeShop(db);
    const variants = [];
    for (let i = 0; i < 20; i++) {
      variants.push((await makeProduct(ctx)).variants[0]!.id);
    }
    const one = await makeCart(ctx, variants[0]!);
    const many = await fill(
      ctx,
      variants.map((v) => [v, 1] as [string, number]),
      basePricer('CNY'),
    );
    const count = async (token: string) => {
      const before = db.stats.statements;
      await viewCart(ctx, token, basePricer('CNY'));
      return db.stats.statements - before;
    };
    expect(await count(many)).toBe(await count(one.token));
  });

  it('shop B sees nothing of shop A’s cart', async () => {
    const { db, ctx: shopA, nuts } = await shopWithTwoProducts();
    const token = await fill(shopA, [[nuts, 1]], basePricer('CNY'));
    const { ctx: shopB } = await shopWithTwoProducts(db);
    expect((await viewCart(shopB, token, basePricer('CNY'))).lines).toEqual([]);
  });
});
