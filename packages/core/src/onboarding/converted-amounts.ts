import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { type ConvertedEntity, convertedAmounts } from '../schema/onboarding.js';
import type { ShopContext } from '../tenancy/context.js';

/** An amount a template copy converted, as the seller reviews it. */
export interface ConvertedAmountView {
  entity: ConvertedEntity;
  entityId: string;
  /** What it is: the variant's SKU and product title, or the shipping rate's name. */
  label: string;
  fromAmountMinor: number;
  fromCurrency: string;
  amountMinor: number;
  currency: string;
  rate: string;
}

interface Row {
  entity: ConvertedEntity;
  entity_id: string;
  label: string | null;
  from_amount_minor: number;
  from_currency: string;
  amount_minor: number;
  currency: string;
  rate: string;
}

/**
 * The converted amounts still waiting for the seller: not confirmed and not
 * changed by hand since (a changed price counts as the seller's own). One statement.
 */
export async function listOpenConversions(ctx: ShopContext): Promise<ConvertedAmountView[]> {
  authorize(ctx, 'shop.read');
  const rows = await ctx.db.read.all<Row>(sql`
    select ca.entity, ca.entity_id, ca.from_amount_minor, ca.from_currency, ca.amount_minor,
      ca.currency, ca.rate,
      coalesce(
        (select v.sku || ' · ' || coalesce((select t.title from product_texts t
            where t.shop_id = v.shop_id and t.product_id = v.product_id
            order by t.locale = ${ctx.locale} desc limit 1), '')
          from variants v where v.shop_id = ca.shop_id and v.id = ca.entity_id
            and v.price_minor = ca.amount_minor),
        (select coalesce(json_extract(r.name, '$."' || ${ctx.locale} || '"'),
                         (select value from json_each(r.name) limit 1))
          from shipping_rates r where r.shop_id = ca.shop_id and r.id = ca.entity_id
            and ((ca.entity = 'shipping_rate' and r.amount_minor = ca.amount_minor)
              or (ca.entity = 'shipping_free_over' and r.free_over_minor = ca.amount_minor)))
      ) as label
    from converted_amounts ca
    where ca.shop_id = ${ctx.shop.id} and ca.confirmed_at is null
    order by ca.entity, label, ca.entity_id`);
  return rows
    .filter((r) => r.label !== null)
    .map((r) => ({
      entity: r.entity,
      entityId: r.entity_id,
      label: r.label!,
      fromAmountMinor: r.from_amount_minor,
      fromCurrency: r.from_currency,
      amountMinor: r.amount_minor,
      currency: r.currency,
      rate: r.rate,
    }));
}

/**
 * The seller confirms the converted amounts (all, or those named): they become
 * the seller's own prices and the "prices" step can be done. Needs
 * `catalog.write`; audited.
 */
export async function confirmConvertedAmounts(
  ctx: ShopContext,
  which: { entityIds?: string[] } = {},
): Promise<number> {
  authorize(ctx, 'catalog.write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const confirmed = await tx
      .update(convertedAmounts)
      .set({ confirmedAt: now })
      .where(
        and(
          eq(convertedAmounts.shopId, ctx.shop.id),
          isNull(convertedAmounts.confirmedAt),
          which.entityIds
            ? sql`${convertedAmounts.entityId} in (select value from json_each(${JSON.stringify(which.entityIds)}))`
            : undefined,
        ),
      )
      .returning({ id: convertedAmounts.entityId });
    if (confirmed.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'onboarding.prices.confirm',
        entity: 'shop',
        entityId: ctx.shop.id,
        data: { count: confirmed.length },
      });
    }
    return confirmed.length;
  });
}
