import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAs } from '../../test/support/catalog-factories.js';
import {
  makeCheckoutShop,
  placeOneMolcajete,
  testGateway,
} from '../../test/support/checkout-factories.js';
import { fixedClock } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import { confirmManualPayment } from '../orders/confirm-manual-payment.js';
import { outbox } from '../schema/platform.js';
import { platformContext, type ShopContext } from '../tenancy/context.js';
import { deliverOutbox } from './deliver-outbox.js';
import { type Mailer, smtpMailer } from './mailer.js';

interface Received {
  to: string[];
  raw: string;
}

const received: Received[] = [];
/** Replies for the next messages: a code makes the server refuse with it. */
const refusals: number[] = [];
let server: SMTPServer;
let mailer: Mailer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        const code = refusals.shift();
        if (code) {
          const err = Object.assign(new Error(code >= 500 ? 'no such mailbox' : 'try later'), {
            responseCode: code,
          });
          return callback(err);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = smtpMailer({ host: '127.0.0.1', port, ignoreTLS: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const db = await makeTestDb();
const gateway = testGateway();
const clock = fixedClock();
const worker = platformContext(db, { clock });
const opts = {
  get mailer() {
    return mailer;
  },
  from: 'Aldea <orders@aldea.test>',
  publicUrl: 'https://aldea.test',
};

async function shopWithOwner(): Promise<ShopContext> {
  const ctx = await makeCheckoutShop(db, { clock });
  await contextAs(ctx, 'owner');
  return ctx;
}

function order(ctx: ShopContext) {
  return placeOneMolcajete(ctx, gateway);
}

/** Decodes RFC 2047 `=?UTF-8?Q?…?=` words (non-ASCII subjects). */
function decodeHeader(value: string): string {
  return value
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
      Buffer.from(
        q
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (_m, h: string) =>
            String.fromCharCode(Number.parseInt(h, 16)),
          ),
        'latin1',
      ).toString('utf8'),
    )
    .replace(/\u00a0/g, ' ');
}

const subjects = (list: Received[]) =>
  list.map((m) => decodeHeader(/^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '')).sort();

describe('the outbox worker over real SMTP', () => {
  it('sends the buyer’s instructions and the seller’s new-order email, each exactly once', async () => {
    // Drain whatever earlier tests left.
    await deliverOutbox(worker, { ...opts, mailer: { send: async () => {}, close() {} } });
    received.length = 0;
    const ctx = await shopWithOwner();
    const { placed } = await order(ctx);
    const first = await deliverOutbox(worker, opts);
    expect(first).toEqual({ sent: 2, retried: 0, failed: 0 });
    // The buyer reads English (their checkout's language); the seller the shop's Spanish.
    expect(subjects(received)).toEqual([
      `Order ${placed.order.number} at Molcajete Workshop: how to pay`,
      `Pedido nuevo ${placed.order.number}: EUR ${(placed.order.totalMinor / 100).toFixed(2)}`,
    ]);
    const buyerMail = received.find((m) => m.to.includes('ana@example.be'))!;
    const body = buyerMail.raw.replace(/=\r\n/g, '').replace(/=3D/g, '='); // quoted-printable
    expect(body).toContain(placed.order.paymentReference);
    expect(body).toContain(`https://aldea.test${placed.order.statusPath}`);
    expect(body).toContain('CLABE'); // the shop's bank details
    const sellerMail = received.find((m) => !m.to.includes('ana@example.be'))!;
    expect(sellerMail.to[0]).toMatch(/^owner-.*@example\.test$/);
    // Nothing is ever sent twice.
    expect(await deliverOutbox(worker, opts)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);

    await confirmManualPayment(ctx, placed.order.id);
    await confirmManualPayment(ctx, placed.order.id);
    expect((await deliverOutbox(worker, opts)).sent).toBe(1);
    expect(subjects(received.slice(2))).toEqual([
      `Order ${placed.order.number} at Molcajete Workshop is confirmed`,
    ]);
  });

  it('retries a temporary SMTP failure later, and delivers once', async () => {
    await deliverOutbox(worker, opts);
    received.length = 0;
    const ctx = await shopWithOwner();
    await order(ctx);
    refusals.push(451, 451);
    const first = await deliverOutbox(worker, opts);
    expect(first).toEqual({ sent: 0, retried: 2, failed: 0 });
    expect(await deliverOutbox(worker, opts)).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    clock.advance(60_000);
    expect(await deliverOutbox(worker, opts)).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(received).toHaveLength(2);
    const rows = await db.read.select().from(outbox).where(eq(outbox.shopId, ctx.shop.id));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 2)).toBe(true);
  });

  it('gives up at once on a permanent failure (5xx)', async () => {
    await deliverOutbox(worker, opts);
    const ctx = await shopWithOwner();
    await order(ctx);
    refusals.push(550, 550);
    expect(await deliverOutbox(worker, opts)).toEqual({ sent: 0, retried: 0, failed: 2 });
    clock.advance(3_600_000);
    expect((await deliverOutbox(worker, opts)).sent).toBe(0);
    const rows = await db.read.select().from(outbox).where(eq(outbox.shopId, ctx.shop.id));
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows[0]!.lastError).toContain('no such mailbox');
  });

  it('two workers running at once never send the same email twice', async () => {
    await deliverOutbox(worker, opts);
    received.length = 0;
    const ctx = await shopWithOwner();
    for (let i = 0; i < 5; i++) await order(ctx);
    const results = await Promise.all([
      deliverOutbox(worker, { ...opts, limit: 4 }),
      deliverOutbox(worker, { ...opts, limit: 4 }),
      deliverOutbox(worker, { ...opts, limit: 4 }),
    ]);
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(10);
    const ids = received.map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1]);
    expect(new Set(ids).size).toBe(10);
  });
});

describe('the default renderers', () => {
  it('deliver a password-reset email without the caller listing its kind', async () => {
    await deliverOutbox(worker, opts);
    received.length = 0;
    const { createUser } = await import('../tenancy/users.js');
    const { requestPasswordReset } = await import('../auth/password-reset.js');
    const email = `reset-${Date.now()}@aldea.test`;
    await createUser(worker, { name: 'Lupita', email, locale: 'es-MX' });
    await requestPasswordReset(
      worker,
      { identifier: email },
      { resetUrl: (t) => `https://aldea.test/admin/reset/${t}` },
    );
    expect(await deliverOutbox(worker, opts)).toMatchObject({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual([[email]]);
  });

  it('deliver an emailed invitation to a seller', async () => {
    const { twoVillages, LINKS } = await import('../onboarding/testing/world.js');
    const { createInvitation } = await import('../onboarding/create-invitation.js');
    await deliverOutbox(worker, opts);
    received.length = 0;
    const w = await twoVillages(db);
    await createInvitation(
      w.mariana,
      { villageId: w.comonfort.id, email: 'chayo@aldea.test', name: 'Rosario' },
      { links: LINKS },
    );
    expect(await deliverOutbox(worker, opts)).toMatchObject({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual([['chayo@aldea.test']]);
  });
});
