import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit.js';
import { authorize } from '../../auth/permissions.js';
import { createCollection } from '../../catalog/collection-commands.js';
import { createProduct } from '../../catalog/create-product.js';
import type { Db } from '../../db/database.js';
import { isAldeaError, notFound } from '../../errors.js';
import type { Locale } from '../../i18n/locales.js';
import { setPaymentSettings } from '../../payments/payment-settings.js';
import { setFxMargin, setRoundingRule } from '../../pricing/pricing-settings.js';
import { convertedAmounts, shopTemplates } from '../../schema/onboarding.js';
import { shopTexts } from '../../schema/tenancy.js';
import {
  setBuyerCurrencies,
  setShopLanguages,
  updateShopProfile,
} from '../../settings/update-shop-settings.js';
import { createShippingRate } from '../../shipping/shipping-rates.js';
import { createShippingZone } from '../../shipping/shipping-zones.js';
import type { ShopContext } from '../../tenancy/context.js';
import { type AmountConverter, templateConverter } from './amount-converter.js';
import { ShopTemplateData } from './template-data.js';

/** What applying a template made. */
export interface AppliedTemplate {
  templateId: string;
  collections: number;
  shippingZones: number;
  shippingRates: number;
  products: number;
  /** Amounts converted into the shop's currency, waiting for the seller to confirm. */
  converted: number;
  /** The rate used (`null` when the template was in the shop's own currency). */
  rate: string | null;
}

type Converted = Omit<typeof convertedAmounts.$inferInsert, 'shopId' | 'createdAt' | 'rate'>;

/** Reads and validates a template's data (NOT_FOUND for an unknown id). */
export async function loadTemplateData(db: Db, templateId: string) {
  const [row] = await db.select().from(shopTemplates).where(eq(shopTemplates.id, templateId));
  if (!row) throw notFound('template');
  return { row, data: ShopTemplateData.parse(row.data) };
}

async function applyProfile(tx: Db, ctx: ShopContext, data: ShopTemplateData) {
  const locales = [
    ...new Set([ctx.shop.defaultLocale, ...ctx.shop.locales, ...data.locales]),
  ] as Locale[];
  await setShopLanguages(ctx, { defaultLocale: ctx.shop.defaultLocale as Locale, locales });
  const shop = { ...ctx, shop: { ...ctx.shop, locales } };
  const existing = await tx.select().from(shopTexts).where(eq(shopTexts.shopId, ctx.shop.id));
  const fallbackName =
    existing.find((t) => t.locale === ctx.shop.defaultLocale)?.name ?? ctx.shop.slug;
  for (const [locale, policy] of Object.entries(data.policies)) {
    if (!policy || !locales.includes(locale as Locale)) continue;
    const mine = existing.find((t) => t.locale === locale);
    await updateShopProfile(shop, {
      locale: locale as Locale,
      texts: {
        name: mine?.name ?? fallbackName,
        tagline: mine?.tagline ?? '',
        story: mine?.story ?? '',
        shippingPolicy: policy.shippingPolicy,
        returnsPolicy: policy.returnsPolicy,
      },
    });
  }
  return shop;
}

async function applySettings(ctx: ShopContext, data: ShopTemplateData) {
  await setBuyerCurrencies(ctx, {
    currencies: data.buyerCurrencies.filter((c) => c !== data.baseCurrency),
  });
  if (data.payment) await setPaymentSettings(ctx, data.payment);
  for (const r of data.rounding) {
    if (r.currency === ctx.shop.baseCurrency) continue;
    try {
      await setRoundingRule(ctx, {
        currency: r.currency,
        rounding: r.rule,
        neverBelow: r.neverBelow,
      });
    } catch (err) {
      // A rule that does not fit (never for a copy of a working shop) is left at the default.
      if (!isAldeaError(err, 'VALIDATION')) throw err;
    }
  }
  if (data.fxMarginBps > 0) await setFxMargin(ctx, { marginBps: data.fxMarginBps });
}

