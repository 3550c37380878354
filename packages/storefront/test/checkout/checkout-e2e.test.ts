import { existsSync } from 'node:fs';
import { confirmManualPayment, getOrderByStatusToken } from '@aldea/core';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../../core/test/support/stripe-fake/server.js';
import {
  axeProblems,
  CHROMIUM,
  launch,
  openPage,
  screenshot,
  startServer,
} from '../e2e/browser.js';
import { type LogLine, makeWorld, type World } from '../support/world.js';
import { appWith, gatewayFor, shipsEverywhere } from './support.js';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let fake: FakeStripe;
let w: World;
const logs: LogLine[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  w = await makeWorld();
  await shipsEverywhere(w.comonfort.rojas);
  fake = await startFakeStripe({ deliver: 'manually' });
  // The app needs its own public URL (Stripe sends the buyer back to it): start first, then build.
  let app: Hono | undefined;
  const front = new Hono();
  front.all('*', (c) => app!.fetch(c.req.raw));
  server = await startServer(front);
  app = appWith(w, gatewayFor(fake), logs, { publicUrl: server.url });
  fake.setWebhookUrl(`${server.url}/webhooks/stripe`);
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
});

const TIMEOUT = 120_000;

async function noProblems(page: Page, problems: string[], javaScriptEnabled: boolean) {
  if (javaScriptEnabled) expect(await axeProblems(page)).toEqual([]);
  expect(problems).toEqual([]);
}

/** From the product page to the payment step, as a buyer in Belgium paying in EUR. */
async function checkoutUpToPayment(page: Page, problems: string[], js: boolean, size: RegExp) {
  await page.goto(`${server.url}/s/taller-rojas/p/molcajete-piedra-volcanica?lang=es&currency=EUR`);
  await page.getByLabel(size).check();
  await Promise.all([
    page.waitForURL(/added=1/),
    page.getByRole('button', { name: 'Agregar al carrito' }).click(),
  ]);
  await page.goto(`${server.url}/s/taller-rojas/cart`);
  await Promise.all([
    page.waitForURL(/\/checkout\/contact/),
    page.getByRole('link', { name: 'Ir a pagar' }).click(),
  ]);
  await noProblems(page, problems, js);
  await page.getByLabel('Correo electrónico').fill('ana@example.be');
  await page.getByLabel('Nombre completo').fill('Ana Peeters');
  await page.getByLabel('País').selectOption('BE');
  await page.getByLabel('Calle y número').fill('Rue Haute 12');
  await page.getByLabel('Ciudad').fill('Bruxelles');
  await page.getByLabel('Código postal').fill('1000');
  await Promise.all([
    page.waitForURL(/\/checkout\/shipping/),
    page.getByRole('button', { name: 'Continuar' }).click(),
  ]);
  expect(await page.locator('main').textContent()).toContain('aranceles');
  await noProblems(page, problems, js);
  await Promise.all([
    page.waitForURL(/\/checkout\/payment/),
    page.getByRole('button', { name: 'Continuar' }).click(),
  ]);
  await noProblems(page, problems, js);
}

async function review(page: Page, problems: string[], js: boolean, method: RegExp) {
  await page.getByLabel(method).check();
  await Promise.all([
    page.waitForURL(/\/checkout\/review/),
    page.getByRole('button', { name: 'Continuar' }).click(),
  ]);
  expect(await page.locator('tr.grand').textContent()).toMatch(/EUR|€/);
  await noProblems(page, problems, js);
}

describe('checkout in a real browser', () => {
  it(
    'a buyer in EUR buys a molcajete, pays through Stripe, and sees the status page turn to paid after the webhook',
    async () => {
      const { context, page, problems } = await openPage(browser, {
        locale: 'es-MX',
        extraHTTPHeaders: { 'Accept-Language': 'es-MX,es;q=0.9' },
        viewport: { width: 390, height: 844 },
      });
      await checkoutUpToPayment(page, problems, true, /Mediano/);
      await review(page, problems, true, /Tarjeta/);
      const total = (await page.locator('tr.grand td').textContent())!.trim();
      await Promise.all([
        page.waitForURL(/127\.0\.0\.1:\d+\/pay\/cs_test_/),
        page.getByRole('button', { name: /Hacer el pedido/ }).click(),
      ]);
      expect(await page.locator('#amount').textContent()).toContain('EUR');
      await Promise.all([
        page.waitForURL(/\/orders\/[0-9]+\.[A-Za-z0-9_-]{43}\?from=checkout/),
        page.getByRole('button', { name: 'Pay' }).click(),
      ]);
      // Back from Stripe before the webhook: nothing is paid on a redirect.
      expect(await page.locator('.order-status').textContent()).toBe('Pendiente de pago');
      expect(await page.getByRole('status').first().textContent()).toContain('Confirmando el pago');
      // (No axe run here: this page reloads itself every few seconds.)
      expect(problems).toEqual([]);
      // Stripe's signed webhook arrives; the page refreshes itself into "paid".
      expect(await fake.deliverPending()).toEqual([200]);
      await page.locator('.order-status[data-status="paid"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('tr.grand td').textContent()).toBe(total);
      await noProblems(page, problems, true);
      await screenshot(page, 'checkout-order-paid.png');
      await context.close();
    },
    TIMEOUT,
  );

  it(
    'without JavaScript: a buyer chooses bank transfer, gets a reference, and the seller confirms',
    async () => {
      const { context, page, problems } = await openPage(browser, {
        locale: 'es-MX',
        extraHTTPHeaders: { 'Accept-Language': 'es-MX,es;q=0.9' },
        javaScriptEnabled: false,
      });
      await checkoutUpToPayment(page, problems, false, /Chico/);
      await review(page, problems, false, /Transferencia bancaria/);
      await Promise.all([
        page.waitForURL(/\/orders\/[0-9]+\.[A-Za-z0-9_-]{43}/),
        page.getByRole('button', { name: /Hacer el pedido/ }).click(),
      ]);
      expect(await page.locator('.reference').textContent()).toMatch(
        /^Referencia de pago: \d+-[A-Z0-9]{4}$/,
      );
      expect(await page.locator('.instructions').textContent()).toContain('CLABE');
      const token = /\/orders\/([0-9]+\.[A-Za-z0-9_-]{43})/.exec(page.url())![1]!;
      const order = await getOrderByStatusToken(w.comonfort.rojas, token);
      await confirmManualPayment(w.comonfort.rojas, order.id);
      await page.reload();
      expect(await page.locator('.order-status').getAttribute('data-status')).toBe('paid');
      expect(problems).toEqual([]);
      await context.close();
    },
    TIMEOUT,
  );
});
