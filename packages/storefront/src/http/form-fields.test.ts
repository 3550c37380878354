import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { formFields } from './form-fields.js';
import { bodyLimitGuard } from './guards.js';

const app = new Hono()
  .use(bodyLimitGuard(1024))
  .post('/', async (c) => c.json(await formFields(c, ['a', 'b', 'missing'])));

const post = (body: RequestInit['body'], headers: Record<string, string> = {}) =>
  app.request('/', { method: 'POST', body, headers });

describe('formFields', () => {
  it('reads a urlencoded form: trimmed, the last of a repeated name, absent as empty', async () => {
    const res = await post('a=+one+&b=x&b=%3Cb%3E', {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
    });
    expect(await res.json()).toEqual({ a: 'one', b: '<b>', missing: '' });
  });

  it('reads a multipart form the same way, and a file as empty', async () => {
    const form = new FormData();
    form.append('a', ' two ');
    form.append('b', new Blob(['x']), 'x.txt');
    expect(await (await post(form)).json()).toEqual({ a: 'two', b: '', missing: '' });
  });
});

describe('bodyLimitGuard', () => {
  const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

  it('lets a declared length within the limit through', async () => {
    expect((await post('a=1', urlencoded)).status).toBe(200);
  });

  it('refuses a declared length over the limit with 413, without reading the body', async () => {
    const res = await post(`a=${'x'.repeat(2000)}`, urlencoded);
    expect(res.status).toBe(413);
  });

  it('refuses a malformed Content-Length', async () => {
    const res = await app.request('/', {
      method: 'POST',
      body: 'a=1',
      headers: { ...urlencoded, 'content-length': '3x' },
    });
    expect(res.status).toBe(413);
  });

  it('counts a chunked body as it reads, refusing one over the limit', async () => {
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode(text));
          c.close();
        },
      });
    const small = await app.request('/', {
      method: 'POST',
      body: chunked('a=ok'),
      headers: { ...urlencoded, 'transfer-encoding': 'chunked' },
      duplex: 'half',
    } as RequestInit);
    expect(await small.json()).toMatchObject({ a: 'ok' });
    const large = await app.request('/', {
      method: 'POST',
      body: chunked(`a=${'x'.repeat(2000)}`),
      headers: { ...urlencoded, 'transfer-encoding': 'chunked' },
      duplex: 'half',
    } as RequestInit);
    expect(large.status).toBe(413);
  });
});
