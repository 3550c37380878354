/**
 * End to end in Chromium on a 360×740 phone with a throttled network: an
 * artisan signs in, creates a product with three phone photos, prices it in
 * their own currency, sees what buyers pay, publishes it, and finds it on the
 * storefront — in Spanish for a Comonfort workshop (MXN) and in Chinese for a
 * Bainiu shop (CNY).
 */
import { writeFileSync } from 'node:fs';
import { addMembership, createUser, getProduct, type ShopContext } from '@aldea/core';
import { createStorefront } from '@aldea/storefront';
import { Hono } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, mexicanShop, PASSWORD, TEST_COST, uniq, type World } from '../support/world.js';
import {
  ARTIFACTS,
  axeProblems,
  launch,
  phone,
  phonePhoto,
  screenshot,
  startServer,
} from './browser.js';

let browser: Browser;
let w: World;
let server: { url: string; close(): Promise<void> };
const uploaded = { bytes: 0 };
const report: Record<string, unknown> = {};

beforeAll(async () => {
  w = await makeWorld();
  const root = new Hono();
  // Count what phones send us (photo uploads above all).
  root.use(async (c, next) => {
    uploaded.bytes += Number(c.req.header('content-length') ?? 0);
    await next();
  });
  root.route('/admin', w.admin);
  root.route(
    '/',
    createStorefront({ db: w.db, storage: w.storage, logger: { info() {}, error() {} } }),
  );
  server = await startServer(root);
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  writeFileSync(new URL('e2e-bytes.json', ARTIFACTS), `${JSON.stringify(report, null, 2)}\n`);
  console.log('bytes transferred per journey:', JSON.stringify(report));
});

interface Journey {
  name: string;
  locale: string;
  email: string;
  shop: ShopContext;
  title: string;
  description: string;
  price: string;
  weight: string;
  /** What the preview must show for USD and EUR (regexes on the row text). */
  expectUsd: RegExp;
  expectEur: RegExp;
  texts: { signIn: string; add: string; published: string };
}

