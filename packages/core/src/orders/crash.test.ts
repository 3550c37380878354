import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../../test/support/checkout-children/bundle.js';
import { orderInvariantViolations } from '../../test/support/checkout-children/invariants.js';
import { makeCheckoutShop, makeMolcajete } from '../../test/support/checkout-factories.js';
import { openSqlite } from '../db/sqlite/open-sqlite.js';

const KILLS = 100;
const dir = mkdtempSync(join(tmpdir(), 'aldea-crash-'));
const file = join(dir, 'crash.db');
const db = openSqlite({ file, busyTimeoutMs: 30_000 });
await db.migrate();
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function turns(n: number): Promise<void> {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => new Promise<void>((r) => setImmediate(r)));
  return p;
}

/** Starts the buyer, lets it get `lines` lines of work done plus a few turns, then SIGKILLs it. */
async function runAndKill(script: string, args: string[], lines: number, extraTurns: number) {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const reader = createInterface({ input: child.stdout! });
  let seen = -1; // the 'ready' line does not count
  const done = new Promise<void>((resolve) => {
    reader.on('line', () => {
      seen++;
      if (seen >= lines) resolve();
    });
    void exited.then(() => resolve());
  });
  await done;
  await turns(extraTurns);
  child.kill('SIGKILL');
  const code = await exited;
  reader.close();
  if (code !== null && stderr) throw new Error(`buyer crashed on its own: ${stderr}`);
  return seen;
}

describe('crash: a buyer process killed with SIGKILL at random points', () => {
  it(`leaves no half-written order and keeps the invariants, ${KILLS} times`, async () => {
    const ctx = await makeCheckoutShop(db);
    const plenty = await makeMolcajete(ctx, 10_000);
    const more = await makeMolcajete(ctx, 10_000);
    const scarce = await makeMolcajete(ctx, 3);
    const stock = new Map([
      [plenty.variants[0]!.id, 10_000],
      [more.variants[0]!.id, 10_000],
      [scarce.variants[0]!.id, 3],
    ]);
    const script = await bundleChild('crash-buyer');
    const args = [file, ctx.shop.id, [...stock.keys()].join(',')];
    let work = 0;
    for (let i = 0; i < KILLS; i++) {
      work += await runAndKill(
        script,
        args,
        Math.floor(Math.random() * 4),
        Math.floor(Math.random() * 300),
      );
      const violations = await orderInvariantViolations(db, ctx.shop.id, stock);
      expect(violations.join('\n'), `after kill ${i + 1}`).toBe('');
    }
    const orders = await db.read.get<{ n: number }>(
      sql`select count(*) as n from orders where shop_id = ${ctx.shop.id}`,
    );
    // The buyers did get work done between the kills.
    expect(work).toBeGreaterThan(0);
    expect(orders!.n).toBeGreaterThan(0);
  }, 900_000);
});
