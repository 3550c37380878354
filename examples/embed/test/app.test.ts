import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, memoryStorage, openSqlite } from '@aldea/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarketApp } from '../src/app.js';
import { seedIfEmpty } from '../src/seed.js';

let dir: string;
let db: Database;
let app: Hono;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aldea-embed-'));
  db = openSqlite({ file: join(dir, 'market.db') });
  await db.migrate();
  expect(await seedIfEmpty(db)).toBe(true);
  app = createMarketApp({ db, storage: memoryStorage(), quiet: true });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = async (path: string) => {
  const res = await app.request(`http://localhost${path}`);
  return { status: res.status, body: await res.text(), res };
};

describe('Aldea inside the cooperative’s Hono app', () => {
  it('keeps the host app’s own routes', async () => {
    expect(await text('/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect((await text('/about')).body).toContain('Mercado Tlaloc');
    const logo = await text('/brand/logo.svg');
    expect(logo.res.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves the seeded shop in the cooperative’s colours, with prices converted', async () => {
    const page = await text('/s/casa-barro/p/jarro-barro-negro?lang=en&currency=USD');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Black clay jug');
    // 650 MXN × 0.0545 = 35.43 USD, rounded the way USD prices look: 34.99.
    expect(page.body).toContain('<span class="price">$34.99</span>');
    const sheet = /href="(\/assets\/theme\.[0-9a-f]+\.css)"/.exec(page.body)?.[1] ?? '';
    expect((await text(sheet)).body).toContain('--accent:#0b5a5a');
    const home = await text('/');
    expect(home.body).toContain('<img class="brand-logo" src="/brand/logo.svg"');
    expect(home.body).toContain('Mercado Tlaloc');
  });

  it('serves the admin’s sign-in page in the same theme', async () => {
    const login = await text('/admin/login');
    expect(login.status).toBe(200);
    const sheet = /href="(\/admin\/assets\/theme\.[0-9a-f]+\.css)"/.exec(login.body)?.[1] ?? '';
    expect((await text(sheet)).body).toContain('--accent:#0b5a5a');
    expect(login.body).toMatch(/<title>[^<]*Mercado Tlaloc<\/title>/);
  });

  it('serves the JSON API and its OpenAPI document under /api', async () => {
    const doc = await text('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(JSON.parse(doc.body).openapi).toMatch(/^3\.1/);
  });

  it('seeds only an empty database', async () => {
    expect(await seedIfEmpty(db)).toBe(false);
  });
});
