import { asc, eq, inArray, or } from 'drizzle-orm';
import { pickLocalized } from '../i18n/locales.js';
import {
  memberships,
  shops,
  shopTexts,
  trainerAssignments,
  villages,
  villageTexts,
} from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import type { ShopRole } from './permissions.js';

/** A shop on a person's "my shops" list, with how they relate to it. */
export interface AccessibleShop {
  id: string;
  slug: string;
  name: string;
  status: 'onboarding' | 'live' | 'paused';
  baseCurrency: string;
  villageId: string;
  villageName: string;
  role: Extract<ShopRole, 'owner' | 'staff' | 'trainer'>;
}

/** A village a trainer is assigned to. */
export interface TrainerVillage {
  id: string;
  slug: string;
  name: string;
}

/**
 * The shops the signed-in person works in: those they are a member of, and
 * every shop of the villages they train. Operators reach all other shops
 * through the operator screens, not this list. Five statements at most.
 */
export async function listAccessibleShops(ctx: PlatformContext): Promise<AccessibleShop[]> {
  if (ctx.actor.kind !== 'user') return [];
  const userId = ctx.actor.userId;
  const db = ctx.db.read;
  const member = await db
    .select({ shopId: memberships.shopId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const trained = await db
    .select({ villageId: trainerAssignments.villageId })
    .from(trainerAssignments)
    .where(eq(trainerAssignments.userId, userId));
  const shopIds = member.map((m) => m.shopId);
  const villageIds = trained.map((t) => t.villageId);
  if (shopIds.length === 0 && villageIds.length === 0) return [];
  const rows = await db
    .select()
    .from(shops)
    .where(or(inArray(shops.id, shopIds), inArray(shops.villageId, villageIds)))
    .orderBy(asc(shops.slug));
  if (rows.length === 0) return [];
  const texts = await db
    .select({ shopId: shopTexts.shopId, locale: shopTexts.locale, name: shopTexts.name })
    .from(shopTexts)
    .where(
      inArray(
        shopTexts.shopId,
        rows.map((r) => r.id),
      ),
    );
  const vIds = [...new Set(rows.map((r) => r.villageId))];
  const vRows = await db
    .select({
      id: villages.id,
      slug: villages.slug,
      defaultLocale: villages.defaultLocale,
      locale: villageTexts.locale,
      name: villageTexts.name,
    })
    .from(villages)
    .leftJoin(villageTexts, eq(villageTexts.villageId, villages.id))
    .where(inArray(villages.id, vIds));
  const roleOf = new Map(member.map((m) => [m.shopId, m.role]));
  return rows.map((s) => {
    const names = new Map(texts.filter((t) => t.shopId === s.id).map((t) => [t.locale, t.name]));
    const vNames = new Map(
      vRows.filter((v) => v.id === s.villageId && v.locale).map((v) => [v.locale!, v.name!]),
    );
    const village = vRows.find((v) => v.id === s.villageId);
    return {
      id: s.id,
      slug: s.slug,
      name: pickLocalized(names, ctx.locale, s.defaultLocale)?.value ?? s.slug,
      status: s.status,
      baseCurrency: s.baseCurrency,
      villageId: s.villageId,
      villageName:
        pickLocalized(vNames, ctx.locale, village?.defaultLocale ?? ctx.locale)?.value ??
        village?.slug ??
        '',
      role: roleOf.get(s.id) ?? 'trainer',
    };
  });
}

/** The villages the signed-in person trains (empty for everyone else). */
export async function listTrainerVillages(ctx: PlatformContext): Promise<TrainerVillage[]> {
  if (ctx.actor.kind !== 'user') return [];
  const rows = await ctx.db.read
    .select({
      id: villages.id,
      slug: villages.slug,
      defaultLocale: villages.defaultLocale,
      locale: villageTexts.locale,
      name: villageTexts.name,
    })
    .from(trainerAssignments)
    .innerJoin(villages, eq(villages.id, trainerAssignments.villageId))
    .leftJoin(villageTexts, eq(villageTexts.villageId, villages.id))
    .where(eq(trainerAssignments.userId, ctx.actor.userId))
    .orderBy(asc(villages.slug));
  const out = new Map<string, TrainerVillage & { names: Map<string, string>; def: string }>();
  for (const r of rows) {
    const v = out.get(r.id) ?? {
      id: r.id,
      slug: r.slug,
      name: r.slug,
      names: new Map(),
      def: r.defaultLocale,
    };
    if (r.locale && r.name) v.names.set(r.locale, r.name);
    out.set(r.id, v);
  }
  return [...out.values()].map((v) => ({
    id: v.id,
    slug: v.slug,
    name: pickLocalized(v.names, ctx.locale, v.def)?.value ?? v.slug,
  }));
}
