import { readFileSync } from 'node:fs';
import { type Database, isAldeaError, memoryStorage, type Theme } from '@aldea/core';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDb } from '../test/support/db.js';
import { createAdmin } from './create-admin.js';
import { ADMIN_PALETTE, ADMIN_VARIABLES } from './theme.js';

const THEME: Theme = {
  brandName: 'Mercado Tlaloc',
  colors: { primary: '#7a2e0e', surface: '#fffdf7' },
  logoUrl: 'https://cdn.tlaloc.example/logo.svg',
  fontStack: 'Inter, system-ui, sans-serif',
};

let db: Database;
beforeAll(async () => {
  db = await makeDb();
});

function mounted(theme?: Theme): Hono {
  const app = new Hono();
  const admin = createAdmin({
    db,
    storage: memoryStorage(),
    logger: () => {},
    ...(theme ? { theme } : {}),
  });
  app.route('/admin', admin);
  return app;
}

describe('the defaults a theme falls back to', () => {
  it('are the custom properties admin.css declares', () => {
    const css = readFileSync(new URL('./assets/admin.css', import.meta.url), 'utf8');
    const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
    for (const [key, variable] of Object.entries(ADMIN_VARIABLES)) {
      const declared = new RegExp(`${variable}:\\s*(#[0-9a-f]+);`, 'i').exec(root)?.[1] ?? '';
      const long =
        declared.length === 4 ? `#${[...declared.slice(1)].map((c) => c + c).join('')}` : declared;
      expect(ADMIN_PALETTE[key as keyof typeof ADMIN_VARIABLES], variable).toBe(long);
    }
  });
});

describe('createAdmin({ theme })', () => {
  it('brands the sign-in page: stylesheet after admin.css, name, logo, CSP for the logo only', async () => {
    const res = await mounted(THEME).request('/admin/login');
    const html = await res.text();
    expect(res.status).toBe(200);
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toMatch(/^\/admin\/assets\/theme\.[0-9a-f]{12}\.css$/);
    expect(html).toContain('<img class="brand-logo" src="https://cdn.tlaloc.example/logo.svg"');
    expect(html).toMatch(/<title>[^<]* · Mercado Tlaloc<\/title>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: blob: https://cdn.tlaloc.example");
    expect(csp).toContain("style-src 'self'");
  });

  it('serves the theme stylesheet under its base path, cached forever', async () => {
    const app = mounted(THEME);
    const html = await (await app.request('/admin/login')).text();
    const href = /href="(\/admin\/assets\/theme\.[^"]+)"/.exec(html)?.[1] ?? '';
    const res = await app.request(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const css = await res.text();
    expect(css).toContain(':root{--accent:#7a2e0e;--card:#fffdf7}');
    expect(css).toContain('body{font-family:Inter, system-ui, sans-serif}');
  });

  it('without a theme, keeps its own look and name', async () => {
    const app = mounted();
    const html = await (await app.request('/admin/login')).text();
    expect(html).not.toContain('/assets/theme.');
    expect(html).toMatch(/class="brand"[^>]*>Aldea</);
    expect((await app.request('/admin/assets/theme.000000000000.css')).status).toBe(404);
  });

  it('refuses a bad theme when created, naming the field', () => {
    try {
      mounted({ colors: { primary: '#0b6b50', text: '#eeeeee' } });
      expect.unreachable();
    } catch (err) {
      expect(isAldeaError(err, 'VALIDATION')).toBe(true);
      expect((err as { issues: { path: string }[] }).issues[0]?.path).toBe('colors.text');
    }
  });
});
