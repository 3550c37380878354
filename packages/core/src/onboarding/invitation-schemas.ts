import { z } from 'zod';
import { INVITATION_CHANNELS } from '../schema/onboarding.js';
import { CurrencyCode, LocaleCode } from '../tenancy/schemas.js';

/** An email address, as `createUser` accepts it. */
export const InviteeEmail = z
  .string()
  .trim()
  .toLowerCase()
  .email('not a valid email address')
  .max(254);

/** A phone number in E.164, as `createUser` accepts it. */
export const InviteePhone = z
  .string()
  .trim()
  .transform((p) => p.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'use the international format, e.g. +5214151234567'));

/** Input of `createInvitation` (and of each row of a sellers import). */
export const CreateInvitationInput = z
  .object({
    villageId: z.string().min(1).max(64),
    cohortId: z.string().min(1).max(64).optional(),
    /** Default: email when there is an address, else SMS when there is a phone, else print. */
    channel: z.enum(INVITATION_CHANNELS).optional(),
    email: InviteeEmail.optional(),
    phone: InviteePhone.optional(),
    name: z.string().trim().max(120).default(''),
    shopName: z.string().trim().max(120).default(''),
    /** Default: the village's language. */
    locale: LocaleCode.optional(),
    /** Default: the village's currency. */
    currency: CurrencyCode.optional(),
    templateId: z.string().min(1).max(64).optional(),
    expiresInDays: z.int().min(1).max(90).default(14),
  })
  .superRefine((i, ctx) => {
    if (i.channel === 'email' && !i.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an email address' });
    }
    if (i.channel === 'sms' && !i.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number' });
    }
    if (!i.email && !i.phone && !i.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'give the seller a name, an email address or a phone number',
      });
    }
  });
export type CreateInvitationInput = z.input<typeof CreateInvitationInput>;
/** An invitation's input after parsing (defaults filled in). */
export type ParsedInvitation = z.output<typeof CreateInvitationInput>;

/** The channel an invitation goes out by when none was chosen. */
export function defaultChannel(i: Pick<ParsedInvitation, 'channel' | 'email' | 'phone'>) {
  return i.channel ?? (i.email ? 'email' : i.phone ? 'sms' : 'print');
}

/** How the same seller is recognised on a second invitation or a re-import. */
export function contactKeyOf(i: Pick<ParsedInvitation, 'email' | 'phone' | 'name'>): string {
  if (i.email) return `email:${i.email}`;
  if (i.phone) return `phone:${i.phone}`;
  return `name:${i.name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')}`;
}
