import { describe, expect, it } from 'vitest';
import { safeJson } from './json-ld.js';

describe('safeJson', () => {
  it('cannot close the script element or open a comment, and still parses to the same value', () => {
    const value = {
      name: '</script><script>alert(1)</script><!--',
      note: 'a & b > c',
      sep: '\u2028\u2029',
    };
    const json = safeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
