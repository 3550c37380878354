import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShop, createVillage, openSqlite, platformContext } from '@aldea/core';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMigratedDb } from '../../test/support/migrated-db.js';
import { json, runAldea, workspaceWith } from '../../test/support/run-aldea.js';

const FIXTURES = new URL('../../../core/test/fixtures/csv/', import.meta.url).pathname;

/** A workspace whose database has Comonfort and one MXN workshop. */
async function comonfort(template: string) {
  const ws = workspaceWith(template);
  const db = openSqlite({ file: ws.db });
  const ctx = platformContext(db);
  const v = await createVillage(ctx, {
    slug: 'comonfort',
    country: 'MX',
    defaultLocale: 'es-MX',
    defaultCurrency: 'MXN',
    texts: { 'es-MX': { name: 'Comonfort' } },
  });
  await createShop(ctx, {
    villageId: v.id,
    slug: 'taller-piedra-negra',
    baseCurrency: 'MXN',
    defaultLocale: 'es-MX',
    texts: { 'es-MX': { name: 'Taller' } },
  });
  await db.close();
  return ws;
}

async function count(file: string, table: string): Promise<number> {
  const db = openSqlite({ file });
  try {
    return (await db.read.get<{ n: number }>(
      sql`select count(*) as n from ${sql.identifier(table)}`,
    ))!.n;
  } finally {
    await db.close();
  }
}

describe('aldea import (real processes)', () => {
  let template: string;
  beforeAll(async () => {
    template = await makeMigratedDb();
  });

  it('checks, imports and re-imports a product sheet by SKU', async () => {
    const ws = await comonfort(template);
    const file = join(FIXTURES, 'products/good-semicolon.csv');
    const dry = await runAldea(
      ['import', 'products', file, '--shop', 'taller-piedra-negra', '--dry-run', '--json'],
      { cwd: ws.dir },
    );
    expect(dry.code).toBe(0);
    expect(json(dry)).toMatchObject({
      created: 2,
      written: false,
      errors: 0,
      file: { delimiter: ';' },
    });
    expect(await count(ws.db, 'products')).toBe(0);
    const done = await runAldea(['import', 'products', file, '--shop', 'taller-piedra-negra'], {
      cwd: ws.dir,
    });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Imported: 3 row(s) — 2 new');
    const again = await runAldea(
      ['import', 'products', file, '--shop', 'taller-piedra-negra', '--json'],
      { cwd: ws.dir },
    );
    expect(json(again)).toMatchObject({ created: 0, unchanged: 2 });
    expect(await count(ws.db, 'products')).toBe(2);
  });

  it('exits 3 with every problem worded in the chosen language, writing nothing', async () => {
    const ws = await comonfort(template);
    const file = join(FIXTURES, 'products/malformed/bad-price.csv');
    const r = await runAldea(
      ['import', 'products', file, '--shop', 'taller-piedra-negra', '--locale', 'es-MX'],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Fila 2, columna price: "ochocientos" no es un precio en MXN.');
    expect(r.stderr).toContain('3 problem(s) in bad-price.csv; nothing was written');
    expect(await count(ws.db, 'products')).toBe(0);
    const missing = await runAldea(
      ['import', 'products', 'nope.csv', '--shop', 'taller-piedra-negra'],
      { cwd: ws.dir },
    );
    expect(missing.code).toBe(4);
    const noShop = await runAldea(['import', 'products', file, '--shop', 'no-such-shop'], {
      cwd: ws.dir,
    });
    expect(noShop.code).toBe(4);
  });

  it('invites sellers for printing and lists their codes once', async () => {
    const ws = await comonfort(template);
    const sheet = join(ws.dir, 'talleres.csv');
    writeFileSync(
      sheet,
      'nombre;telefono;tienda\nRosario Pérez;+52 412 555 0001;Molcajetes Rosario\nTomás Vargas;;Piedra y Fuego\n',
    );
    const r = await runAldea(['import', 'sellers', sheet, '--village', 'comonfort', '--print'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Rosario Pérez\t[0-9A-Z]{5}-[0-9A-Z]{5}\thttp:\/\/localhost:3000\/admin\/invite\/comonfort\//,
    );
    expect(r.stdout).toContain('Tomás Vargas');
    expect(await count(ws.db, 'invitations')).toBe(2);
  });
});
