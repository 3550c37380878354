import { getProduct, listAuditLog, listProducts } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeWorld, mexicanShop, request, signedIn, textOf } from './support/world.js';

const molcajete = {
  'texts.es-MX.title': 'Molcajete de piedra volcánica, 20 cm',
  'texts.es-MX.description': 'Labrado a mano en Comonfort.',
  'variants.0.price': '850',
  'variants.0.stockOnHand': '3',
  'variants.0.weightGrams': '4200',
};

describe('products', () => {
  it('creates a product from the form in Spanish, priced "850" in MXN', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const res = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: { ...molcajete, intent: 'save' },
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/\/products\/prod_[0-9a-z]+\?ok=product\.created$/);
    const id = /products\/(prod_[0-9a-z]+)/.exec(location)![1]!;
    const product = await getProduct(mx.ctx, id, { includeUnpublished: true });
    expect(product.status).toBe('draft');
    expect(product.variants[0]).toMatchObject({
      priceMinor: 85000,
      stockOnHand: 3,
      weightGrams: 4200,
    });
    const page = await textOf(await request(w, location, { browser: mx.browser }));
    expect(page).toContain('Producto guardado como borrador');
    expect(page).toContain('Lo que pagan los compradores');
  });

  it('re-renders bad input with what was typed and the errors next to the fields, in Spanish; nothing saved', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const res = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: {
        'texts.es-MX.title': '',
        'texts.es-MX.description': 'Una descripción que no se pierde',
        'variants.0.price': '850.555',
        'variants.0.stockOnHand': '-2',
        'variants.0.weightGrams': 'mucho',
        intent: 'save',
      },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Una descripción que no se pierde');
    expect(html).toContain('value="850.555"');
    expect(html).toContain('value="mucho"');
    expect(html).toContain('Llena este campo.');
    expect(html).toContain('Usa 0 o más.');
    expect(html).toContain('Escribe un número entero, como 12.');
    // The error sits right after its field, tied to it for screen readers.
    expect(html).toMatch(/name="variants\.0\.weightGrams"[^>]*aria-invalid="true"/);
    const listed = await listProducts(mx.ctx, { includeUnpublished: true });
    expect(listed.items).toHaveLength(0);

    // Core's own refusal (too many decimals for MXN) comes back the same way.
    const decimals = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: { ...molcajete, 'variants.0.price': '850.555', intent: 'save' },
    });
    expect(decimals.status).toBe(400);
    expect(await textOf(decimals)).toContain('Demasiados decimales para MXN.');
    expect((await listProducts(mx.ctx, { includeUnpublished: true })).items).toHaveLength(0);
  });

  it('previews what buyers pay without saving, with and without JavaScript', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const noJs = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: { ...molcajete, 'variants.0.fixedPrices.EUR': '39', intent: 'preview' },
    });
    expect(noJs.status).toBe(200);
    const text = await textOf(noJs);
    expect(text).toMatch(/USD\s+(US\$|USD)\s?42\.99/);
    expect(text).toContain('termina en .99');
    expect(text).toContain('Tu precio fijo');
    expect((await listProducts(mx.ctx, { includeUnpublished: true })).items).toHaveLength(0);

    const fragment = await request(
      w,
      `/admin/s/${mx.ctx.shop.id}/products/preview?price=850&target=preview-0`,
      { browser: mx.browser },
    );
    const html = await fragment.text();
    expect(html.startsWith('<div class="preview" id="preview-0"')).toBe(true);
    expect(html).toContain('data-currency="USD"');
    expect(html).toContain('data-currency="EUR"');
    expect(html).toContain('MXN');
  });

  it('creates options and versions, keeps other languages of option names when editing', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const res = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: {
        ...molcajete,
        'options.0.name': 'Tamaño',
        'variants.0.option.0': 'Chico',
        'variants.1.option.0': 'Grande',
        'variants.1.price': '1,350',
        'variants.1.weightGrams': '6000',
        'variants.1.madeToOrder': 'on',
        'variants.1.processingDaysMin': '5',
        'variants.1.processingDaysMax': '10',
        intent: 'save',
      },
    });
    expect(res.status).toBe(303);
    const id = /products\/(prod_[0-9a-z]+)/.exec(res.headers.get('location')!)![1]!;
    const p = await getProduct(mx.ctx, id, { includeUnpublished: true });
    expect(p.options[0]?.name).toBe('Tamaño');
    expect(p.variants.map((v) => [v.label, v.priceMinor, v.madeToOrder])).toEqual([
      ['Chico', 85000, false],
      ['Grande', 135000, true],
    ]);
    const page = await request(w, `/admin/s/${mx.ctx.shop.id}/products/${id}`, {
      browser: mx.browser,
    });
    const html = await page.text();
    expect(html).toContain('value="Grande"');
    expect(html).toContain('value="1350.00"');
  });

  it('edits prices (audited), sets a fixed price, and refuses a duplicate SKU next to the field', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const make = (sku: string) =>
      request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
        browser: mx.browser,
        form: { ...molcajete, 'variants.0.sku': sku, intent: 'save' },
      });
    const first = await make('MOL-20');
    const id = /products\/(prod_[0-9a-z]+)/.exec(first.headers.get('location')!)![1]!;
    const p = await getProduct(mx.ctx, id, { includeUnpublished: true });
    const edit = await request(w, `/admin/s/${mx.ctx.shop.id}/products/${id}`, {
      browser: mx.browser,
      form: {
        ...molcajete,
        'variants.0.id': p.variants[0]!.id,
        'variants.0.sku': 'MOL-20',
        'variants.0.price': '900',
        'variants.0.fixedPrices.USD': '45.00',
        intent: 'save',
      },
    });
    expect(edit.status).toBe(303);
    const after = await getProduct(mx.ctx, id, { includeUnpublished: true });
    expect(after.variants[0]).toMatchObject({ priceMinor: 90000, fixedPrices: { USD: 4500 } });
    const log = await listAuditLog(mx.ctx);
    expect(log.items.some((e) => e.action.includes('price'))).toBe(true);

    const dup = await make('MOL-20');
    expect(dup.status).toBe(409);
    const html = await dup.text();
    expect(html).toMatch(/name="variants\.0\.sku"[^>]*aria-invalid="true"/);
    expect(html).toContain('Ya está en uso. Elige otro.');
  });

  it('publishes, pauses and archives', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/products/${w.a.product.id}/status`;
    for (const [to, status] of [
      ['publish', 'active'],
      ['pause', 'paused'],
      ['publish', 'active'],
      ['archive', 'archived'],
    ] as const) {
      const res = await request(w, url, { browser: owner, form: { to } });
      expect(res.status, to).toBe(303);
      expect((await getProduct(w.a.ctx, w.a.product.id, { includeUnpublished: true })).status).toBe(
        status,
      );
    }
    const bad = await request(w, url, { browser: owner, form: { to: 'delete-everything' } });
    expect(bad.status).toBe(400);
  });

  it('lets staff edit the catalogue but not the settings', async () => {
    const w = await makeWorld();
    const staff = await signedIn(w, w.people.staffA);
    const res = await request(w, `/admin/s/${w.a.ctx.shop.id}/products/new`, {
      browser: staff,
      form: {
        'texts.en.title': 'Gift box',
        'variants.0.price': '198',
        'variants.0.weightGrams': '900',
        intent: 'save',
      },
    });
    expect(res.status).toBe(303);
    const settings = await request(w, `/admin/s/${w.a.ctx.shop.id}/settings`, { browser: staff });
    expect(settings.status).toBe(403);
    expect(await textOf(settings)).toContain('Ask the shop owner');
  });

  it('adds a version row without saving (no JavaScript needed)', async () => {
    const w = await makeWorld();
    const mx = await mexicanShop(w);
    const res = await request(w, `/admin/s/${mx.ctx.shop.id}/products/new`, {
      browser: mx.browser,
      form: { ...molcajete, intent: 'add-variant' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="variants.1.price"');
    expect(html).toContain('value="850"');
    expect((await listProducts(mx.ctx, { includeUnpublished: true })).items).toHaveLength(0);
  });
});