async function applyShipping(ctx: ShopContext, data: ShopTemplateData, conv: AmountConverter) {
  const converted: Converted[] = [];
  let rates = 0;
  for (const [position, zone] of data.shipping.entries()) {
    const made = await createShippingZone(ctx, {
      name: zone.name,
      countries: zone.countries,
      position,
      taxRateBps: zone.taxRateBps,
      taxInclusive: zone.taxInclusive,
    });
    for (const [i, r] of zone.rates.entries()) {
      const amountMinor = conv.convert(r.amountMinor);
      const freeOverMinor = r.freeOverMinor === null ? null : conv.convert(r.freeOverMinor);
      const rate = await createShippingRate(ctx, {
        zoneId: made.id,
        ...r,
        amountMinor,
        freeOverMinor,
        position: i,
      });
      rates++;
      if (conv.rate === null) continue;
      if (r.amountMinor > 0) {
        converted.push({
          entity: 'shipping_rate',
          entityId: rate.id,
          fromAmountMinor: r.amountMinor,
          fromCurrency: conv.from,
          amountMinor,
          currency: conv.to,
        });
      }
      if (r.freeOverMinor !== null && freeOverMinor !== null && r.freeOverMinor > 0) {
        converted.push({
          entity: 'shipping_free_over',
          entityId: rate.id,
          fromAmountMinor: r.freeOverMinor,
          fromCurrency: conv.from,
          amountMinor: freeOverMinor,
          currency: conv.to,
        });
      }
    }
  }
  return { converted, zones: data.shipping.length, rates };
}

async function applyCatalog(ctx: ShopContext, data: ShopTemplateData, conv: AmountConverter) {
  const collectionIds = new Map<string, string>();
  for (const c of data.collections) {
    const made = await createCollection(ctx, {
      slug: c.slug,
      title: c.title,
      description: c.description,
      position: c.position,
    });
    collectionIds.set(c.slug, made.id);
  }
  const converted: Converted[] = [];
  for (const p of data.products) {
    const detail = await createProduct(ctx, {
      status: 'draft',
      originPlace: p.originPlace,
      texts: p.texts,
      options: p.options,
      variants: p.variants.map((v) => ({
        sku: v.sku,
        priceMinor: conv.convert(v.priceMinor),
        stockOnHand: 0,
        weightGrams: v.weightGrams,
        madeToOrder: v.madeToOrder,
        processingDaysMin: v.processingDaysMin,
        processingDaysMax: v.processingDaysMax,
        optionValues: v.optionValues,
      })),
      collectionIds: p.collectionSlugs.flatMap((s) => collectionIds.get(s) ?? []),
    });
    if (conv.rate === null) continue;
    for (const v of detail.variants) {
      const source = p.variants.find((x) => x.sku === v.sku)!;
      converted.push({
        entity: 'variant',
        entityId: v.id,
        fromAmountMinor: source.priceMinor,
        fromCurrency: conv.from,
        amountMinor: v.priceMinor,
        currency: conv.to,
      });
    }
  }
  return { converted, collections: data.collections.length, products: data.products.length };
}

/**
 * Copies a template into the context's shop, in one transaction: languages,
 * policies, buyer currencies, payment methods and instructions, rounding rules
 * and margin, collections, shipping zones and rates, and sample products as
 * drafts (no stock). Amounts in another currency are converted at the current
 * rate, rounded by the shop currency's default rule, and recorded for the
 * seller to confirm (the "prices" step stays open until they do). Meant for a
 * new shop: applied twice, the SKUs and slugs collide (CONFLICT, nothing saved).
 *
 * @throws AldeaError NOT_FOUND (template), VALIDATION (`currency`/`no_rate`), CONFLICT, FORBIDDEN
 */
export async function applyTemplate(
  ctx: ShopContext,
  templateId: string,
): Promise<AppliedTemplate> {
  authorize(ctx, 'settings.write');
  authorize(ctx, 'catalog.write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { data } = await loadTemplateData(tx, templateId);
    const conv = await templateConverter(tx, ctx.shop.id, data.baseCurrency, ctx.shop.baseCurrency);
    const shop = await applyProfile(tx, ctx, data);
    await applySettings(shop, data);
    const catalog = await applyCatalog(shop, data, conv);
    const shipping = await applyShipping(shop, data, conv);
    const converted = [...catalog.converted, ...shipping.converted];
    if (converted.length > 0) {
      await tx
        .insert(convertedAmounts)
        .values(
          converted.map((c) => ({ ...c, shopId: ctx.shop.id, rate: conv.rate!, createdAt: now })),
        );
    }
    const result: AppliedTemplate = {
      templateId,
      collections: catalog.collections,
      shippingZones: shipping.zones,
      shippingRates: shipping.rates,
      products: catalog.products,
      converted: converted.length,
      rate: conv.rate,
    };
    await recordAudit(tx, ctx, {
      action: 'onboarding.template.apply',
      entity: 'template',
      entityId: templateId,
      data: { ...result, from: conv.from, to: conv.to },
    });
    return result;
  });
}
