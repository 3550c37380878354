import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers of the fake: ids, bodies, JSON and Stripe-shaped errors. */

export const API_VERSION = '2026-10-28.endive';

export function rid(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString('hex')}`;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      data += c;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'request-id': rid('req') });
  res.end(text);
}

export function stripeError(res: ServerResponse, status: number, message: string, code?: string) {
  send(res, status, {
    error: { type: 'invalid_request_error', message, ...(code ? { code } : {}) },
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
