/**
 * Regenerates the README's screenshot from a freshly seeded demo:
 *
 *   npx tsx --conditions=aldea-source examples/demo/src/take-screenshot.ts [page] [out.png]
 *
 * Starts the demo on a throwaway database and a free port, opens the page in
 * Debian's Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) through
 * playwright-core, and writes a 1280×800 PNG (default docs/demo.png).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadDemoConfig } from './config.ts';
import { startDemo } from './start-demo.ts';

const page =
  process.argv[2] ?? '/s/taller-piedra-negra/p/molcajete-tradicional?lang=es-MX&currency=EUR';
const out = resolve(
  process.argv[3] ?? fileURLToPath(new URL('../../../docs/demo.png', import.meta.url)),
);
const dir = mkdtempSync(join(tmpdir(), 'aldea-screenshot-'));
const demo = await startDemo(loadDemoConfig({ PORT: '0', ALDEA_HOST: '127.0.0.1' }, dir).config, {
  log: (line) => console.log(line),
  logger: { info() {}, error() {} },
  // A throwaway database: cheap password hashes, no AVIF (the page falls back to WebP).
  seed: { passwordCost: { logN: 10, r: 8, p: 1 } },
  mediaWorker: false,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${demo.port}${page}`, { waitUntil: 'networkidle' });
  await tab.screenshot({ path: out });
  console.log(`Wrote ${out} (${await tab.title()})`);
} finally {
  await browser.close();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
}
