import { z } from 'zod';
import type { PlatformContext, ShopContext } from '../../tenancy/context.js';
import { resolveShopRole } from '../../tenancy/resolve-shop-role.js';
import { CurrencyCode, LocaleCode, Slug } from '../../tenancy/schemas.js';
import { createShop } from '../../tenancy/shops.js';
import { addMembership } from '../../tenancy/users.js';
import { parseInput } from '../../validation.js';
import { requireVillageAccess } from '../village-access.js';
import { type AppliedTemplate, applyTemplate } from './apply-template.js';

/** Input of {@link createShopFromTemplate}. */
export const CreateShopFromTemplateInput = z.object({
  templateId: z.string().min(1).max(64),
  villageId: z.string().min(1).max(64),
  slug: Slug,
  name: z.string().trim().min(1, 'give the shop a name').max(120),
  /** Default: the village's currency. */
  baseCurrency: CurrencyCode.optional(),
  /** Default: the village's language. */
  defaultLocale: LocaleCode.optional(),
  /** Made the shop's owner (e.g. the seller who will run it). */
  ownerUserId: z.string().min(1).max(64).optional(),
});
export type CreateShopFromTemplateInput = z.input<typeof CreateShopFromTemplateInput>;

/**
 * Opens a new shop in a village (of the acting trainer, or any for an
 * operator) from a template, in one transaction: the shop, then the template
 * applied with amounts converted into the shop's currency at current rates
 * and marked for the seller to confirm. If anything fails — no rate, a
 * taken slug — nothing is saved.
 *
 * @example
 * await createShopFromTemplate(trainer, { templateId, villageId: comonfort.id, slug: 'nueces-de-la-sierra', name: 'Nueces de la Sierra' });
 */
export async function createShopFromTemplate(
  ctx: PlatformContext,
  raw: CreateShopFromTemplateInput,
): Promise<{ shopId: string; applied: AppliedTemplate }> {
  const input = parseInput(CreateShopFromTemplateInput, raw);
  const village = await requireVillageAccess(ctx, input.villageId);
  const locale = input.defaultLocale ?? (village.defaultLocale as 'en');
  return ctx.db.transaction(async () => {
    const ref = await createShop(ctx, {
      villageId: village.id,
      slug: input.slug,
      baseCurrency: input.baseCurrency ?? village.defaultCurrency,
      defaultLocale: locale,
      status: 'onboarding',
      texts: { [locale]: { name: input.name } },
    });
    const shop: ShopContext = { ...ctx, shop: ref, role: await resolveShopRole(ctx, ref) };
    if (input.ownerUserId) await addMembership(shop, input.ownerUserId, 'owner');
    const applied = await applyTemplate(shop, input.templateId);
    return { shopId: ref.id, applied };
  });
}
