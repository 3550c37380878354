/**
 * The onboarding journey in a real browser (Debian's Chromium, no JavaScript
 * needed by the pages): a trainer imports a 30-seller sheet and prints the
 * invitation cards; a seller types a printed code on a phone, opens a shop,
 * writes its story and reaches "first product".
 */
import { existsSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD, type World } from '../support/world.js';

const CHROMIUM = '/usr/bin/chromium';
const SELLERS = new URL('../../../core/test/fixtures/csv/sellers/sellers-30.csv', import.meta.url)
  .pathname;

describe.runIf(existsSync(CHROMIUM))('onboarding in Chromium', () => {
  let w: World;
  let server: ServerType;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    w = await makeWorld();
    base = await new Promise<string>((resolve) => {
      server = serve({ fetch: w.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it('a trainer imports 30 sellers and prints; a seller accepts on a phone and reaches "first product"', async () => {
    const problems: string[] = [];
    const go = (p: import('playwright-core').Page, selector: string) =>
      Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click(selector)]);
    const text = async (p: import('playwright-core').Page, selector: string) =>
      (await p.locator(selector).first().textContent()) ?? '';
    const watch = (p: import('playwright-core').Page) => {
      p.on('console', (m) => {
        // The test server has no favicon; everything else must load.
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
          problems.push(`${m.text()} ${m.location().url}`);
      });
      p.on('pageerror', (e) => problems.push(e.message));
    };

    // The trainer, on a laptop.
    const desk = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en' });
    const trainer = await desk.newPage();
    watch(trainer);
    await trainer.goto(`${base}/admin/login`);
    await trainer.fill('#f-identifier', w.people.trainer1.email);
    await trainer.fill('#f-password', PASSWORD);
    await go(trainer, 'button[type=submit]');
    await trainer.goto(`${base}/admin/trainer`);
    await go(trainer, 'a.row-link');
    await trainer.fill('#f-name', 'Spring workshop');
    await go(trainer, 'text=New cohort');
    await go(trainer, 'a.row-link:has-text("Spring workshop")');
    await trainer.setInputFiles('#f-file', SELLERS);
    await trainer.selectOption('#f-delivery', 'print');
    await go(trainer, 'button:has-text("Check the file")');
    expect(await text(trainer, '#import-result')).toContain('30 row(s): 30 new');
    expect(await text(trainer, '#import-result')).toContain('Checked: nothing was saved yet.');
    await trainer.setInputFiles('#f-file', SELLERS);
    await trainer.selectOption('#f-delivery', 'print');
    await go(trainer, 'button:has-text("Import (all rows or nothing)")');
    expect(await text(trainer, '#import-result')).toContain('Imported.');
    await go(trainer, 'button:has-text("Print the invitation cards")');
    const cards = trainer.locator('.invite-card');
    expect(await cards.count()).toBe(30);
    expect(await cards.first().locator('svg').isVisible()).toBe(true);
    await trainer.emulateMedia({ media: 'print' });
    expect(await trainer.locator('header.top').isVisible()).toBe(false);
    const pdf = await trainer.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    // The third seller of the sheet gave neither phone nor email: the accept page asks for one.
    // Cards print in the sheet's order.
    await expect(cards.nth(2).textContent()).resolves.toContain('Chayo Martínez');
    const card = cards.filter({ hasText: 'Chayo Martínez' });
    const code = (await card.locator('.code').textContent())!.trim();
    const name = (await card.locator('p').nth(1).textContent())!.replace(/^For /, '').trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    // The seller, on a cheap phone, in Spanish.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'es-MX',
    });
    const seller = await phone.newPage();
    watch(seller);
    await seller.goto(`${base}/admin/invite`);
    const village = (await w.db.read.get<{ slug: string }>(
      sql`select slug from villages where id = ${w.villages.v1.id}`,
    ))!.slug;
    await seller.selectOption('#f-village', village);
    await seller.fill('#f-code', code.toLowerCase().replace('-', ''));
    await go(seller, 'button:has-text("Continuar")');
    expect(await text(seller, 'h1')).toContain('Abre tu tienda');
    expect(await seller.inputValue('#f-name')).toBe(name);
    await seller.fill('#f-phone', '+52 412 555 7788');
    await seller.fill('#f-password', 'piedra volcanica 2026');
    await seller.fill('#f-shopName', 'Molcajetes de la Loma');
    await go(seller, 'button:has-text("Abrir mi tienda")');
    expect(await text(seller, 'main')).toContain('¡Bienvenida! Tu tienda está lista.');
    expect(await text(seller, '.onb-next')).toContain('Perfil e historia');
    const onboardingUrl = seller.url().replace(/\?.*$/, '');

    await go(seller, '.onb-next a.button');
    await seller.fill(
      'textarea[name="texts.story"]',
      'Tallamos piedra volcánica en familia desde 1962.',
    );
    await go(seller, 'form:has(textarea[name="texts.story"]) button[type=submit]');
    await seller.goto(onboardingUrl);
    expect(await seller.getAttribute('[data-step="profile"]', 'data-done')).toBe('yes');
    expect(await text(seller, '.onb-next')).toContain('Primer producto con 3 fotos');
    await go(seller, '.onb-next a.button');
    expect(seller.url()).toMatch(/\/admin\/s\/shop_[0-9a-z]+\/products\/new$/);
    expect(await seller.locator('main form').count()).toBeGreaterThan(0);
    const width = Number(await seller.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(360);

    expect(problems).toEqual([]);
    const shops = await w.db.read.get<{ n: number }>(
      sql`select count(*) as n from shops where slug like 'molcajetes-de-la-loma%'`,
    );
    expect(shops!.n).toBe(1);
  }, 120_000);
});
