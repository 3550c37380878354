import { existsSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../support/world.js';
import { axeProblems, CHROMIUM, launch, openPage, screenshot, startServer } from './browser.js';

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const world = await makeWorld({ avif: true });
  server = await startServer(world.app);
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Checks a page the way every journey step should look: no CSP, script or
 * loading errors, and (axe-core runs as a script, so only with JavaScript on)
 * no serious or critical accessibility violations.
 */
async function checkPage(page: Page, problems: string[], javaScriptEnabled: boolean) {
  if (javaScriptEnabled) expect(await axeProblems(page)).toEqual([]);
  expect(problems).toEqual([]);
}

const JOURNEY_TIMEOUT = 90_000;

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'with JavaScript disabled';

  describe(`buyer journeys ${mode}`, () => {
    it(
      'a buyer in Spanish paying in EUR finds a molcajete by search, picks a size and adds it to the cart',
      async () => {
        const { context, page, problems } = await openPage(browser, {
          locale: 'es-MX',
          extraHTTPHeaders: { 'Accept-Language': 'es-MX,es;q=0.9' },
          javaScriptEnabled,
          viewport: { width: 390, height: 844 },
        });
        await page.goto(`${server.url}/v/comonfort?currency=EUR`);
        expect(await page.locator('h1').textContent()).toBe('Comonfort');
        await checkPage(page, problems, javaScriptEnabled);

        await page.getByLabel('Buscar en Comonfort').fill('molcajete');
        await Promise.all([
          page.waitForURL(/\/v\/comonfort\/search/),
          page.getByRole('button', { name: 'Buscar' }).first().click(),
        ]);
        await checkPage(page, problems, javaScriptEnabled);
        await Promise.all([
          page.waitForURL(/\/p\/molcajete-piedra-volcanica/),
          page.getByRole('link', { name: /Molcajete de piedra volcánica/ }).click(),
        ]);
        expect(await page.locator('h1').textContent()).toBe('Molcajete de piedra volcánica');
        expect(await page.locator('form.buy .price').textContent()).toMatch(/EUR|€/);
        await checkPage(page, problems, javaScriptEnabled);
        if (javaScriptEnabled) await screenshot(page, 'product-page.png');

        await page.getByLabel(/Grande/).check();
        await page.getByLabel('Cantidad').fill('1');
        await Promise.all([
          page.waitForURL(/added=1/),
          page.getByRole('button', { name: 'Agregar al carrito' }).click(),
        ]);
        expect(await page.getByRole('status').textContent()).toContain('Se agregó a tu carrito.');
        await checkPage(page, problems, javaScriptEnabled);

        await Promise.all([
          page.waitForURL(/\/cart/),
          page.getByRole('link', { name: 'Carrito', exact: true }).first().click(),
        ]);
        const rows = page.locator('tbody tr');
        expect(await rows.count()).toBe(1);
        expect(await rows.first().textContent()).toContain('Grande');
        expect(await page.locator('.totals').textContent()).toMatch(/Subtotal .*(EUR|€)/);
        await checkPage(page, problems, javaScriptEnabled);
        await context.close();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'a buyer in Chinese browses Bainiu’s village page',
      async () => {
        const { context, page, problems } = await openPage(browser, {
          locale: 'zh-CN',
          extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
          javaScriptEnabled,
        });
        await page.goto(`${server.url}/`);
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        await checkPage(page, problems, javaScriptEnabled);
        await Promise.all([
          page.waitForURL(/\/v\/bainiu/),
          page.getByRole('link', { name: /白牛村/ }).click(),
        ]);
        expect(await page.locator('h1').textContent()).toBe('白牛村');
        expect(await page.locator('section[aria-labelledby="shops"] h3').allTextContents()).toEqual(
          ['李记坚果', '王家山核桃'],
        );
        const prices = await page
          .locator('section[aria-labelledby="products"] .price')
          .allTextContents();
        expect(prices.length).toBeGreaterThan(0);
        for (const p of prices) expect(p).toMatch(/¥/);
        await checkPage(page, problems, javaScriptEnabled);
        await Promise.all([
          page.waitForURL(/\/s\/wang-hickory$/),
          page.locator('section[aria-labelledby="shops"] a', { hasText: '王家山核桃' }).click(),
        ]);
        expect(await page.locator('h1').textContent()).toBe('王家山核桃');
        await checkPage(page, problems, javaScriptEnabled);
        // One tap to English and US dollars, kept on the next page.
        await Promise.all([
          page.waitForURL(/lang=en/),
          page.getByRole('link', { name: 'English' }).click(),
        ]);
        await Promise.all([
          page.waitForURL(/currency=USD/),
          page.getByRole('link', { name: 'USD', exact: true }).click(),
        ]);
        await Promise.all([
          page.waitForURL(/hickory-kernels/),
          page.getByRole('link', { name: /Hand-shelled/ }).click(),
        ]);
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        expect(await page.locator('form.buy .price').textContent()).toMatch(/\$/);
        await checkPage(page, problems, javaScriptEnabled);
        await context.close();
      },
      JOURNEY_TIMEOUT,
    );
  });
}

describe('images in the browser', () => {
  it(
    'loads AVIF or WebP from the srcset, with no layout shift and lazy images below the fold',
    async () => {
      const { context, page, problems } = await openPage(browser, {
        viewport: { width: 1280, height: 800 },
      });
      await page.goto(`${server.url}/s/wang-hickory/p/hickory-kernels?lang=en`);
      const main = page.locator('.gallery li').first().locator('picture img');
      // This package type-checks without the DOM library: the element is described by hand.
      type Img = { decode(): Promise<void>; currentSrc: string };
      await main.evaluate((img) => (img as unknown as Img).decode());
      const current = await main.evaluate((img) => (img as unknown as Img).currentSrc);
      expect(current).toMatch(/\.(avif|webp)$/);
      expect(
        await page.locator('.gallery picture source[type="image/avif"]').count(),
      ).toBeGreaterThan(0);
      // Sum of layout shifts so far (buffered entries arrive with the next frames: no timer).
      const shift = await page.evaluate(`new Promise((resolve) => {
        let total = 0;
        const po = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) total += e.value;
        });
        po.observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => {
          for (const e of po.takeRecords()) total += e.value;
          po.disconnect();
          resolve(total);
        }));
      })`);
      expect(shift).toBeLessThan(0.01);
      expect(
        await page.locator('.gallery li').nth(1).locator('picture img').getAttribute('loading'),
      ).toBe('lazy');
      expect(problems).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it('saved a product page screenshot as a test artifact', () => {
    const path = new URL('../../test-artifacts/product-page.png', import.meta.url);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
