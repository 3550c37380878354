import { asc, eq } from 'drizzle-orm';
import { conflictOnUnique } from '../db/unique-violation.js';
import { notFound } from '../errors.js';
import { pickLocalized } from '../i18n/locales.js';
import { newId } from '../ids.js';
import { villages, villageTexts } from '../schema/tenancy.js';
import { parseInput } from '../validation.js';
import type { PlatformContext } from './context.js';
import { CreateVillageInput } from './schemas.js';

/** A village as pages show it, texts resolved for one locale. */
export interface VillageView {
  id: string;
  slug: string;
  country: string;
  defaultLocale: string;
  defaultCurrency: string;
  name: string;
  region: string;
  story: string;
  /** The locale the texts were found in (may differ from the one asked for). */
  textLocale: string;
}

/** Creates a village with its per-locale texts (operator action). */
export async function createVillage(ctx: PlatformContext, raw: CreateVillageInput) {
  const input = parseInput(CreateVillageInput, raw);
  const now = ctx.clock.now();
  const id = newId('village', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await conflictOnUnique(
      () =>
        tx.insert(villages).values({
          id,
          slug: input.slug,
          country: input.country,
          defaultLocale: input.defaultLocale,
          defaultCurrency: input.defaultCurrency,
          createdAt: now,
          updatedAt: now,
        }),
      { villages_slug_uq: ['slug', 'a village with this slug already exists'] },
    );
    for (const [locale, t] of Object.entries(input.texts)) {
      if (t) await tx.insert(villageTexts).values({ villageId: id, locale, ...t });
    }
  });
  return { id, slug: input.slug };
}

type TextRow = typeof villageTexts.$inferSelect;

function toView(v: typeof villages.$inferSelect, texts: TextRow[], locale: string): VillageView {
  const byLocale = new Map(texts.map((t) => [t.locale, t]));
  const picked = pickLocalized(byLocale, locale, v.defaultLocale);
  return {
    id: v.id,
    slug: v.slug,
    country: v.country,
    defaultLocale: v.defaultLocale,
    defaultCurrency: v.defaultCurrency,
    name: picked?.value.name ?? v.slug,
    region: picked?.value.region ?? '',
    story: picked?.value.story ?? '',
    textLocale: picked?.locale ?? v.defaultLocale,
  };
}

/** Every village, texts in the context's locale (with fallback). Two statements. */
export async function listVillages(ctx: PlatformContext): Promise<VillageView[]> {
  const rows = await ctx.db.read.select().from(villages).orderBy(asc(villages.slug));
  const texts = await ctx.db.read.select().from(villageTexts);
  return rows.map((v) =>
    toView(
      v,
      texts.filter((t) => t.villageId === v.id),
      ctx.locale,
    ),
  );
}

/** A village by slug, or undefined. */
export async function findVillageBySlug(
  ctx: PlatformContext,
  slug: string,
): Promise<VillageView | undefined> {
  const [v] = await ctx.db.read.select().from(villages).where(eq(villages.slug, slug));
  if (!v) return undefined;
  const texts = await ctx.db.read
    .select()
    .from(villageTexts)
    .where(eq(villageTexts.villageId, v.id));
  return toView(v, texts, ctx.locale);
}

/** A village by slug; throws NOT_FOUND. */
export async function getVillageBySlug(ctx: PlatformContext, slug: string): Promise<VillageView> {
  const v = await findVillageBySlug(ctx, slug);
  if (!v) throw notFound('village');
  return v;
}
