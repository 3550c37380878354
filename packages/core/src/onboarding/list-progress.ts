import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import { pickLocalized } from '../i18n/locales.js';
import { cohortShops } from '../schema/onboarding.js';
import { memberships, shops, shopTexts, users } from '../schema/tenancy.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { getCohort } from './cohorts.js';
import { loadProgressFacts } from './progress-facts.js';
import { progressOf, type ShopProgress, STUCK_AFTER_DAYS } from './progress-steps.js';
import { requireVillageAccess } from './village-access.js';

/** The onboarding progress of the context's shop (its owner's dashboard). Needs `shop.read`. */
export async function getShopProgress(
  ctx: ShopContext,
  opts: { stuckAfterDays?: number } = {},
): Promise<ShopProgress> {
  authorize(ctx, 'shop.read');
  const [facts] = await loadProgressFacts(ctx.db.read, [ctx.shop.id]);
  return progressOf(facts!, ctx.clock.now(), opts.stuckAfterDays);
}

/** One line of a trainer's cohort table. */
export interface SellerProgressRow extends ShopProgress {
  shopSlug: string;
  shopName: string;
  status: 'onboarding' | 'live' | 'paused';
  ownerName: string;
  ownerContact: string;
}

/** Whose progress to list, and whether only the stuck ones. */
export const ListProgressInput = z
  .object({
    villageId: z.string().min(1).max(64).optional(),
    cohortId: z.string().min(1).max(64).optional(),
    stuckOnly: z.boolean().default(false),
    stuckAfterDays: z.int().min(1).max(365).default(STUCK_AFTER_DAYS),
  })
  .refine((s) => (s.villageId === undefined) !== (s.cohortId === undefined), {
    path: ['cohortId'],
    message: 'give a village or a cohort',
  });
export type ListProgressInput = z.input<typeof ListProgressInput>;

/**
 * The trainer's table: every shop of a cohort (or of a whole village) with its
 * progress, next step and days since the seller last did anything, optionally
 * only the stuck ones; most stuck first. Trainers of the village and operators
 * only. Five statements whatever the number of shops.
 */
export async function listSellerProgress(
  ctx: PlatformContext,
  raw: ListProgressInput,
): Promise<SellerProgressRow[]> {
  const input = parseInput(ListProgressInput, raw);
  const db = ctx.db.read;
  let shopRows: (typeof shops.$inferSelect)[];
  if (input.cohortId) {
    const { village } = await getCohort(ctx, input.cohortId);
    shopRows = (
      await db
        .select({ shop: shops })
        .from(cohortShops)
        .innerJoin(shops, eq(shops.id, cohortShops.shopId))
        .where(and(eq(cohortShops.cohortId, input.cohortId), eq(shops.villageId, village.id)))
    ).map((r) => r.shop);
  } else {
    const village = await requireVillageAccess(ctx, input.villageId!);
    shopRows = await db.select().from(shops).where(eq(shops.villageId, village.id));
  }
  if (shopRows.length === 0) return [];
  const ids = shopRows.map((s) => s.id);
  const facts = await loadProgressFacts(db, ids);
  const texts = await db
    .select({ shopId: shopTexts.shopId, locale: shopTexts.locale, name: shopTexts.name })
    .from(shopTexts)
    .where(inArray(shopTexts.shopId, ids));
  const owners = await db
    .select({
      shopId: memberships.shopId,
      name: users.name,
      email: users.email,
      phone: users.phone,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.shopId, ids), eq(memberships.role, 'owner')));
  const byId = new Map(shopRows.map((s) => [s.id, s]));
  const now = ctx.clock.now();
  const rows = facts.map((f): SellerProgressRow => {
    const shop = byId.get(f.shopId)!;
    const names = new Map(
      texts.filter((t) => t.shopId === f.shopId).map((t) => [t.locale, t.name]),
    );
    const owner = owners.find((o) => o.shopId === f.shopId);
    return {
      ...progressOf(f, now, input.stuckAfterDays),
      shopSlug: shop.slug,
      shopName: pickLocalized(names, ctx.locale, shop.defaultLocale)?.value ?? shop.slug,
      status: shop.status,
      ownerName: owner?.name ?? '',
      ownerContact: owner?.email ?? owner?.phone ?? '',
    };
  });
  return rows
    .filter((r) => !input.stuckOnly || r.stuck)
    .sort(
      (a, b) =>
        Number(b.stuck) - Number(a.stuck) ||
        b.daysSinceActivity - a.daysSinceActivity ||
        a.shopSlug.localeCompare(b.shopSlug),
    );
}
