import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { cohorts, invitations, shopTemplates } from '../schema/onboarding.js';
import type { PlatformContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import {
  assertContactBudget,
  assertCreatorBudget,
  INVITATION_LIMITS,
  type InvitationLimits,
} from './invitation-limits.js';
import { enqueueInvitationMessage } from './invitation-message.js';
import {
  CreateInvitationInput,
  contactKeyOf,
  defaultChannel,
  type ParsedInvitation,
} from './invitation-schemas.js';
import { hashInvitationSecrets, newInvitationSecrets } from './invitation-secrets.js';
import {
  type InvitationView,
  type InviteLinks,
  toInvitationView,
  villageName,
} from './invitation-view.js';
import { actingUserId, requireVillageAccess, type VillageRef } from './village-access.js';

const DAY = 24 * 60 * 60_000;

/** An invitation just made, with its secrets: shown (or printed) once, never stored. */
export interface IssuedInvitation {
  invitation: InvitationView;
  token: string;
  code: string;
  /** The accept link (also inside the QR code). */
  url: string;
}

/** Options of the invitation commands. */
export interface InvitationOptions {
  links: InviteLinks;
  limits?: Partial<InvitationLimits>;
}

/** Checks the cohort is the village's and the template exists (NOT_FOUND otherwise). */
export async function checkInvitationRefs(
  tx: Db,
  input: Pick<ParsedInvitation, 'cohortId' | 'templateId'>,
  villageId: string,
): Promise<void> {
  if (input.cohortId) {
    const [c] = await tx
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(eq(cohorts.id, input.cohortId), eq(cohorts.villageId, villageId)));
    if (!c) throw notFound('cohort');
  }
  if (input.templateId) {
    const [t] = await tx
      .select({ id: shopTemplates.id })
      .from(shopTemplates)
      .where(eq(shopTemplates.id, input.templateId));
    if (!t) throw notFound('template');
  }
}

/**
 * Inserts one invitation with fresh secrets and, for email and SMS, its
 * message in the outbox — inside the caller's transaction. No access or rate
 * checks: callers do them once for a whole batch.
 */
export async function insertInvitation(
  tx: Db,
  ctx: PlatformContext,
  input: ParsedInvitation,
  village: VillageRef,
  links: InviteLinks,
): Promise<IssuedInvitation> {
  const now = ctx.clock.now();
  const secrets = newInvitationSecrets();
  const hashes = hashInvitationSecrets(secrets);
  const channel = defaultChannel(input);
  const [row] = await tx
    .insert(invitations)
    .values({
      id: newId('invitation', now.getTime()),
      villageId: village.id,
      cohortId: input.cohortId ?? null,
      ...hashes,
      channel,
      email: input.email ?? null,
      phone: input.phone ?? null,
      name: input.name,
      shopName: input.shopName,
      locale: input.locale ?? village.defaultLocale,
      currency: input.currency ?? village.defaultCurrency,
      templateId: input.templateId ?? null,
      contactKey: contactKeyOf(input),
      createdBy: actingUserId(ctx),
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY),
    })
    .returning();
  const invitation = toInvitationView(row!, now);
  const url = links.inviteUrl(village.slug, secrets.token);
  if (channel !== 'print') {
    await enqueueInvitationMessage(tx, now, hashes.tokenHash, {
      invitationId: invitation.id,
      channel,
      to: (channel === 'email' ? input.email : input.phone)!,
      name: input.name,
      village: await villageName(tx, village, invitation.locale),
      locale: invitation.locale,
      url,
      code: secrets.code,
      expiresAt: invitation.expiresAt.toISOString(),
    });
  }
  return { invitation, ...secrets, url };
}

/**
 * Invites one seller to open a shop in a village: by email or SMS (the link
 * goes out through the outbox), or for printing (code and QR shown once).
 * A pending invitation to the same person in the village is revoked: the
 * newest link is the only one that works. Trainers of the village and
 * operators only; rate-limited per trainer and per person; audited.
 *
 * @example
 * const { code, url } = await createInvitation(ctx, { villageId, phone: '+524121234567', name: 'Chayo' }, { links });
 * @throws AldeaError VALIDATION, NOT_FOUND (village, cohort, template), RATE_LIMITED
 */
export async function createInvitation(
  ctx: PlatformContext,
  raw: CreateInvitationInput,
  opts: InvitationOptions,
): Promise<IssuedInvitation> {
  const input = parseInput(CreateInvitationInput, raw);
  const limits = { ...INVITATION_LIMITS, ...opts.limits };
  const village = await requireVillageAccess(ctx, input.villageId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await checkInvitationRefs(tx, input, village.id);
    await assertCreatorBudget(tx, actingUserId(ctx), now, 1, limits);
    const contactKey = contactKeyOf(input);
    const path = input.email ? 'email' : input.phone ? 'phone' : 'name';
    await assertContactBudget(tx, village.id, contactKey, path, now, limits);
    await tx
      .update(invitations)
      .set({ revokedAt: now, updatedAt: now })
      .where(
        and(
          eq(invitations.villageId, village.id),
          eq(invitations.contactKey, contactKey),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const issued = await insertInvitation(tx, ctx, input, village, opts.links);
    await recordAudit(tx, ctx, {
      action: 'onboarding.invitation.create',
      entity: 'invitation',
      entityId: issued.invitation.id,
      data: { villageId: village.id, channel: issued.invitation.channel },
    });
    return issued;
  });
}
