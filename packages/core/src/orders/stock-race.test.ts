import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../../test/support/checkout-children/bundle.js';
import { orderInvariantViolations } from '../../test/support/checkout-children/invariants.js';
import {
  makeCheckoutShop,
  makeMolcajete,
  reviewedCheckout,
  TEST_LINKS,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { fixedClock } from '../../test/support/factories.js';
import { placeOrder } from '../checkout/place-order.js';
import type { Database } from '../db/database.js';
import { openSqlite } from '../db/sqlite/open-sqlite.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { cancelOrder } from './cancel-order.js';
import { confirmManualPayment } from './confirm-manual-payment.js';
import { expireOrders } from './expire-orders.js';

const gateway = testGateway();
const dir = mkdtempSync(join(tmpdir(), 'aldea-race-'));
const file = join(dir, 'race.db');
const db: Database = openSqlite({ file, busyTimeoutMs: 30_000 });
await db.migrate();
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `n` buyers, each with a reviewed checkout for `quantity` of the variant. */
async function buyers(ctx: ShopContext, variantId: string, n: number, quantity = 1) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const { token, review } = await reviewedCheckout(ctx, {
      gateway,
      lines: [{ variantId, quantity }],
    });
    out.push({
      token,
      quoteId: review.quoteId,
      totalMinor: review.totals.totalMinor,
      currency: review.totals.currency,
    });
  }
  return out;
}

function yieldTimes(n: number): Promise<void> {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => new Promise<void>((r) => setImmediate(r)));
  return p;
}

describe('200 buyers race for stock 7', () => {
  it('in one process: exactly 7 succeed, stock never below 0, the sum is constant', async () => {
    const ctx = await makeCheckoutShop(db);
    const p = await makeMolcajete(ctx, 7);
    const variantId = p.variants[0]!.id;
    const all = await buyers(ctx, variantId, 200);
    // Each buyer arrives after a random number of event-loop turns.
    const results = await Promise.all(
      all.map(async (b) => {
        await yieldTimes(Math.floor(Math.random() * 20));
        return placeOrder(ctx, b.token, b, { gateway, links: TEST_LINKS });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok && r.reason === 'OUT_OF_STOCK')).toHaveLength(193);
    expect(
      (await orderInvariantViolations(db, ctx.shop.id, new Map([[variantId, 7]]))).join('\n'),
    ).toBe('');
  });

  it('from two OS processes sharing the SQLite file: exactly 7 succeed', async () => {
    const ctx = await makeCheckoutShop(db);
    const p = await makeMolcajete(ctx, 7);
    const variantId = p.variants[0]!.id;
    const all = await buyers(ctx, variantId, 200);
    const script = await bundleChild('race-buyers');
    const halves = [all.slice(0, 100), all.slice(100)].map((half, i) => {
      const path = join(dir, `tokens-${ctx.shop.id}-${i}.json`);
      writeFileSync(path, JSON.stringify(half));
      return path;
    });
    const run = (tokens: string) =>
      new Promise<{ placed: number; outOfStock: number; total: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [script, file, ctx.shop.id, tokens], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.stderr.on('data', (d) => {
          err += d;
        });
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child failed: ${err}`)),
        );
      });
    const [a, b] = await Promise.all(halves.map(run));
    expect(a!.placed + b!.placed).toBe(7);
    expect(a!.outOfStock + b!.outOfStock).toBe(193);
    expect(
      (await orderInvariantViolations(db, ctx.shop.id, new Map([[variantId, 7]]))).join('\n'),
    ).toBe('');
  }, 120_000);

  it('random interleavings of buying, paying, cancelling and expiring keep the invariants', async () => {
    const clock = fixedClock();
    const ctx = await makeCheckoutShop(db, { clock });
    // The sweeper runs as if the holds had run out; buyers keep the present (and fresh FX rates).
    const later = { now: () => new Date(clock.now().getTime() + 121 * 3_600_000) };
    const sweeper = platformContext(db, { clock: later });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 2 }),
            before: fc.nat(30),
            next: fc.constantFrom('nothing', 'confirm', 'cancel'),
            after: fc.nat(30),
          }),
          { minLength: 4, maxLength: 12 },
        ),
        fc.nat(60),
        async (stock, plan, sweepAfter) => {
          const p = await makeMolcajete(ctx, stock);
          const variantId = p.variants[0]!.id;
          const prepared = [];
          for (const step of plan) {
            prepared.push({ step, buyer: (await buyers(ctx, variantId, 1, step.quantity))[0]! });
          }
          await Promise.all([
            ...prepared.map(async ({ step, buyer }) => {
              await yieldTimes(step.before);
              const r = await placeOrder(ctx, buyer.token, buyer, { gateway, links: TEST_LINKS });
              if (!r.ok) return;
              await yieldTimes(step.after);
              if (step.next === 'confirm') await confirmManualPayment(ctx, r.order.id);
              if (step.next === 'cancel') {
                await cancelOrder(ctx, r.order.id, {}, { gateway }).catch(
                  (e: { code?: string }) => {
                    if (e.code !== 'CONFLICT') throw e; // expired meanwhile: a legal refusal
                  },
                );
              }
            }),
            yieldTimes(sweepAfter).then(() => expireOrders(sweeper, { gateway })),
          ]);
          const violations = await orderInvariantViolations(
            db,
            ctx.shop.id,
            new Map([[variantId, stock]]),
          );
          expect(violations.join('\n')).toBe('');
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
