import { setVariantPrice, setVariantStock } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, postForm, textOf } from './support/http.js';
import { makeWorld, type World } from './support/world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const SHOP = '/s/taller-rojas';

async function addMolcajete(size: number, quantity = '1', cookie?: string) {
  const variantId = w.comonfort.molcajete.variants[size]!.id;
  return postForm(
    w.app,
    `${SHOP}/cart/add?lang=es&currency=EUR`,
    { variantId, quantity, product: 'molcajete-piedra-volcanica' },
    cookie ? { cookie } : {},
  );
}

describe('the cart over HTTP (post/redirect/get)', () => {
  it('adding redirects back to the product with a notice, and sets a shop-scoped cart cookie', async () => {
    const r = await addMolcajete(1);
    expect(r.status).toBe(303);
    const variantId = w.comonfort.molcajete.variants[1]!.id;
    expect(r.location).toBe(
      `${SHOP}/p/molcajete-piedra-volcanica?lang=es-MX&currency=EUR&added=1&variant=${variantId}`,
    );
    const setCookie = r.res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(
      /aldea_cart=[A-Za-z0-9_-]{43}; Max-Age=5184000; Path=\/s\/taller-rojas; HttpOnly; SameSite=Lax/,
    );
    const back = await get(w.app, r.location!, { cookie: `aldea_cart=${r.cookies.aldea_cart}` });
    expect(textOf(back.doc, '.notice')).toContain('Se agregó a tu carrito.');
    expect(back.doc.querySelector(`input[value="${variantId}"]`)?.getAttribute('checked')).toBe('');
    expect(textOf(back.doc, '.site-header nav')).toContain('Carrito (1)');
    expect(back.res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('the cart page shows lines priced in the buyer’s currency and the subtotal, and links to checkout', async () => {
    const first = await addMolcajete(0, '2');
    const cookie = `aldea_cart=${first.cookies.aldea_cart}`;
    await addMolcajete(2, '1', cookie);
    const cart = await get(w.app, `${SHOP}/cart?lang=en&currency=EUR`, { cookie });
    const rows = cart.doc.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    // Both lines were added at the world's fixed clock time, so their order is
    // the ids' random part: check the quantities, not their positions.
    const quantities = rows.map((r) =>
      r.querySelector('input[name="quantity"]')?.getAttribute('value'),
    );
    expect(quantities.sort()).toEqual(['1', '2']);
    expect(textOf(cart.doc, '.totals')).toMatch(/^Subtotal €\d+\.\d\d$/);
    expect(cart.doc.querySelector('a.btn[href^="/s/taller-rojas/checkout"]')).not.toBeNull();
    const inJpy = await get(w.app, `${SHOP}/cart?lang=en&currency=JPY`, { cookie });
    expect(textOf(inJpy.doc, '.totals')).toMatch(/^Subtotal ¥[\d,]+$/);
  });

  it('updating and removing redirect to the cart with what happened', async () => {
    const r = await addMolcajete(0);
    const cookie = `aldea_cart=${r.cookies.aldea_cart}`;
    const cart = await get(w.app, `${SHOP}/cart?lang=en`, { cookie });
    const lineId = cart.doc.querySelector('input[name="lineId"]')!.getAttribute('value')!;
    const upd = await postForm(
      w.app,
      `${SHOP}/cart/update?lang=en`,
      { lineId, quantity: '3' },
      { cookie },
    );
    expect(upd.status).toBe(303);
    expect(upd.location).toBe(`${SHOP}/cart?lang=en&updated=1`);
    const after = await get(w.app, upd.location!, { cookie });
    expect(after.doc.querySelector('input[name="quantity"]')?.getAttribute('value')).toBe('3');
    expect(textOf(after.doc, '.notice')).toBe('Your cart was updated.');

    const tooMany = await postForm(
      w.app,
      `${SHOP}/cart/update?lang=en`,
      { lineId, quantity: '50' },
      { cookie },
    );
    expect(tooMany.location).toBe(`${SHOP}/cart?lang=en&error=stock&left=5`);
    expect(textOf((await get(w.app, tooMany.location!, { cookie })).doc, '.notice')).toBe(
      'Sorry, only 5 are left.',
    );

    const rm = await postForm(w.app, `${SHOP}/cart/remove?lang=en`, { lineId }, { cookie });
    expect(rm.location).toBe(`${SHOP}/cart?lang=en&removed=1`);
    const empty = await get(w.app, rm.location!, { cookie });
    expect(textOf(empty.doc, 'main')).toContain('Your cart is empty.');
  });

  it('asking for more than is left redirects back with the count left; nothing is added', async () => {
    const r = await addMolcajete(2, '3');
    expect(r.location).toContain('error=stock&left=2');
    expect(r.cookies.aldea_cart).toBeUndefined();
    const page = await get(w.app, r.location!.replace('lang=es-MX', 'lang=en'));
    expect(textOf(page.doc, '.notice')).toBe('Sorry, only 2 are left.');
  });

  it('says when an item ran out or its price changed since it was added', async () => {
    const rojas = w.comonfort.rojas;
    const tejolote = w.comonfort.tejolote.variants[0]!;
    const r = await postForm(w.app, `${SHOP}/cart/add?currency=MXN`, {
      variantId: tejolote.id,
      quantity: '2',
      product: 'tejolote',
    });
    const cookie = `aldea_cart=${r.cookies.aldea_cart}`;
    await setVariantPrice(rojas, tejolote.id, { priceMinor: 15000 });
    await setVariantStock(rojas, tejolote.id, { stockOnHand: 1 });
    const cart = await get(w.app, `${SHOP}/cart?lang=en&currency=MXN`, { cookie });
    const problems = cart.doc.querySelectorAll('.problems li').map((li) => li.textContent);
    expect(problems).toEqual([
      'Only 1 left: lower the quantity to buy it.',
      'The price changed from MX$120.00 to MX$150.00 since you added it.',
    ]);
    expect(textOf(cart.doc, 'main')).toContain('Some items cannot be bought right now');
  });
});

describe('cart forms refuse bad input', () => {
  it.each(['0', '-1', '1000000000', '1.5', 'abc', ''])(
    'quantity %j is a 400 page',
    async (quantity) => {
      const r = await addMolcajete(0, quantity);
      expect(r.status).toBe(400);
      expect(r.cookies.aldea_cart).toBeUndefined();
    },
  );

  it('another shop’s variant is a 404; nothing is added', async () => {
    const foreign = w.bainiu.kernels.variants[0]!.id;
    const r = await postForm(w.app, `${SHOP}/cart/add`, { variantId: foreign, quantity: '1' });
    expect(r.status).toBe(404);
    expect(r.cookies.aldea_cart).toBeUndefined();
  });

  it('a line of another buyer’s cart cannot be changed or removed', async () => {
    const mine = await addMolcajete(0);
    const theirs = await addMolcajete(1);
    const theirCart = await get(w.app, `${SHOP}/cart`, {
      cookie: `aldea_cart=${theirs.cookies.aldea_cart}`,
    });
    const theirLine = theirCart.doc.querySelector('input[name="lineId"]')!.getAttribute('value')!;
    const cookie = `aldea_cart=${mine.cookies.aldea_cart}`;
    expect(
      (
        await postForm(
          w.app,
          `${SHOP}/cart/update`,
          { lineId: theirLine, quantity: '2' },
          { cookie },
        )
      ).status,
    ).toBe(404);
    expect(
      (await postForm(w.app, `${SHOP}/cart/remove`, { lineId: theirLine }, { cookie })).status,
    ).toBe(404);
  });

  it('a post from another site is refused (CSRF)', async () => {
    const variantId = w.comonfort.molcajete.variants[0]!.id;
    const r = await postForm(
      w.app,
      `${SHOP}/cart/add`,
      { variantId, quantity: '1' },
      { origin: 'https://evil.example' },
    );
    expect(r.status).toBe(403);
    expect(r.cookies.aldea_cart).toBeUndefined();
  });

  it('a huge body is refused', async () => {
    const r = await postForm(w.app, `${SHOP}/cart/add`, {
      variantId: 'x'.repeat(20_000),
      quantity: '1',
    });
    expect(r.status).toBe(400);
  });

  it('the paused shop takes no orders', async () => {
    const r = await postForm(w.app, '/s/taller-cerrado/cart/add', {
      variantId: 'var_x',
      quantity: '1',
    });
    expect(r.status).toBe(404);
  });
});
