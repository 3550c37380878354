import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Database,
  importFxRates,
  isAldeaError,
  isPermanentMailError,
  isPermanentSmsError,
  listLatestRates,
  money,
  type OutgoingEmail,
  openSqlite,
  platformContext,
  type StartPaymentInput,
} from '@aldea/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMarketApp } from '../src/app.js';
import { type Bucket, bucketStorage } from '../src/extensions/bucket-storage.js';
import { httpMailer } from '../src/extensions/http-mailer.js';
import { jsonFeedProvider } from '../src/extensions/json-fx-provider.js';
import { jsonSmsSender } from '../src/extensions/json-sms-sender.js';
import { notifyingManualPayments } from '../src/extensions/notifying-payments.js';

/** A local HTTP server answering with `handler`; closed after each test. */
const servers: Server[] = [];
async function serveLocally(
  handler: (req: IncomingMessage, body: string, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => handler(req, body, res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
  );
});

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aldea-ext-'));
  db = openSqlite({ file: join(dir, 'ext.db') });
  await db.migrate();
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the extension guide', () => {
  it('shows each example file exactly as it is tested here', () => {
    const guide = readFileSync(
      new URL('../../../docs/extension-guide.md', import.meta.url),
      'utf8',
    );
    const folder = new URL('../src/extensions/', import.meta.url);
    for (const file of readdirSync(folder)) {
      const code = readFileSync(new URL(file, folder), 'utf8');
      expect(guide, file).toContain(code.trim());
    }
  });
});

describe('bucketStorage (MediaStorage)', () => {
  function memoryBucket(): Bucket & { objects: Map<string, { body: Uint8Array; type: string }> } {
    const objects = new Map<string, { body: Uint8Array; type: string }>();
    return {
      objects,
      put: async (key, body, type) => void objects.set(key, { body, type }),
      get: async (key) => objects.get(key)?.body,
      head: async (key) => {
        const o = objects.get(key);
        return o && { size: o.body.byteLength, lastModified: new Date('2026-11-25T00:00:00Z') };
      },
      delete: async (key) => void objects.delete(key),
    };
  }

  it('stores under its prefix with a content type, and the storefront serves from it', async () => {
    const bucket = memoryBucket();
    const storage = bucketStorage(bucket);
    const bytes = new Uint8Array([82, 73, 70, 70, 1, 2, 3]);
    await storage.put('shop_1/ab12cd34/w480.webp', bytes);
    expect(bucket.objects.get('aldea/shop_1/ab12cd34/w480.webp')?.type).toBe('image/webp');
    expect(await storage.stat('shop_1/ab12cd34/w480.webp')).toMatchObject({ bytes: 7 });

    const app = createMarketApp({ db, storage, quiet: true });
    const res = await app.request('/media/shop_1/ab12cd34/w480.webp');
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);

    await storage.delete('shop_1/ab12cd34/w480.webp');
    expect(await storage.get('shop_1/ab12cd34/w480.webp')).toBeUndefined();
  });

  it('never passes a malformed key to the bucket', async () => {
    const bucket = memoryBucket();
    const storage = bucketStorage(bucket);
    await expect(storage.put('../escape.webp', new Uint8Array([1]))).rejects.toThrow(/invalid/);
    expect(await storage.get('../../etc/passwd')).toBeUndefined();
    expect(await storage.openRead('a/../b.webp')).toBeUndefined();
    expect(bucket.objects.size).toBe(0);
  });
});

describe('httpMailer (Mailer)', () => {
  const email: OutgoingEmail = {
    from: 'Mercado Tlaloc <pedidos@tlaloc.example>',
    to: ['buyer@example.org'],
    subject: 'Pedido 1001',
    text: 'Gracias',
    html: '<p>Gracias</p>',
    messageId: '<ord_1.confirmed@tlaloc.example>',
  };

  it('posts the message as JSON with the token', async () => {
    const seen: { auth?: string; body: unknown }[] = [];
    const url = await serveLocally((req, body, res) => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(202).end();
    });
    await httpMailer({ url, token: 't0k' }).send(email);
    expect(seen).toEqual([{ auth: 'Bearer t0k', body: email }]);
  });

  it('marks a refusal permanent and a server error retryable', async () => {
    let status = 422;
    const url = await serveLocally((_req, _body, res) => res.writeHead(status).end());
    const mailer = httpMailer({ url, token: 't0k' });
    const refused = await mailer.send(email).catch((e: unknown) => e);
    expect(isPermanentMailError(refused)).toBe(true);
    status = 503;
    const down = await mailer.send(email).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(Error);
    expect(isPermanentMailError(down)).toBe(false);
  });
});

