import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@aldea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsSenderFromConfig } from './sms-sender.js';

const SID = `AC${'ab'.repeat(16)}`;
const requests: { url?: string; auth?: string; form: URLSearchParams }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (c: Buffer) => {
    body += c.toString('utf8');
  });
  req.on('end', () => {
    requests.push({
      url: req.url,
      auth: req.headers.authorization,
      form: new URLSearchParams(body),
    });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sid: `SM${'0'.repeat(32)}`, status: 'queued' }));
  });
});
let baseUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (env: Record<string, string>) =>
  loadConfig({ env: { ALDEA_PUBLIC_URL: 'https://shops.example.org', ...env }, cwd: '/' }).config;

describe('smsSenderFromConfig', () => {
  it('is undefined when SMS is not configured', () => {
    expect(smsSenderFromConfig(config({}))).toBeUndefined();
  });

  it('sends through the configured URL with the configured account', async () => {
    const sender = smsSenderFromConfig(
      config({
        ALDEA_SMS_URL: baseUrl,
        ALDEA_TWILIO_ACCOUNT_SID: SID,
        ALDEA_TWILIO_AUTH_TOKEN: 'tok3n-s3cret-value',
        ALDEA_SMS_FROM: 'Aldea',
      }),
    );
    await sender!.send({ to: '+5214151234567', text: 'Hola', id: 'outbox_1' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(requests[0]!.auth).toBe(
      `Basic ${Buffer.from(`${SID}:tok3n-s3cret-value`).toString('base64')}`,
    );
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      To: '+5214151234567',
      From: 'Aldea',
      Body: 'Hola',
    });
  });
});
