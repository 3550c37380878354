import { describe, expect, it } from 'vitest';
import {
  decodeListCursor,
  decodeSearchCursor,
  encodeListCursor,
  encodeSearchCursor,
} from './cursor.js';

const id = 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha';

describe('cursors', () => {
  it('round-trip', () => {
    const list = { createdAt: 1_795_620_423_307, id };
    expect(decodeListCursor(encodeListCursor(list))).toEqual(list);
    const search = { tier: 1, createdAt: 0, id };
    expect(decodeSearchCursor(encodeSearchCursor(search))).toEqual(search);
  });

  it('are opaque base64url', () => {
    expect(encodeListCursor({ createdAt: 1, id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it.each([
    ['empty', ''],
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['a number', b64(42)],
    ['a search cursor', encodeSearchCursor({ tier: 0, createdAt: 1, id })],
    ['an extra field', b64({ k: 'l', c: 1, i: id, x: 1 })],
    ['a negative time', b64({ k: 'l', c: -1, i: id })],
    ['a float time', b64({ k: 'l', c: 1.5, i: id })],
    ['another kind of id', b64({ k: 'l', c: 1, i: 'shop_01jd3k8w2x9m4q7rtv5bz6c8ha' })],
    ['SQL in the id', b64({ k: 'l', c: 1, i: "prod_1' or 1=1 --" })],
    ['a huge string', 'A'.repeat(10_000)],
  ])('refuses %s with VALIDATION on cursor', (_, cursor) => {
    expect(() => decodeListCursor(cursor)).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: 'cursor' })],
      }),
    );
  });

  it('refuses a listing cursor for a search', () => {
    expect(() => decodeSearchCursor(encodeListCursor({ createdAt: 1, id }))).toThrowError(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
