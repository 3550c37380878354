import { describe, expect, it } from 'vitest';
import { missingMessageKeys } from '../i18n/messages.js';
import { parseContactAddress } from './address.js';
import { checkoutCatalogues } from './messages.js';

const base = {
  email: 'Ana@Example.BE ',
  name: 'Ana Peeters',
  line1: 'Rue Haute 12',
  city: 'Bruxelles',
  postalCode: '1000',
  country: 'be',
};

function issues(raw: unknown, locale = 'en') {
  try {
    parseContactAddress(raw, locale);
    return {};
  } catch (err) {
    return Object.fromEntries(
      (err as { issues: { path: string; message: string }[] }).issues.map((i) => [
        i.path,
        i.message,
      ]),
    );
  }
}

describe('parseContactAddress', () => {
  it('normalises a valid address', () => {
    expect(parseContactAddress(base, 'en')).toEqual({
      email: 'ana@example.be',
      address: {
        name: 'Ana Peeters',
        line1: 'Rue Haute 12',
        line2: '',
        city: 'Bruxelles',
        region: '',
        postalCode: '1000',
        country: 'BE',
        phone: '',
      },
    });
  });

  it.each([
    ['US', { postalCode: '94103', region: 'ca' }, {}],
    [
      'US',
      { postalCode: '9410', region: 'CA' },
      { postalCode: 'Enter a postal code such as 94103.' },
    ],
    [
      'US',
      { postalCode: '94103', region: 'California' },
      { region: 'Use the two-letter state code, such as CA or NY.' },
    ],
    ['MX', { postalCode: '38200', region: 'Guanajuato' }, {}],
    ['MX', { postalCode: '38200' }, { region: 'Enter the state, province or prefecture.' }],
    ['CN', { postalCode: '311300', region: '浙江' }, {}],
    ['JP', { postalCode: '100-0001', region: 'Tokyo' }, {}],
    ['GB', { postalCode: 'SW1A 1AA' }, {}],
    ['GB', { postalCode: '12345' }, { postalCode: 'Enter a postal code such as SW1A 1AA.' }],
    ['NL', { postalCode: '1012 ab' }, {}],
    ['ID', { postalCode: '10110' }, {}],
    ['ZA', { postalCode: '8001' }, {}],
    ['HK', { postalCode: '' }, {}], // no postal codes in Hong Kong
  ])('%s %j', (country, extra, expected) => {
    expect(issues({ ...base, country, ...extra })).toEqual(expected);
  });

  it('refuses markup and control characters: a script tag in any field', () => {
    expect(issues({ ...base, name: '<script>alert(1)</script>' })).toEqual({
      name: 'Please remove the characters < and >.',
    });
    expect(issues({ ...base, line1: 'Rue\u0000Haute' })).toHaveProperty('line1');
  });

  it('speaks the buyer’s language', () => {
    expect(issues({ ...base, postalCode: 'x' }, 'es-MX')).toEqual({
      postalCode: 'Escribe un código postal como 1000.',
    });
    expect(issues({ ...base, email: 'nope' }, 'zh-CN')).toEqual({
      email: '请输入电子邮箱，例如 ana@example.com。',
    });
  });

  it('names every missing or wrong field once', () => {
    expect(Object.keys(issues({ country: 'ZZ' })).sort()).toEqual([
      'city',
      'country',
      'email',
      'line1',
      'name',
    ]);
    expect(issues({ ...base, name: 'x'.repeat(101) })).toEqual({
      name: 'Use at most 100 characters.',
    });
    expect(issues({ ...base, phone: 'call me' })).toHaveProperty('phone');
  });

  it('has every checkout text in every language', () => {
    expect(missingMessageKeys(checkoutCatalogues)).toEqual([]);
  });
});
