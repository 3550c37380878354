import { describe, expect, it } from 'vitest';
import { escapeLike, parseSearchQuery } from './search-query.js';

describe('parseSearchQuery', () => {
  it('quotes each term for FTS5 and builds a title-only variant', () => {
    expect(parseSearchQuery('  Molcajete   volcánica ')).toEqual({
      kind: 'fts',
      terms: ['Molcajete', 'volcánica'],
      match: '"Molcajete" "volcánica"',
      titleMatch: 'title : ("Molcajete" "volcánica")',
    });
  });

  it('keeps Chinese terms of three characters for FTS', () => {
    expect(parseSearchQuery('山核桃')).toMatchObject({ kind: 'fts', match: '"山核桃"' });
  });

  it('falls back to LIKE when a term is shorter than 3 characters', () => {
    expect(parseSearchQuery('核桃')).toEqual({
      kind: 'like',
      terms: ['核桃'],
      patterns: ['%核桃%'],
    });
    expect(parseSearchQuery('molcajete 5%')).toEqual({
      kind: 'like',
      terms: ['molcajete', '5%'],
      patterns: ['%molcajete%', '%5\\%%'],
    });
  });

  it('neutralises FTS5 syntax', () => {
    const q = parseSearchQuery('"a OR b" NEAR(x) title:foo *bar -baz');
    expect(q?.kind).toBe('like'); // "a", "b", "x" are short
    const fts = parseSearchQuery('title:molcajete NOT piedra');
    expect(fts).toMatchObject({ kind: 'fts', match: '"title" "molcajete" "NOT" "piedra"' });
  });

  it('returns undefined for blank or syntax-only queries', () => {
    expect(parseSearchQuery('')).toBeUndefined();
    expect(parseSearchQuery('  " * ( ) ')).toBeUndefined();
  });

  it('uses at most 8 terms', () => {
    const q = parseSearchQuery(Array.from({ length: 20 }, (_, i) => `term${i}`).join(' '));
    expect(q?.terms).toHaveLength(8);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
