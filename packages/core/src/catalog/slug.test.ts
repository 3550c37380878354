import { describe, expect, it } from 'vitest';
import { isLatinTitle, slugFromTitle, slugFromTitles, withIdSuffix } from './slug.js';

const id = 'prod_01jd3k8w2x9m4q7rtv5bz6c8ha';

describe('slugFromTitle', () => {
  it.each([
    ['Molcajete de piedra volcánica', 'molcajete-de-piedra-volcanica'],
    ['  Tejolote — grande!! ', 'tejolote-grande'],
    ['Hickory nuts, 500 g (grade A)', 'hickory-nuts-500-g-grade-a'],
    ['Straße', 'strasse'],
    ['临安山核桃 500g', '500g'],
  ])('%s → %s', (title, slug) => {
    expect(slugFromTitle(title, id)).toBe(slug);
  });

  it('falls back to the id suffix for titles without Latin letters', () => {
    expect(slugFromTitle('山核桃', id)).toBe('product-5bz6c8ha');
    expect(slugFromTitle('!', id)).toBe('product-5bz6c8ha');
  });

  it('never exceeds 64 characters nor ends in a hyphen', () => {
    const slug = slugFromTitle(`${'a'.repeat(63)} b`, id);
    expect(slug).toBe('a'.repeat(63));
    expect(withIdSuffix('x'.repeat(64), id)).toHaveLength(64);
    expect(withIdSuffix('molcajete', id)).toBe('molcajete-5bz6c8ha');
  });
});

describe('slugFromTitles', () => {
  it('uses the first title in Latin script', () => {
    expect(slugFromTitles(['临安山核桃 500g', 'Lin’an hickory nuts 500 g'], id)).toBe(
      'lin-an-hickory-nuts-500-g',
    );
    expect(slugFromTitles(['Molcajete grande', 'Big mortar'], id)).toBe('molcajete-grande');
  });

  it('falls back to the id suffix when no title is Latin', () => {
    expect(slugFromTitles(['山核桃礼盒'], id)).toBe('product-5bz6c8ha');
    expect(slugFromTitles([], id)).toBe('product-5bz6c8ha');
  });

  it.each([
    ['Piedra volcánica', true],
    ['500 g', true],
    ['500', false],
    ['山核桃 A', false],
  ])('isLatinTitle(%s) = %s', (title, latin) => {
    expect(isLatinTitle(title)).toBe(latin);
  });
});
