import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { makeApiWorld } from './support/api-world.js';

type Op = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};

async function documentOf() {
  const w = await makeApiWorld();
  const res = await w.app.request('/api/openapi.json');
  // biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document
  const doc: any = await res.json();
  const ops: { method: string; path: string; op: Op }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>)) {
    for (const [method, op] of Object.entries(item)) ops.push({ method, path, op });
  }
  return { w, res, doc, ops };
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every operation named, tagged, summarised and answered', async () => {
    const { doc, ops } = await documentOf();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(ops.length).toBeGreaterThanOrEqual(30);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      const where = `${method} ${path}`;
      expect(op.operationId, where).toBeTruthy();
      expect(op.tags?.length, where).toBe(1);
      expect(op.summary, where).toBeTruthy();
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('2')),
        where,
      ).toBe(true);
      for (const s of ['400', '429', '500']) expect(op.responses[s], `${where} ${s}`).toBeDefined();
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) >= 400) {
          expect(r.content?.['application/problem+json']?.schema.$ref, `${where} ${status}`).toBe(
            '#/components/schemas/Problem',
          );
        }
      }
      if (method === 'get') expect(op.responses['304'], where).toBeDefined();
      if (op.requestBody) {
        expect(op.responses['413'], where).toBeDefined();
        expect(op.responses['415'], where).toBeDefined();
      }
    }
  });

  it('declares one scope on every token operation, with 401 and 403', async () => {
    const { doc, ops } = await documentOf();
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const tokenOps = ops.filter((o) => /^\/v1\/(admin|fx)\//.test(o.path));
    expect(tokenOps.length).toBeGreaterThan(20);
    for (const { method, path, op } of tokenOps) {
      expect(op.security, `${method} ${path}`).toEqual([
        { bearerToken: [expect.stringMatching(/^[a-z]+:(read|write)$/)] },
      ]);
      expect(op.responses['401'] && op.responses['403'], `${method} ${path}`).toBeTruthy();
    }
    for (const { op } of ops.filter((o) => !tokenOps.includes(o)))
      expect(op.security).toBeUndefined();
  });

  it('compiles as JSON Schema 2020-12, and the validator used by every test does reject a wrong body', async () => {
    const { w, doc } = await documentOf();
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(doc, 'openapi');
    for (const name of Object.keys(doc.components.schemas)) {
      expect(
        () => ajv.compile({ $ref: `openapi#/components/schemas/${name}` }),
        name,
      ).not.toThrow();
    }
    const path = '/api/v1/shops/x';
    expect(() => w.spec.check('get', path, 200, 'application/json', '{"id":1}')).toThrow();
    expect(() => w.spec.check('get', path, 201, 'application/json', '{}')).toThrow(/not declared/);
    expect(() => w.spec.check('get', path, 404, 'application/json', '{}')).toThrow(/media type/);
    expect(() => w.spec.check('get', path, 304, null, 'body')).toThrow(/without content/);
  });

  it('is served with an ETag', async () => {
    const { w, res } = await documentOf();
    const tag = res.headers.get('etag')!;
    const again = await w.app.request('/api/openapi.json', { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
  });
});

describe('the reference page', () => {
  it('lists every operation and problem type, server-rendered, without scripts', async () => {
    const { w, ops } = await documentOf();
    const res = await w.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    for (const { path, op } of ops) {
      expect(html).toContain(`id="${op.operationId}"`);
      expect(html).toContain(path);
    }
    expect(html).toContain('id="problem-rate-limited"');
    const css = await w.app.request('/api/docs.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});