describe('jsonSmsSender (SmsSender)', () => {
  const sms = {
    to: '+524121234567',
    text: 'Chayo, abre tu tienda: https://x.example/i/AB12',
    id: 'obx_1',
  };

  it('posts the text as JSON with the key and the outbox id as reference', async () => {
    const seen: { auth?: string; body: unknown }[] = [];
    const url = await serveLocally((req, body, res) => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(201).end();
    });
    await jsonSmsSender({ url, key: 'k3y', sender: 'Aldea' }).send(sms);
    expect(seen).toEqual([
      {
        auth: 'Bearer k3y',
        body: { from: 'Aldea', to: sms.to, text: sms.text, reference: 'obx_1' },
      },
    ]);
  });

  it('gives up on a refused number and retries a busy or broken provider', async () => {
    let status = 400;
    const url = await serveLocally((_req, _body, res) => res.writeHead(status).end());
    const sender = jsonSmsSender({ url, key: 'k3y', sender: 'Aldea' });
    const verdicts: boolean[] = [];
    for (const s of [400, 429, 503]) {
      status = s;
      verdicts.push(isPermanentSmsError(await sender.send(sms).catch((e: unknown) => e)));
    }
    expect(verdicts).toEqual([true, false, false]);
  });
});

describe('jsonFeedProvider (FxRateProvider)', () => {
  it('imports the feed’s rates exactly, as the newest for each pair', async () => {
    const url = await serveLocally((_req, _body, res) =>
      res.end(
        JSON.stringify({ base: 'USD', date: '2026-11-24', rates: { MXN: '19.85', CNY: '7.1' } }),
      ),
    );
    const ctx = platformContext(db, { actor: { kind: 'system', name: 'fx-cron' } });
    const result = await importFxRates(ctx, jsonFeedProvider(url));
    expect(result).toMatchObject({ provider: 'json-feed', inserted: 2 });
    const latest = await listLatestRates(ctx, { currencies: ['USD', 'MXN'] });
    expect(latest.find((r) => r.base === 'USD' && r.quote === 'MXN')?.rate).toBe('19.85');
  });

  it('refuses a feed with float rates, storing nothing', async () => {
    const url = await serveLocally((_req, _body, res) =>
      res.end('{"base":"USD","date":"2026-11-24","rates":{"JPY":155.2}}'),
    );
    const ctx = platformContext(db, { actor: { kind: 'system', name: 'fx-cron' } });
    const err = await importFxRates(ctx, jsonFeedProvider(url)).catch((e: unknown) => e);
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    const latest = await listLatestRates(ctx, { currencies: ['USD', 'JPY'] });
    expect(latest).toEqual([]);
  });
});

describe('notifyingManualPayments (PaymentProvider)', () => {
  it('tells someone, then shows the buyer the usual instructions', async () => {
    const told: string[] = [];
    const provider = notifyingManualPayments(async (p) => void told.push(p.description));
    const input: StartPaymentInput = {
      paymentId: 'pay_1',
      shopId: 'shop_1',
      orderId: 'ord_1',
      orderNumber: 1001,
      amount: money(65000, 'MXN'),
      email: 'buyer@example.org',
      locale: 'es-MX',
      description: 'Pedido 1001 — Jarro de barro negro ×1',
      returnUrl: 'https://tlaloc.example/o/1',
      cancelUrl: 'https://tlaloc.example/o/1',
      expiresAt: new Date('2026-11-26T00:00:00Z'),
    };
    expect(provider.id).toBe('manual');
    expect(await provider.start(input)).toEqual({ kind: 'instructions' });
    expect(told).toEqual(['Pedido 1001 — Jarro de barro negro ×1']);
  });
});
