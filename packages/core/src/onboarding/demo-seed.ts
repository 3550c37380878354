import { eq } from 'drizzle-orm';
import { listProducts } from '../catalog/list-products.js';
import { isAldeaError } from '../errors.js';
import { cohortShops, shopTemplates } from '../schema/onboarding.js';
import { villages } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { shopContext } from '../tenancy/shops.js';
import { createCohort } from './cohorts.js';
import { createInvitation } from './create-invitation.js';
import type { InviteLinks } from './invitation-view.js';
import { setPreOnlinePrice } from './pre-online-prices.js';
import { createShopFromTemplate } from './templates/create-shop-from-template.js';
import { saveShopTemplate } from './templates/save-template.js';

/** What {@link seedOnboardingDemo} made (`seeded: false` when it had already run). */
export interface OnboardingDemoResult {
  seeded: boolean;
  templateId: string | null;
  shopId: string | null;
  cohortId: string | null;
  invitations: number;
}

/** Options of {@link seedOnboardingDemo}; the defaults match the demo's seed files. */
export interface OnboardingDemoOptions {
  /** The proven shop to copy (a Bainiu shop). */
  sourceShop?: string;
  /** Where the copy opens (Comonfort). */
  targetVillage?: string;
  /** The copied shop's address. */
  slug?: string;
  /** A Comonfort shop whose first product gets the "9 USD before going online" record. */
  upliftShop?: string;
  links?: InviteLinks;
}

const TEMPLATE_NAME = 'Bainiu hickory shop';

/**
 * The onboarding part of the demo, run after the villages and shops exist
 * (and committed): a template saved from a Bainiu shop, a Comonfort shop
 * created from it (prices converted CNY → MXN, waiting for the seller to
 * confirm), a Comonfort cohort with that shop and three printed invitations
 * waiting, and a "price before going online" of 9 USD on a molcajete for the
 * impact report. Does nothing when the template already exists.
 *
 * @example
 * // examples/demo/src/seed.ts, after the seeding transaction:
 * await seedOnboardingDemo(platform);
 */
export async function seedOnboardingDemo(
  ctx: PlatformContext,
  opts: OnboardingDemoOptions = {},
): Promise<OnboardingDemoResult> {
  const none: OnboardingDemoResult = {
    seeded: false,
    templateId: null,
    shopId: null,
    cohortId: null,
    invitations: 0,
  };
  const [existing] = await ctx.db.read
    .select({ id: shopTemplates.id })
    .from(shopTemplates)
    .where(eq(shopTemplates.name, TEMPLATE_NAME));
  if (existing) return none;
  const [target] = await ctx.db.read
    .select({ id: villages.id })
    .from(villages)
    .where(eq(villages.slug, opts.targetVillage ?? 'comonfort'));
  let source: Awaited<ReturnType<typeof shopContext>>;
  try {
    source = await shopContext(ctx, opts.sourceShop ?? 'laolin-hickory');
  } catch (err) {
    if (isAldeaError(err, 'NOT_FOUND')) return none;
    throw err;
  }
  if (!target) return none;
  const links = opts.links ?? { inviteUrl: (v, s) => `/admin/invite/${v}/${s}` };

  return ctx.db.transaction(async (tx) => {
    const template = await saveShopTemplate(source, { name: TEMPLATE_NAME, sampleProducts: 3 });
    const { shopId } = await createShopFromTemplate(ctx, {
      templateId: template.id,
      villageId: target.id,
      slug: opts.slug ?? 'nueces-de-la-sierra',
      name: 'Nueces de la Sierra',
    });
    const cohort = await createCohort(ctx, {
      villageId: target.id,
      name: 'Talleres de Comonfort, primavera',
    });
    await tx.insert(cohortShops).values({ cohortId: cohort.id, shopId, joinedAt: ctx.clock.now() });
    const sellers = [
      { name: 'Rosario Pérez', shopName: 'Molcajetes Rosario' },
      { name: 'Tomás Vargas', shopName: 'Piedra y Fuego' },
      { name: 'Inés Cruz', shopName: 'Taller Inés' },
    ];
    for (const s of sellers) {
      await createInvitation(
        ctx,
        {
          villageId: target.id,
          cohortId: cohort.id,
          ...s,
          channel: 'print',
          templateId: template.id,
        },
        { links },
      );
    }
    // The seed's story: a molcajete that sold for about 9 USD locally.
    try {
      const upliftShop = await shopContext(ctx, opts.upliftShop ?? 'molcajetes-dona-chayo');
      const [first] = (await listProducts(upliftShop, { limit: 1, includeUnpublished: true }))
        .items;
      if (first)
        await setPreOnlinePrice(upliftShop, {
          productId: first.id,
          price: '9',
          currency: 'USD',
          note: 'Sunday market',
        });
    } catch (err) {
      if (!isAldeaError(err, 'NOT_FOUND')) throw err;
    }
    return {
      seeded: true,
      templateId: template.id,
      shopId,
      cohortId: cohort.id,
      invitations: sellers.length,
    };
  });
}
