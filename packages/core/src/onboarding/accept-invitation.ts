import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/password.js';
import type { SessionPolicy } from '../auth/session-policy.js';
import { type NewSession, openSession } from '../auth/sessions.js';
import { slugFromTitle } from '../catalog/slug.js';
import type { Db } from '../db/database.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { AldeaError, isAldeaError } from '../errors.js';
import { newId } from '../ids.js';
import { cohortShops, invitations } from '../schema/onboarding.js';
import { shops, users } from '../schema/tenancy.js';
import type { PlatformContext, ShopContext, ShopRef } from '../tenancy/context.js';
import { CurrencyCode, LocaleCode } from '../tenancy/schemas.js';
import { createShop } from '../tenancy/shops.js';
import { addMembership } from '../tenancy/users.js';
import { parseInput } from '../validation.js';
import { INVITATION_LIMITS, isOpenThrottled, recordFailedOpen } from './invitation-limits.js';
import { InviteeEmail, InviteePhone } from './invitation-schemas.js';
import { lookupHash } from './invitation-secrets.js';
import { findUsableInvitation, type InvitationRefusal } from './open-invitation.js';
import { type AppliedTemplate, applyTemplate } from './templates/apply-template.js';

/** What the seller types on the accept page (the rest comes from the invitation). */
export const AcceptInvitationInput = z.object({
  villageSlug: z.string().min(1).max(64),
  secret: z.string().min(1).max(200),
  /** The client's network address, for the rate limit on wrong codes. */
  address: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1, 'tell us your name').max(120),
  password: z.string().min(10, 'use at least 10 characters').max(200),
  shopName: z.string().trim().min(1, 'give your shop a name').max(120),
  locale: LocaleCode.optional(),
  /** Ignored when the invitation comes with a template (its prices were converted for the invited currency). */
  currency: CurrencyCode.optional(),
  /** Only for a printed invitation (no contact yet): how the seller will sign in. */
  email: InviteeEmail.optional(),
  phone: InviteePhone.optional(),
});
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

/** The outcome: a signed-in seller with a new shop, or why the invitation cannot be used. */
export type AcceptInvitationResult =
  | {
      ok: true;
      userId: string;
      shopId: string;
      session: NewSession;
      template: AppliedTemplate | null;
    }
  | { ok: false; reason: InvitationRefusal | 'TEMPLATE_UNAVAILABLE' };

/** Options of {@link acceptInvitation}. */
export interface AcceptInvitationOptions {
  /** The session cookie the browser had (replaced: fixation). */
  previousToken?: string;
  userAgent?: string;
  session?: Partial<SessionPolicy>;
  passwordCost?: Parameters<typeof hashPassword>[1];
  limits?: Partial<typeof INVITATION_LIMITS>;
}

/** A free shop slug from the shop's name (`shop-xxxx` when the name has no Latin letters). */
async function freeShopSlug(tx: Db, shopName: string): Promise<string> {
  const rand = () => randomBytes(3).toString('hex');
  const latin = slugFromTitle(shopName, 'x');
  const base = latin === 'product-x' ? `shop-${rand()}` : latin.slice(0, 55).replace(/-+$/, '');
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${rand()}`;
    const [taken] = await tx.select({ id: shops.id }).from(shops).where(eq(shops.slug, slug));
    if (!taken) return slug;
  }
  throw new AldeaError('CONFLICT', 'could not find a free address for the shop');
}

/**
 * A seller accepts an invitation: sets a password, names the shop (village,
 * language, currency and template prefilled), and is signed in. One
 * transaction claims the invitation with a conditional UPDATE (not accepted,
 * not revoked, not expired, same secret), then creates the account, the shop
 * (status `onboarding`), the ownership, the cohort membership and the
 * template copy, and opens a session — so two phones opening the same
 * invitation at once make exactly one shop, and a failure leaves nothing
 * behind and the invitation unused.
 *
 * @throws AldeaError VALIDATION (fields named), CONFLICT (`email`/`phone` already has an account)
 */
export async function acceptInvitation(
  ctx: PlatformContext,
  raw: AcceptInvitationInput,
  opts: AcceptInvitationOptions = {},
): Promise<AcceptInvitationResult> {
  const input = parseInput(AcceptInvitationInput, raw);
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
  const inv = found.row;
  const email = inv.email ?? (inv.phone ? null : (input.email ?? null));
  const phone = inv.phone ?? (inv.email ? null : (input.phone ?? null));
  if (!email && !phone) {
    const message = 'give a phone number or an email address to sign in with';
    throw new AldeaError('VALIDATION', message, [{ path: 'phone', message, code: 'contact' }]);
  }
  const locale = input.locale ?? (inv.locale as 'en');
  const currency = inv.templateId ? inv.currency : (input.currency ?? inv.currency);
  // Hash before the transaction: scrypt takes ~0.3 s and must not hold the writer.
  const passwordHash = await hashPassword(input.password, opts.passwordCost);
  const lookup = lookupHash(input.secret)!;

  try {
    return await ctx.db.transaction(async (tx): Promise<AcceptInvitationResult> => {
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: now, updatedAt: now })
        .where(
          and(
            eq(invitations.id, inv.id),
            eq(invitations[lookup.column], lookup.hash),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .returning({ id: invitations.id });
      // Another device got there first (or the trainer revoked or reprinted it meanwhile).
      if (!claimed) return { ok: false, reason: 'USED' };

      const userId = newId('user', now.getTime());
      await conflictOnUnique(
        () =>
          tx.insert(users).values({
            id: userId,
            email,
            phone,
            name: input.name,
            locale,
            passwordHash,
            createdAt: now,
            updatedAt: now,
          }),
        {
          users_email_uq: ['email', 'an account with this email address exists: sign in instead'],
          users_phone_uq: ['phone', 'an account with this phone number exists: sign in instead'],
        },
      );
      const seller: PlatformContext = { ...ctx, actor: { kind: 'user', userId } };
      const ref: ShopRef = await createShop(seller, {
        villageId: inv.villageId,
        slug: await freeShopSlug(tx, input.shopName),
        baseCurrency: currency,
        buyerCurrencies: ['USD', 'EUR'],
        defaultLocale: locale,
        status: 'onboarding',
        texts: { [locale]: { name: input.shopName } },
      });
      const shop: ShopContext = { ...seller, shop: ref, role: 'owner' };
      await addMembership(shop, userId, 'owner');
      if (inv.cohortId) {
        await tx
          .insert(cohortShops)
          .values({ cohortId: inv.cohortId, shopId: ref.id, joinedAt: now });
      }
      await tx
        .update(invitations)
        .set({ acceptedUserId: userId, acceptedShopId: ref.id })
        .where(eq(invitations.id, inv.id));
      const template = inv.templateId ? await applyTemplate(shop, inv.templateId) : null;
      await recordAudit(tx, shop, {
        action: 'onboarding.invitation.accept',
        entity: 'invitation',
        entityId: inv.id,
        data: { shopId: ref.id, templateId: inv.templateId },
      });
      const session = await openSession(tx, seller, userId, {
        previousToken: opts.previousToken,
        userAgent: opts.userAgent,
        policy: opts.session,
      });
      return { ok: true, userId, shopId: ref.id, session, template };
    });
  } catch (err) {
    // The template's amounts cannot be converted: no rate into the invited currency.
    if (isAldeaError(err, 'VALIDATION') && err.issues.some((i) => i.code === 'no_rate')) {
      return { ok: false, reason: 'TEMPLATE_UNAVAILABLE' };
    }
    throw err;
  }
}