async function run(j: Journey) {
  const { page, traffic, problems, context } = await phone(browser, j.locale);
  const upBefore = uploaded.bytes;
  const a11y: string[] = [];
  const base = server.url;

  await page.goto(`${base}/admin/login`);
  expect((await page.locator('h1').textContent())?.trim()).toBe(j.texts.signIn);
  a11y.push(...(await axeProblems(page)));
  await page.fill('input[name=identifier]', j.email);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([
    page.waitForURL(`**/admin/s/${j.shop.shop.id}`),
    page.click('form button.primary'),
  ]);
  await screenshot(page, `${j.name}-1-dashboard.png`);

  await Promise.all([page.waitForURL('**/products/new'), page.click(`text=${j.texts.add}`)]);
  const seller = j.shop.shop.defaultLocale;
  await page.fill(`[name="texts.${seller}.title"]`, j.title);
  await page.fill(`[name="texts.${seller}.description"]`, j.description);
  await page.fill('[name="variants.0.stockOnHand"]', '3');
  await page.fill('[name="variants.0.weightGrams"]', j.weight);
  await page.fill('[name="variants.0.price"]', j.price);
  // The live preview (JavaScript) replaces the empty table with real prices.
  const usd = page.locator('#preview-0 tr[data-currency="USD"]');
  const eur = page.locator('#preview-0 tr[data-currency="EUR"]');
  await usd.waitFor({ timeout: 15_000 });
  const usdText = ((await usd.textContent()) ?? '').replace(/\s+/g, ' ');
  const eurText = ((await eur.textContent()) ?? '').replace(/\s+/g, ' ');
  expect(usdText).toMatch(j.expectUsd);
  expect(eurText).toMatch(j.expectEur);
  await usd.scrollIntoViewIfNeeded();
  await screenshot(page, `${j.name}-2-price-preview.png`);
  a11y.push(...(await axeProblems(page)));

  await Promise.all([page.waitForURL(/ok=product\.created/), page.click('.sticky-actions button')]);
  const productId = /products\/(prod_[0-9a-z]+)/.exec(page.url())![1]!;

  const photos = await Promise.all([
    phonePhoto(20, `${j.name} 1`),
    phonePhoto(140, `${j.name} 2`),
    phonePhoto(260, `${j.name} 3`),
  ]);
  await page.setInputFiles(
    '#photo-files',
    photos.map((buffer, i) => ({ name: `IMG_00${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })),
  );
  await Promise.all([
    page.waitForURL(/ok=photos\.done/, { timeout: 90_000 }),
    page.click('form.upload button[type=submit]'),
  ]);
  expect(await page.locator('ol.photos > li').count()).toBe(3);
  await screenshot(page, `${j.name}-3-photos.png`);
  a11y.push(...(await axeProblems(page)));

  await Promise.all([
    page.waitForURL(/ok=product\.published/),
    page.click('button[name=to][value=publish]'),
  ]);
  expect((await page.locator('.notice.ok').textContent())?.trim()).toBe(j.texts.published);

  const product = await getProduct(j.shop, productId, { includeUnpublished: true });
  expect(product.status).toBe('active');
  expect(product.images).toHaveLength(3);
  // Shrunk in the browser before upload: 12 MP photos arrive at 2048 px.
  expect(product.images.every((i) => Math.max(i.width, i.height) === 2048)).toBe(true);
  expect(product.variants[0]?.priceMinor).toBe(Number(j.price) * 100);

  const adminBytes = {
    down: traffic.down,
    up: uploaded.bytes - upBefore,
    requests: traffic.requests,
  };
  await page.goto(`${base}/s/${j.shop.shop.slug}`);
  await page.getByText(j.title).first().waitFor({ state: 'visible' });
  await Promise.all([page.waitForURL(`**/p/**`), page.getByText(j.title).first().click()]);
  expect((await page.locator('h1').textContent())?.trim()).toBe(j.title);
  await screenshot(page, `${j.name}-4-storefront.png`);

  report[j.name] = {
    adminDownloadedBytes: adminBytes.down,
    adminUploadedBytes: adminBytes.up,
    adminRequests: adminBytes.requests,
    totalDownloadedBytesWithStorefront: traffic.down,
    photosUploaded: 3,
    originalPhotoBytes: photos.reduce((n, p) => n + p.length, 0),
  };
  expect(problems).toEqual([]);
  expect(a11y).toEqual([]);
  await context.close();
}

describe('artisan journeys on a phone', () => {
  it('in Spanish: a Comonfort molcajete at 850 MXN', async () => {
    const mx = await mexicanShop(w);
    await run({
      name: 'es-MX',
      locale: 'es-MX',
      email: mx.lupe.email,
      shop: mx.ctx,
      title: `Molcajete de piedra volcánica ${uniq()}`,
      description: 'Labrado a mano en Comonfort, con su tejolote.',
      price: '850',
      weight: '4200',
      expectUsd: /^USD.*42\.99/,
      expectEur: /^EUR.*38\.99/,
      texts: {
        signIn: 'Iniciar sesión',
        add: 'Agregar un producto',
        published: 'Publicado: los compradores ya pueden verlo.',
      },
    });
  }, 240_000);

  it('in Chinese: Bainiu hickory nuts at 88 CNY', async () => {
    const email = `wang-${uniq()}@example.com`;
    const { id } = await createUser(
      w.platform,
      { name: '王阿姨', email, password: PASSWORD, locale: 'zh-CN' },
      { passwordCost: TEST_COST },
    );
    await addMembership(w.a.ctx, id, 'owner');
    await run({
      name: 'zh-CN',
      locale: 'zh-CN',
      email,
      shop: w.a.ctx,
      title: `临安手剥山核桃 500克 ${uniq()}`,
      description: '白牛村农家自炒，颗颗饱满。',
      price: '88',
      weight: '600',
      expectUsd: /^USD.*11\.99/,
      expectEur: /^EUR.*10\.99/,
      texts: { signIn: '登录', add: '添加商品', published: '已上架：买家现在可以看到了。' },
    });
  }, 240_000);
});

describe('every admin page is accessible', () => {
  it('has no serious or critical axe violations on the owner’s and the operator’s pages', async () => {
    const problems: string[] = [];
    const visit = async (email: string, paths: string[]) => {
      const { page, context } = await phone(browser, 'en');
      await page.goto(`${server.url}/admin/login`);
      await page.fill('input[name=identifier]', email);
      await page.fill('input[name=password]', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('form button.primary')]);
      for (const path of paths) {
        await page.goto(`${server.url}/admin${path}`);
        problems.push(...(await axeProblems(page)).map((p) => `${path}: ${p}`));
      }
      await context.close();
    };
    const shop = `/s/${w.a.ctx.shop.id}`;
    await visit(w.people.ownerA.email, [
      '',
      shop,
      `${shop}/products`,
      `${shop}/products/${w.a.product.id}`,
      `${shop}/collections`,
      `${shop}/collections/${w.a.collectionId}`,
      `${shop}/settings`,
      `${shop}/audit`,
      `${shop}/orders`,
      '/account',
    ]);
    await visit(w.people.operator.email, [
      '/operator/villages',
      '/operator/shops',
      '/operator/users',
      '/operator/fx',
    ]);
    expect(problems).toEqual([]);
  }, 120_000);
});
