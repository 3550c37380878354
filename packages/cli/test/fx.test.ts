import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { importEcbRates, inspectDatabaseFile, openSqlite, platformContext } from '@aldea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAgo, ecbXml, SAMPLE_RATES } from './support/ecb-xml.js';
import { makeMigratedDb } from './support/migrated-db.js';
import { json, runAldea, workspaceWith } from './support/run-aldea.js';

let template: string;
const xml = ecbXml(dayAgo(1), SAMPLE_RATES);
const server = createServer((req, res) => {
  if (req.url === '/eurofxref-daily.xml') {
    res.writeHead(200, { 'content-type': 'text/xml' }).end(xml);
  } else res.writeHead(503).end('<html>maintenance</html>');
});
let base = '';

beforeAll(async () => {
  template = await makeMigratedDb();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fxRows = (db: string) => inspectDatabaseFile(db).rowCounts.fx_rates;

describe('aldea fx', () => {
  it('imports an ECB file, then knows it, and lists the rates with their age', async () => {
    const ws = workspaceWith(template);
    writeFileSync(join(ws.dir, 'daily.xml'), xml);
    const first = await runAldea(['fx', 'import', '--ecb', 'daily.xml', '--json'], { cwd: ws.dir });
    expect(first.code).toBe(0);
    expect(json(first)).toMatchObject({ inserted: 5, unchanged: 0, latestDay: dayAgo(1) });
    const again = await runAldea(['fx', 'import', '--ecb', 'daily.xml'], { cwd: ws.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported 0 new rate(s)');
    expect(again.stdout).toContain('5 already known');

    const list = await runAldea(['fx', 'list', '--json'], { cwd: ws.dir });
    const rates = json<{ base: string; quote: string; rate: string; freshness: string }[]>(list);
    expect(rates.find((r) => r.quote === 'MXN')).toMatchObject({
      base: 'EUR',
      rate: '21.4567',
      freshness: 'fresh',
    });
  });

  it('imports from a URL, and from the configured URL when given none', async () => {
    const ws = workspaceWith(template);
    const url = `${base}/eurofxref-daily.xml`;
    const r = await runAldea(['fx', 'import', '--ecb', url, '--json'], { cwd: ws.dir });
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ source: { url }, inserted: 5 });
    const configured = await runAldea(['fx', 'import', '--ecb'], {
      cwd: ws.dir,
      env: { ALDEA_ECB_URL: url },
    });
    expect(configured.code).toBe(0);
    expect(configured.stdout).toContain('5 already known');
  });

  it.each([
    ['a truncated file', xml.slice(0, xml.length / 2)],
    ['an HTML error page', '<html><body>Service unavailable</body></html>'],
    ['a negative rate', ecbXml(dayAgo(1), { USD: '-1.15' })],
    ['a rate written as an exponent', ecbXml(dayAgo(1), { USD: '1.1e2' })],
  ])('refuses %s (exit 3) and keeps the rates it had', async (_, text) => {
    const ws = workspaceWith(template);
    const db = openSqlite({ file: ws.db });
    await importEcbRates(platformContext(db), { xml });
    await db.close();
    writeFileSync(join(ws.dir, 'bad.xml'), text);
    const r = await runAldea(['fx', 'import', '--ecb', 'bad.xml'], { cwd: ws.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ECB rates rejected');
    expect(fxRows(ws.db)).toBe(5);
  });

  it('exits 4 for a missing file and 1 for a URL that answers with an error', async () => {
    const ws = workspaceWith(template);
    const missing = await runAldea(['fx', 'import', '--ecb', 'nope.xml'], { cwd: ws.dir });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('ECB file not found: nope.xml');
    const down = await runAldea(['fx', 'import', '--ecb', `${base}/down.xml`], { cwd: ws.dir });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('answered HTTP 503');
    expect(fxRows(ws.db)).toBe(0);
  });

  it('sets a manual rate, and refuses a bad one naming the argument', async () => {
    const ws = workspaceWith(template);
    const ok = await runAldea(['fx', 'set', 'USD', 'MXN', '19.85', '--json'], { cwd: ws.dir });
    expect(ok.code).toBe(0);
    expect(json(ok)).toMatchObject({ base: 'USD', quote: 'MXN', rate: '19.85', source: 'manual' });
    const bad = await runAldea(['fx', 'set', 'USD', 'XXX', 'abc'], { cwd: ws.dir });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('<quote>');
    expect(bad.stderr).toContain('<rate>');
    const noShop = await runAldea(['fx', 'set', 'USD', 'MXN', '19.9', '--shop', 'nowhere'], {
      cwd: ws.dir,
    });
    expect(noShop.code).toBe(4);
    expect(fxRows(ws.db)).toBe(1);
  });
});
