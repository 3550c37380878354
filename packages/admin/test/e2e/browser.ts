import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';

/** Debian's chromium (installed with apt; never downloaded). */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/** A cheap phone on a weak mobile network: 1.6 Mbps down, 750 kbps up, 150 ms latency. */
export const WEAK_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

export function startServer(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * A 360×740 phone page on the weak network, counting the bytes it downloads
 * (encoded, as on the wire) through the DevTools protocol.
 */
export async function phone(browser: Browser, locale: string) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', WEAK_NETWORK);
  const traffic = { down: 0, requests: 0 };
  cdp.on('Network.loadingFinished', (e) => {
    traffic.down += e.encodedDataLength;
    traffic.requests++;
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return { context, page, traffic, problems };
}

/** Serious and critical accessibility violations of the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage: true });
}

/**
 * A phone-camera-sized JPEG (4000×3000, 12 MP) of a simple scene: a stone
 * mortar or a bag of nuts on a table, so the page has something to shrink.
 */
export async function phonePhoto(hue: number, label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000">
    <defs><radialGradient id="g" cx="50%" cy="40%" r="70%">
      <stop offset="0" stop-color="hsl(${hue},40%,80%)"/><stop offset="1" stop-color="hsl(${hue},35%,35%)"/>
    </radialGradient></defs>
    <rect width="4000" height="3000" fill="url(#g)"/>
    <rect y="2000" width="4000" height="1000" fill="hsl(${(hue + 30) % 360},30%,30%)"/>
    <ellipse cx="2000" cy="1900" rx="1100" ry="700" fill="#3b3b3d"/>
    <ellipse cx="2000" cy="1500" rx="1000" ry="300" fill="#2a2a2c"/>
    <rect x="2500" y="900" width="220" height="900" rx="100" fill="#4a4a4c" transform="rotate(25 2600 1350)"/>
    <text x="200" y="300" font-size="180" font-family="sans-serif" fill="white">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}
