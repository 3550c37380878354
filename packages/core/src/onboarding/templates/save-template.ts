import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.js';
import { authorize } from '../../auth/permissions.js';
import type { Db } from '../../db/database.js';
import { AldeaError } from '../../errors.js';
import { newId } from '../../ids.js';
import {
  collectionProducts,
  collections,
  productOptions,
  productOptionValues,
  products,
  productTexts,
  variantOptionValues,
  variants,
} from '../../schema/catalog.js';
import { shopTemplates } from '../../schema/onboarding.js';
import { shopPaymentSettings } from '../../schema/payments.js';
import { shopPricingSettings, shopRoundingRules } from '../../schema/pricing.js';
import { shippingRates, shippingZones } from '../../schema/shipping.js';
import { shopTexts } from '../../schema/tenancy.js';
import type { ShopContext } from '../../tenancy/context.js';
import { parseInput } from '../../validation.js';
import { actingUserId } from '../village-access.js';
import { ShopTemplateData, type ShopTemplateView, type TemplateProduct } from './template-data.js';

/** Input of {@link saveShopTemplate}. */
export const SaveShopTemplateInput = z.object({
  name: z.string().trim().min(1, 'give the template a name').max(120),
  /** How many of the shop's products to keep as sample drafts (oldest first). */
  sampleProducts: z.int().min(0).max(20).default(5),
});
export type SaveShopTemplateInput = z.input<typeof SaveShopTemplateInput>;

