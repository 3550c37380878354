import { and, asc, eq, gt, inArray, like } from 'drizzle-orm';
import { z } from 'zod';
import { pickLocalized } from '../i18n/locales.js';
import { memberships, shops, shopTexts, users, villages } from '../schema/tenancy.js';
import { parseInput } from '../validation.js';
import type { OperatorContext } from './operator-context.js';

/** A shop on the operator's list. */
export interface OperatorShopRow {
  id: string;
  slug: string;
  name: string;
  status: 'onboarding' | 'live' | 'paused';
  baseCurrency: string;
  customDomain: string | null;
  villageId: string;
  villageSlug: string;
  owners: { id: string; name: string }[];
  createdAt: Date;
}

/** Input of {@link listAllShops}: filters and a slug keyset page. */
export const ListShopsInput = z.object({
  villageId: z.string().max(64).optional(),
  status: z.enum(['onboarding', 'live', 'paused']).optional(),
  /** Part of the slug. */
  q: z.string().trim().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The last slug of the previous page. */
  after: z.string().max(64).optional(),
});
export type ListShopsInput = z.input<typeof ListShopsInput>;

/**
 * Every shop of the platform (operator read), by slug, one page at a time, with
 * names in the context's locale and their owners. Four statements.
 */
export async function listAllShops(
  op: OperatorContext,
  raw: ListShopsInput = {},
): Promise<{ items: OperatorShopRow[]; nextAfter: string | null }> {
  const input = parseInput(ListShopsInput, raw);
  const rows = await op.db.read
    .select({ shop: shops, villageSlug: villages.slug })
    .from(shops)
    .innerJoin(villages, eq(villages.id, shops.villageId))
    .where(
      and(
        input.villageId ? eq(shops.villageId, input.villageId) : undefined,
        input.status ? eq(shops.status, input.status) : undefined,
        input.q ? like(shops.slug, `%${input.q.replace(/[%_]/g, '')}%`) : undefined,
        input.after ? gt(shops.slug, input.after) : undefined,
      ),
    )
    .orderBy(asc(shops.slug))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.shop.id);
  const [texts, owners] = ids.length
    ? await Promise.all([
        op.db.read
          .select({ shopId: shopTexts.shopId, locale: shopTexts.locale, name: shopTexts.name })
          .from(shopTexts)
          .where(inArray(shopTexts.shopId, ids)),
        op.db.read
          .select({ shopId: memberships.shopId, id: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(inArray(memberships.shopId, ids), eq(memberships.role, 'owner'))),
      ])
    : [[], []];
  return {
    items: page.map(({ shop, villageSlug }) => ({
      id: shop.id,
      slug: shop.slug,
      name:
        pickLocalized(
          new Map(texts.filter((t) => t.shopId === shop.id).map((t) => [t.locale, t.name])),
          op.locale,
          shop.defaultLocale,
        )?.value ?? shop.slug,
      status: shop.status,
      baseCurrency: shop.baseCurrency,
      customDomain: shop.customDomain,
      villageId: shop.villageId,
      villageSlug,
      owners: owners.filter((o) => o.shopId === shop.id).map(({ id, name }) => ({ id, name })),
      createdAt: shop.createdAt,
    })),
    nextAfter: rows.length > input.limit ? (page.at(-1)?.shop.slug ?? null) : null,
  };
}
