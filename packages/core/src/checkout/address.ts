import { z } from 'zod';
import { AldeaError, type FieldIssue } from '../errors.js';
import type { PostalAddress } from '../schema/orders.js';
import { isCountryCode } from './countries.js';
import { type CheckoutMessageKey, checkoutText } from './messages.js';

/** How a country writes postal codes and whether addresses there need a region. */
interface CountryRule {
  postal?: RegExp;
  example?: string;
  region?: 'required' | 'us-state';
}

const FOUR = { postal: /^\d{4}$/, example: '1000' };
const FIVE = { postal: /^\d{5}$/, example: '10115' };
const SIX = { postal: /^\d{6}$/, example: '311300' };

/** Countries we know the postal format of; others take any short code or none. */
const COUNTRY_RULES: Readonly<Record<string, CountryRule>> = {
  US: { postal: /^\d{5}(-\d{4})?$/, example: '94103', region: 'us-state' },
  MX: { ...FIVE, example: '38200', region: 'required' },
  CN: { ...SIX, region: 'required' },
  JP: { postal: /^\d{3}-?\d{4}$/, example: '100-0001', region: 'required' },
  CA: { postal: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/, example: 'K1A 0B1', region: 'required' },
  BR: { postal: /^\d{5}-?\d{3}$/, example: '01310-100', region: 'required' },
  AU: { ...FOUR, example: '2000', region: 'required' },
  GB: { postal: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, example: 'SW1A 1AA' },
  NL: { postal: /^\d{4} ?[A-Z]{2}$/, example: '1012 AB' },
  PT: { postal: /^\d{4}-\d{3}$/, example: '1100-148' },
  PL: { postal: /^\d{2}-\d{3}$/, example: '00-950' },
  SE: { postal: /^\d{3} ?\d{2}$/, example: '114 55' },
  BE: FOUR,
  AT: FOUR,
  CH: FOUR,
  DK: FOUR,
  NO: FOUR,
  HU: FOUR,
  ZA: { ...FOUR, example: '8001' },
  NZ: FOUR,
  DE: FIVE,
  FR: { ...FIVE, example: '75001' },
  ES: { ...FIVE, example: '28013' },
  IT: { ...FIVE, example: '00184' },
  FI: FIVE,
  ID: { ...FIVE, example: '10110' },
  KR: { ...FIVE, example: '03187' },
  MY: FIVE,
  TH: FIVE,
  IN: { ...SIX, example: '110001' },
  SG: { ...SIX, example: '018956' },
  RU: { ...SIX, example: '101000' },
};

const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ ' +
    'NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP AA AE AP'
  ).split(' '),
);

// Markup and control characters have no place in an address; refusing them
// (rather than escaping) means no downstream label printer or email sees them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const UNSAFE = /[<>\u0000-\u001f\u007f]/;

function field(max: number, required: boolean) {
  const base = z
    .string({ error: 'field.required' })
    .trim()
    .max(max, `field.tooLong|${max}`)
    .refine((s) => !UNSAFE.test(s), 'field.markup');
  return required ? base.refine((s) => s.length > 0, 'field.required') : base.default('');
}

/** Contact email and shipping address as the buyer types them (every field a string). */
export const ContactAddressInput = z
  .object({
    email: z
      .string({ error: 'field.required' })
      .trim()
      .toLowerCase()
      .max(254, 'field.tooLong|254')
      .refine((s) => !UNSAFE.test(s), 'field.markup')
      .refine((s) => s.length > 0, 'field.required')
      .refine((s) => s.length === 0 || z.email().safeParse(s).success, 'email.invalid'),
    name: field(100, true),
    line1: field(120, true),
    line2: field(120, false),
    city: field(80, true),
    region: field(80, false),
    postalCode: field(16, false).transform((s) => s.toUpperCase()),
    country: z
      .string({ error: 'country.invalid' })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, 'country.invalid'),
    phone: field(24, false).refine(
      (s) => s === '' || (/^\+?[0-9 ().-]{6,24}$/.test(s) && s.replace(/\D/g, '').length >= 6),
      'phone.invalid',
    ),
  })
  .superRefine((a, ctx) => {
    const rule = COUNTRY_RULES[a.country];
    if (!rule) return;
    if (rule.postal && !rule.postal.test(a.postalCode)) {
      const key = a.postalCode === '' ? 'field.required' : `postalCode.invalid|${rule.example}`;
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: key });
    }
    if (rule.region === 'us-state' && !US_STATES.has(a.region.toUpperCase())) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'region.usState' });
    } else if (rule.region === 'required' && a.region === '') {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'region.required' });
    }
  })
  .transform((a) => ({
    ...a,
    region: COUNTRY_RULES[a.country]?.region === 'us-state' ? a.region.toUpperCase() : a.region,
  }));
export type ContactAddressInput = z.input<typeof ContactAddressInput>;

/** A validated contact and address. */
export interface ContactAddress {
  email: string;
  address: PostalAddress;
}

const PARAM_NAMES: Partial<Record<CheckoutMessageKey, string>> = {
  'field.tooLong': 'max',
  'postalCode.invalid': 'example',
};

/**
 * Validates a buyer's contact and shipping address for its country (postal code
 * format, state or province where needed, no markup) and returns it normalised,
 * or throws VALIDATION whose issues name each field with a message in `locale`.
 *
 * @example
 * parseContactAddress({ email: 'ana@example.com', name: 'Ana', line1: 'Rue Haute 1',
 *   city: 'Bruxelles', postalCode: '1000', country: 'BE' }, 'es-MX');
 */
export function parseContactAddress(raw: unknown, locale: string): ContactAddress {
  const result = ContactAddressInput.safeParse(raw);
  if (!result.success) {
    const t = checkoutText(locale);
    const seen = new Set<string>();
    const issues: FieldIssue[] = [];
    for (const i of result.error.issues) {
      const path = i.path.map(String).join('.');
      if (seen.has(path)) continue; // one message per field: the first is the one to fix
      seen.add(path);
      const [key, param] = i.message.split('|') as [CheckoutMessageKey, string | undefined];
      const name = PARAM_NAMES[key];
      const message = t(key, name && param ? { [name]: param } : undefined);
      issues.push({ path, message, code: key });
    }
    throw new AldeaError(
      'VALIDATION',
      `invalid address — ${issues.map((i) => `${i.path}: ${i.code}`).join('; ')}`,
      issues,
    );
  }
  const { email, ...address } = result.data;
  return { email, address };
}