async function sampleProducts(db: Db, shopId: string, limit: number): Promise<TemplateProduct[]> {
  if (limit === 0) return [];
  const rows = await db
    .select({ id: products.id, originPlace: products.originPlace })
    .from(products)
    .where(and(eq(products.shopId, shopId), ne(products.status, 'archived')))
    .orderBy(asc(products.createdAt), asc(products.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const texts = await db
    .select()
    .from(productTexts)
    .where(and(eq(productTexts.shopId, shopId), inArray(productTexts.productId, ids)));
  const options = await db
    .select()
    .from(productOptions)
    .where(and(eq(productOptions.shopId, shopId), inArray(productOptions.productId, ids)))
    .orderBy(asc(productOptions.position));
  const values = await db
    .select()
    .from(productOptionValues)
    .where(
      and(
        eq(productOptionValues.shopId, shopId),
        inArray(
          productOptionValues.optionId,
          options.map((o) => o.id),
        ),
      ),
    )
    .orderBy(asc(productOptionValues.position));
  const vars = await db
    .select()
    .from(variants)
    .where(and(eq(variants.shopId, shopId), inArray(variants.productId, ids)))
    .orderBy(asc(variants.position), asc(variants.id));
  const links = await db
    .select()
    .from(variantOptionValues)
    .where(
      and(
        eq(variantOptionValues.shopId, shopId),
        inArray(
          variantOptionValues.variantId,
          vars.map((v) => v.id),
        ),
      ),
    );
  const inCollections = await db
    .select({ productId: collectionProducts.productId, slug: collections.slug })
    .from(collectionProducts)
    .innerJoin(
      collections,
      and(
        eq(collections.shopId, collectionProducts.shopId),
        eq(collections.id, collectionProducts.collectionId),
      ),
    )
    .where(and(eq(collectionProducts.shopId, shopId), inArray(collectionProducts.productId, ids)));
  return rows.map((p) => {
    const opts = options.filter((o) => o.productId === p.id);
    const optValues = opts.map((o) => values.filter((v) => v.optionId === o.id));
    return {
      originPlace: p.originPlace,
      texts: Object.fromEntries(
        texts
          .filter((t) => t.productId === p.id)
          .map((t) => [
            t.locale,
            { title: t.title, description: t.description, materials: t.materials, care: t.care },
          ]),
      ),
      options: opts.map((o, i) => ({ name: o.name, values: optValues[i]!.map((v) => v.label) })),
      variants: vars
        .filter((v) => v.productId === p.id)
        .map((v) => {
          const mine = new Set(
            links.filter((l) => l.variantId === v.id).map((l) => l.optionValueId),
          );
          return {
            sku: v.sku,
            priceMinor: v.priceMinor,
            weightGrams: v.weightGrams,
            madeToOrder: v.madeToOrder,
            processingDaysMin: v.processingDaysMin,
            processingDaysMax: v.processingDaysMax,
            optionValues: optValues.map((vals) => vals.findIndex((x) => mine.has(x.id))),
          };
        }),
      collectionSlugs: inCollections.filter((c) => c.productId === p.id).map((c) => c.slug),
    };
  });
}

/** Reads a shop's structure as template data (reads through `db`). */
export async function readShopStructure(
  db: Db,
  ctx: ShopContext,
  sampleLimit: number,
): Promise<ShopTemplateData> {
  const shopId = ctx.shop.id;
  const texts = await db.select().from(shopTexts).where(eq(shopTexts.shopId, shopId));
  const cols = await db
    .select()
    .from(collections)
    .where(eq(collections.shopId, shopId))
    .orderBy(asc(collections.position), asc(collections.slug));
  const zones = await db
    .select()
    .from(shippingZones)
    .where(eq(shippingZones.shopId, shopId))
    .orderBy(asc(shippingZones.position), asc(shippingZones.id));
  const rates = await db
    .select()
    .from(shippingRates)
    .where(eq(shippingRates.shopId, shopId))
    .orderBy(asc(shippingRates.position), asc(shippingRates.id));
  const [payment] = await db
    .select()
    .from(shopPaymentSettings)
    .where(eq(shopPaymentSettings.shopId, shopId));
  const rounding = await db
    .select()
    .from(shopRoundingRules)
    .where(eq(shopRoundingRules.shopId, shopId));
  const [pricing] = await db
    .select()
    .from(shopPricingSettings)
    .where(eq(shopPricingSettings.shopId, shopId));
  return ShopTemplateData.parse({
    version: 1,
    baseCurrency: ctx.shop.baseCurrency,
    defaultLocale: ctx.shop.defaultLocale,
    locales: ctx.shop.locales,
    buyerCurrencies: ctx.shop.buyerCurrencies,
    policies: Object.fromEntries(
      texts
        .filter((t) => t.shippingPolicy || t.returnsPolicy)
        .map((t) => [
          t.locale,
          { shippingPolicy: t.shippingPolicy, returnsPolicy: t.returnsPolicy },
        ]),
    ),
    collections: cols.map((c) => ({
      slug: c.slug,
      title: c.title,
      description: c.description,
      position: c.position,
    })),
    shipping: zones.map((z) => ({
      name: z.name,
      countries: z.countries,
      taxRateBps: z.taxRateBps,
      taxInclusive: z.taxInclusive,
      rates: rates
        .filter((r) => r.zoneId === z.id)
        .map((r) => ({
          name: r.name,
          minWeightGrams: r.minWeightGrams,
          maxWeightGrams: r.maxWeightGrams,
          amountMinor: r.amountMinor,
          freeOverMinor: r.freeOverMinor,
          deliveryDaysMin: r.deliveryDaysMin,
          deliveryDaysMax: r.deliveryDaysMax,
        })),
    })),
    payment: payment
      ? {
          cardEnabled: payment.cardEnabled,
          manualMethods: payment.manualMethods,
          instructions: payment.instructions,
        }
      : null,
    rounding: rounding.map((r) => ({
      currency: r.currency,
      rule: r.rule,
      neverBelow: r.neverBelow,
    })),
    fxMarginBps: pricing?.fxMarginBps ?? 0,
    products: await sampleProducts(db, shopId, sampleLimit),
  });
}

/** The list view of a stored template. */
export function templateView(
  row: typeof shopTemplates.$inferSelect,
  data: ShopTemplateData,
): ShopTemplateView {
  return {
    id: row.id,
    villageId: row.villageId,
    sourceShopId: row.sourceShopId,
    name: row.name,
    baseCurrency: row.baseCurrency,
    collections: data.collections.length,
    shippingZones: data.shipping.length,
    products: data.products.length,
    createdAt: row.createdAt,
  };
}

/**
 * Saves the structure of the context's shop as a template: collections,
 * shipping zones and rates, policies, payment methods and instructions,
 * rounding rules and margin, languages, buyer currencies and up to
 * `sampleProducts` product drafts (texts, options, variants, prices; no stock,
 * photos or orders). For trainers and operators (audited); owners may too.
 *
 * @throws AldeaError FORBIDDEN / NOT_FOUND (not the actor's shop), VALIDATION
 */
export async function saveShopTemplate(
  ctx: ShopContext,
  raw: SaveShopTemplateInput,
): Promise<ShopTemplateView> {
  authorize(ctx, 'settings.write');
  const input = parseInput(SaveShopTemplateInput, raw);
  if (ctx.role === 'staff') throw new AldeaError('FORBIDDEN', 'staff may not save templates');
  const now = ctx.clock.now();
  const id = newId('template', now.getTime());
  return ctx.db.transaction(async (tx) => {
    const data = await readShopStructure(tx, ctx, input.sampleProducts);
    const [row] = await tx
      .insert(shopTemplates)
      .values({
        id,
        villageId: ctx.shop.villageId,
        sourceShopId: ctx.shop.id,
        name: input.name,
        baseCurrency: data.baseCurrency,
        data: data as unknown as Record<string, unknown>,
        createdBy: actingUserId(ctx),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'onboarding.template.save',
      entity: 'template',
      entityId: id,
      data: { name: input.name, products: data.products.length },
    });
    return templateView(row!, data);
  });
}
