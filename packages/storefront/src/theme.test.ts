import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, isAldeaError, memoryStorage, openSqlite, type Theme } from '@aldea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorefront } from './create-storefront.js';
import { STOREFRONT_PALETTE, STOREFRONT_VARIABLES } from './theme.js';

const THEME: Theme = {
  brandName: 'Mercado Tlaloc',
  colors: { primary: '#0b5a3c', background: '#fffdf7' },
  logoUrl: 'https://cdn.tlaloc.example/logo.svg',
  fontStack: '"Noto Serif", Georgia, serif',
};

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aldea-sf-theme-'));
  db = openSqlite({ file: join(dir, 'aldea.db') });
  await db.migrate();
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

// Quiet access lines; an error line would fail the test that caused it.
const quiet = {
  info: () => {},
  error: (event: string, fields: object) => {
    throw new Error(`${event}: ${JSON.stringify(fields)}`);
  },
};
const storefront = (theme?: Theme) =>
  createStorefront({ db, storage: memoryStorage(), logger: quiet, ...(theme ? { theme } : {}) });

describe('the defaults a theme falls back to', () => {
  it('are the custom properties app.css declares', () => {
    const css = readFileSync(new URL('./assets/app.css', import.meta.url), 'utf8');
    const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
    for (const [key, variable] of Object.entries(STOREFRONT_VARIABLES)) {
      const declared = new RegExp(`${variable}:\\s*(#[0-9a-f]+);`, 'i').exec(root)?.[1];
      expect(declared, variable).toBeDefined();
      expect(STOREFRONT_PALETTE[key as keyof typeof STOREFRONT_VARIABLES]).toBe(
        declared?.length === 4 ? `#${[...declared.slice(1)].map((c) => c + c).join('')}` : declared,
      );
    }
  });
});

describe('createStorefront({ theme })', () => {
  it('links the theme stylesheet after its own and shows the brand name and logo', async () => {
    const res = await storefront(THEME).request('/');
    const html = await res.text();
    expect(res.status).toBe(200);
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toMatch(/^\/assets\/theme\.[0-9a-f]{12}\.css$/);
    expect(html).toContain('<img class="brand-logo" src="https://cdn.tlaloc.example/logo.svg"');
    expect(html).toMatch(/<title>[^<]* · Mercado Tlaloc<\/title>/);
    expect(html).not.toMatch(/>Aldea</);
    // The logo's origin is allowed for images, and nothing else is loosened.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: https://cdn.tlaloc.example");
    expect(csp).toContain("style-src 'self'");
  });

  it('serves the theme as CSS custom properties, cached forever', async () => {
    const app = storefront(THEME);
    const html = await (await app.request('/')).text();
    const href = /href="(\/assets\/theme\.[^"]+)"/.exec(html)?.[1] ?? '';
    const res = await app.request(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const css = await res.text();
    expect(css).toContain(':root{--accent:#0b5a3c;--paper:#fffdf7}');
    expect(css).toContain('body{font-family:"Noto Serif", Georgia, serif}');
    expect(css).toContain('.brand-logo{');
  });

  it('answers 404 for a theme stylesheet of another fingerprint', async () => {
    expect((await storefront(THEME).request('/assets/theme.000000000000.css')).status).toBe(404);
    expect((await storefront().request('/assets/theme.000000000000.css')).status).toBe(404);
  });

  it('without a theme, keeps its own look and name', async () => {
    const html = await (await storefront().request('/')).text();
    expect(html).not.toContain('/assets/theme.');
    expect(html).not.toContain('brand-logo');
    expect(html).toMatch(/class="brand"[^>]*>Aldea</);
  });

  it('refuses a bad theme when created, naming each field', () => {
    try {
      storefront({ colors: { primary: '#ffff00' }, logoUrl: 'javascript:alert(1)' });
      expect.unreachable();
    } catch (err) {
      expect(isAldeaError(err, 'VALIDATION')).toBe(true);
      const paths = (err as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(['logoUrl']);
    }
    try {
      storefront({ colors: { primary: '#ffff00' } });
      expect.unreachable();
    } catch (err) {
      expect((err as { issues: { path: string }[] }).issues[0]?.path).toBe('colors.primary');
    }
  });
});
