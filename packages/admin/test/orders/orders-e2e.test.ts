/**
 * End to end in Chromium on a 360×740 phone with a throttled network: a
 * Comonfort seller, in Spanish, sees on her dashboard that a bank transfer
 * waits, opens the order, looks at the buyer's receipt photo, confirms the
 * payment and ships the parcel with its tracking; then her shipping and payment
 * screens. Every page passes axe and fits 360 px.
 */
import { writeFileSync } from 'node:fs';
import { createProduct, getOrder, type ProductDetail, uploadPaymentReceipt } from '@aldea/core';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, axeProblems, launch, phone, screenshot, startServer } from '../e2e/browser.js';
import { jpeg, makeWorld, mexicanShop, PASSWORD, uniq, type World } from '../support/world.js';
import { placeTestOrder } from './fixtures.js';

let browser: Browser;
let w: World;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  w = await makeWorld();
  const root = new Hono();
  // The browser asks the site for its icon; the storefront would answer, this test mounts only the admin.
  root.get('/favicon.ico', (c) => c.body(null, 204));
  root.route('/admin', w.admin);
  server = await startServer(root);
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page fits the phone: nothing wider than the 360-px viewport. */
async function widthOf(page: Page): Promise<number> {
  // Runs in the page; the test's own types know no DOM.
  return page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
}

describe('a seller handles an order on a phone', () => {
  it('in Spanish: confirms a bank transfer and ships the molcajete', async () => {
    const mx = await mexicanShop(w);
    const product: ProductDetail = await createProduct(mx.ctx, {
      status: 'active',
      texts: { 'es-MX': { title: `Molcajete de piedra volcánica ${uniq()}` } },
      variants: [{ sku: `MOL-${uniq()}`, price: '850', stockOnHand: 3, weightGrams: 4200 }],
    });
    const order = await placeTestOrder(mx.ctx, {
      variantId: product.variants[0]!.id,
      currency: 'USD',
    });
    const receipt = await uploadPaymentReceipt(mx.ctx, order.statusToken, {
      bytes: await jpeg(1200, 1600, '#efe9dc'),
      filename: 'comprobante.jpg',
      storage: w.storage,
    });
    expect(receipt.ok).toBe(true);

    const { page, traffic, problems, context } = await phone(browser, 'es-MX');
    const a11y: string[] = [];
    const widths: number[] = [];
    const look = async (name: string) => {
      widths.push(await widthOf(page));
      a11y.push(...(await axeProblems(page)));
      await screenshot(page, `orders-es-MX-${name}.png`);
    };

    await page.goto(`${server.url}/admin/login`);
    await page.fill('input[name=identifier]', mx.lupe.email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL(`**/admin/s/${mx.ctx.shop.id}`),
      page.click('form button.primary'),
    ]);
    await look('1-dashboard');

    // The dashboard says what waits; the list puts it first.
    await Promise.all([
      page.waitForURL(/status=pending_payment/),
      page.getByRole('link', { name: 'Confirmar un pago (1)' }).click(),
    ]);
    await look('1-list');
    await Promise.all([
      page.waitForURL(`**/orders/${order.id}`),
      page.getByRole('link', { name: new RegExp(`Pedido ${order.number}`) }).click(),
    ]);
    expect(await page.locator('#payment').textContent()).toContain(order.paymentReference);
    expect(await page.locator('#payment img').count()).toBe(1);
    expect(await page.locator('#lines').textContent()).toMatch(/≈ \$[\d,.]+/);
    await look('2-order');

    await Promise.all([
      page.waitForURL(/ok=orders\.flash\.confirmed/),
      page.getByRole('button', { name: 'Sí, ya llegó el pago' }).click(),
    ]);
    expect((await page.locator('.notice.ok').textContent())?.trim()).toBe(
      'Pago confirmado. Ahora empaca y envía el pedido.',
    );
    await page.fill('input[name=carrier]', 'Estafeta');
    await page.fill('input[name=trackingNumber]', 'EST123456789MX');
    await page.fill('input[name=trackingUrl]', 'https://rastreo.estafeta.com/EST123456789MX');
    await look('3-paid');
    await Promise.all([
      page.waitForURL(/ok=orders\.flash\.shipped/),
      page.getByRole('button', { name: 'Marcar como enviado' }).click(),
    ]);
    expect((await page.locator('h1 .badge').textContent())?.trim()).toBe('Enviado');
    expect(await page.locator('#timeline').textContent()).toContain(
      'Enviado con Estafeta, guía EST123456789MX',
    );
    await look('4-shipped');

    // The owner's shipping and payment screens fit the phone and pass axe too.
    const shop = `${server.url}/admin/s/${mx.ctx.shop.id}`;
    for (const [name, path] of [
      ['5-payments', '/payments'],
      ['6-shipping', '/shipping'],
    ] as const) {
      await page.goto(`${shop}${path}`);
      await look(name);
    }
    await Promise.all([
      page.waitForURL(/\/shipping\/zones\//),
      page.getByRole('link', { name: 'Editar la zona y sus tarifas' }).click(),
    ]);
    await look('7-zone');
    await Promise.all([
      page.waitForURL(/\/shipping\/rates\//),
      page.locator('#rates a.row-link').first().click(),
    ]);
    await look('8-rate');

    const shipped = await getOrder(mx.ctx, order.id);
    expect(shipped).toMatchObject({
      status: 'shipped',
      carrier: 'Estafeta',
      trackingNumber: 'EST123456789MX',
      trackingUrl: 'https://rastreo.estafeta.com/EST123456789MX',
    });
    expect(shipped.payment).toMatchObject({ status: 'succeeded' });
    writeFileSync(
      new URL('orders-e2e.json', ARTIFACTS),
      `${JSON.stringify({ downloadedBytes: traffic.down, requests: traffic.requests, widths }, null, 2)}\n`,
    );
    expect(
      widths.every((px) => px <= 360),
      `page widths ${widths.join(', ')}`,
    ).toBe(true);
    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
    await context.close();
  }, 120_000);
});
