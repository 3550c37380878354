import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { pickLocalized } from '../i18n/locales.js';
import type { InvitationChannel, invitations } from '../schema/onboarding.js';
import { villageTexts } from '../schema/tenancy.js';

/** Where an invitation stands. Expired is computed from the clock, never stored. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** An invitation as trainer screens list it (never its secrets). */
export interface InvitationView {
  id: string;
  villageId: string;
  cohortId: string | null;
  channel: InvitationChannel;
  email: string | null;
  phone: string | null;
  name: string;
  shopName: string;
  locale: string;
  currency: string;
  templateId: string | null;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedShopId: string | null;
}

/** Builds links to the accept page; made from the configured public URL, never a Host header. */
export interface InviteLinks {
  inviteUrl(villageSlug: string, secret: string): string;
}

type Row = typeof invitations.$inferSelect;

/** The status of an invitation row at `now`. */
export function invitationStatus(row: Row, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

/** The view of an invitation row. */
export function toInvitationView(row: Row, now: Date): InvitationView {
  return {
    id: row.id,
    villageId: row.villageId,
    cohortId: row.cohortId,
    channel: row.channel,
    email: row.email,
    phone: row.phone,
    name: row.name,
    shopName: row.shopName,
    locale: row.locale,
    currency: row.currency,
    templateId: row.templateId,
    status: invitationStatus(row, now),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    acceptedShopId: row.acceptedShopId,
  };
}

/** A village's name in a locale (falling back to its default, then its slug). */
export async function villageName(
  db: Db,
  village: { id: string; slug: string; defaultLocale: string },
  locale: string,
): Promise<string> {
  const texts = await db
    .select({ locale: villageTexts.locale, name: villageTexts.name })
    .from(villageTexts)
    .where(eq(villageTexts.villageId, village.id));
  const names = new Map(texts.map((t) => [t.locale, t.name]));
  return pickLocalized(names, locale, village.defaultLocale)?.value ?? village.slug;
}
