import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { invitations, shopTemplates } from '../schema/onboarding.js';
import { villages } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { INVITATION_LIMITS, isOpenThrottled, recordFailedOpen } from './invitation-limits.js';
import { lookupHash } from './invitation-secrets.js';
import { invitationStatus, villageName } from './invitation-view.js';

/** Why an invitation cannot be used; each has its own message for the seller. */
export type InvitationRefusal =
  | 'UNKNOWN' // no such link or code
  | 'WRONG_VILLAGE' // a real invitation, opened under another village's address
  | 'USED'
  | 'REVOKED'
  | 'EXPIRED'
  | 'THROTTLED'; // too many wrong codes from this address: wait a few minutes

/** What the accept page shows, prefilled. */
export interface InvitationPreview {
  id: string;
  village: { id: string; slug: string; name: string; country: string };
  cohortId: string | null;
  name: string;
  shopName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  currency: string;
  template: { id: string; name: string; baseCurrency: string } | null;
  expiresAt: Date;
  /** No email or phone yet (a printed invitation): the seller gives one to sign in with. */
  needsContact: boolean;
}

/** The invitation to show on the accept page, or why it cannot be used. */
export type OpenInvitationResult =
  | { ok: true; invitation: InvitationPreview }
  | { ok: false; reason: InvitationRefusal };

/** Where the seller opened the invitation: the village in the address, the secret, their address. */
export interface OpenInvitationInput {
  villageSlug: string;
  /** The link token or the printed code. */
  secret: string;
  /** The client's network address, for the rate limit on wrong codes. */
  address: string;
}

type Row = typeof invitations.$inferSelect;

/**
 * Finds a usable invitation by link token or printed code, without changing
 * it (reads through `db`). Failures other than THROTTLED are charged to the
 * address by the caller.
 */
export async function findUsableInvitation(
  db: Db,
  input: OpenInvitationInput,
  now: Date,
): Promise<
  | { ok: true; row: Row; village: typeof villages.$inferSelect }
  | { ok: false; reason: InvitationRefusal }
> {
  const lookup = lookupHash(input.secret);
  if (!lookup) return { ok: false, reason: 'UNKNOWN' };
  const [found] = await db
    .select({ invitation: invitations, village: villages })
    .from(invitations)
    .innerJoin(villages, eq(villages.id, invitations.villageId))
    .where(eq(invitations[lookup.column], lookup.hash));
  if (!found) return { ok: false, reason: 'UNKNOWN' };
  if (found.village.slug !== input.villageSlug) return { ok: false, reason: 'WRONG_VILLAGE' };
  const status = invitationStatus(found.invitation, now);
  if (status === 'accepted') return { ok: false, reason: 'USED' };
  if (status === 'revoked') return { ok: false, reason: 'REVOKED' };
  if (status === 'expired') return { ok: false, reason: 'EXPIRED' };
  return { ok: true, row: found.invitation, village: found.village };
}

/**
 * Opens an invitation for its accept page: says what is prefilled, or why it
 * cannot be used (unknown, another village's, used, revoked, expired). Wrong
 * codes are rate-limited per client address (10 in 15 minutes by default).
 * Anyone may call it: the secret is the permission.
 */
export async function openInvitation(
  ctx: PlatformContext,
  input: OpenInvitationInput,
  opts: { limits?: Partial<typeof INVITATION_LIMITS> } = {},
): Promise<OpenInvitationResult> {
  const limits = { ...INVITATION_LIMITS, ...opts.limits };
  const now = ctx.clock.now();
  if (await isOpenThrottled(ctx.db.read, input.address, now, limits)) {
    return { ok: false, reason: 'THROTTLED' };
  }
  const found = await findUsableInvitation(ctx.db.read, input, now);
  if (!found.ok) {
    await ctx.db.transaction((tx) => recordFailedOpen(tx, input.address, now, limits));
    return found;
  }
  const { row, village } = found;
  const [template] = row.templateId
    ? await ctx.db.read
        .select({
          id: shopTemplates.id,
          name: shopTemplates.name,
          baseCurrency: shopTemplates.baseCurrency,
        })
        .from(shopTemplates)
        .where(eq(shopTemplates.id, row.templateId))
    : [];
  return {
    ok: true,
    invitation: {
      id: row.id,
      village: {
        id: village.id,
        slug: village.slug,
        country: village.country,
        name: await villageName(ctx.db.read, village, row.locale),
      },
      cohortId: row.cohortId,
      name: row.name,
      shopName: row.shopName,
      email: row.email,
      phone: row.phone,
      locale: row.locale,
      currency: row.currency,
      template: template ?? null,
      expiresAt: row.expiresAt,
      needsContact: !row.email && !row.phone,
    },
  };
}
