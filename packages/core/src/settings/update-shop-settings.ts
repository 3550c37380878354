import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { authorize, isAuditedRole } from '../auth/permissions.js';
import type { Db } from '../db/database.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { AldeaError } from '../errors.js';
import { shops, shopTexts } from '../schema/tenancy.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import {
  BuyerCurrenciesInput,
  CustomDomainInput,
  ShopLanguagesInput,
  ShopProfileInput,
  ShopStatusInput,
} from './schemas.js';

/**
 * Runs one settings change: `settings.write` checked, one transaction, the
 * shop's `updated_at` bumped, and an audit entry when the actor is a trainer
 * or operator — or always, for money-related settings.
 */
async function change<T>(
  ctx: ShopContext,
  audit: { action: string; data: Record<string, unknown>; money?: boolean },
  run: (tx: Db) => Promise<T>,
): Promise<T> {
  authorize(ctx, 'settings.write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const result = await run(tx);
    await tx.update(shops).set({ updatedAt: now }).where(eq(shops.id, ctx.shop.id));
    if (audit.money || isAuditedRole(ctx.role)) {
      await recordAudit(tx, ctx, {
        action: audit.action,
        entity: 'shop',
        entityId: ctx.shop.id,
        data: audit.data,
      });
    }
    return result;
  });
}

/** Writes the shop's name, tagline, story and policies in one of its languages. */
export async function updateShopProfile(ctx: ShopContext, raw: ShopProfileInput): Promise<void> {
  const input = parseInput(ShopProfileInput, raw);
  if (!ctx.shop.locales.includes(input.locale)) {
    throw new AldeaError('VALIDATION', 'the shop does not write in this language', [
      { path: 'locale', message: 'add this language to the shop first', code: 'locale' },
    ]);
  }
  await change(
    ctx,
    { action: 'shop.profile.update', data: { locale: input.locale } },
    async (tx) => {
      await tx
        .insert(shopTexts)
        .values({ shopId: ctx.shop.id, locale: input.locale, ...input.texts })
        .onConflictDoUpdate({ target: [shopTexts.shopId, shopTexts.locale], set: input.texts });
    },
  );
}

/**
 * Sets the languages the shop writes in. A language with texts can be turned
 * off (its texts are kept, just not offered); the default must have a name.
 */
export async function setShopLanguages(ctx: ShopContext, raw: ShopLanguagesInput): Promise<void> {
  const input = parseInput(ShopLanguagesInput, raw);
  await change(ctx, { action: 'shop.languages.set', data: { ...input } }, async (tx) => {
    const [named] = await tx
      .select({ locale: shopTexts.locale })
      .from(shopTexts)
      .where(and(eq(shopTexts.shopId, ctx.shop.id), eq(shopTexts.locale, input.defaultLocale)));
    if (!named) {
      throw new AldeaError('VALIDATION', 'write the shop name in the default language first', [
        {
          path: 'defaultLocale',
          message: 'write the shop name in this language first',
          code: 'no_texts',
        },
      ]);
    }
    await tx
      .update(shops)
      .set({ defaultLocale: input.defaultLocale, locales: input.locales })
      .where(eq(shops.id, ctx.shop.id));
  });
}

/** Sets the currencies buyers may pay in (the base currency is always kept). Audited: it moves prices. */
export async function setBuyerCurrencies(
  ctx: ShopContext,
  raw: BuyerCurrenciesInput,
): Promise<string[]> {
  const input = parseInput(BuyerCurrenciesInput, raw);
  const currencies = [...new Set([ctx.shop.baseCurrency, ...input.currencies])];
  await change(
    ctx,
    {
      action: 'shop.currencies.set',
      data: { from: ctx.shop.buyerCurrencies, to: currencies },
      money: true,
    },
    (tx) => tx.update(shops).set({ buyerCurrencies: currencies }).where(eq(shops.id, ctx.shop.id)),
  );
  return currencies;
}

/** Sets or removes the shop's custom domain; another shop's domain is a CONFLICT on `domain`. */
export async function setCustomDomain(ctx: ShopContext, raw: CustomDomainInput): Promise<void> {
  const input = parseInput(CustomDomainInput, raw);
  await change(ctx, { action: 'shop.domain.set', data: { domain: input.domain } }, (tx) =>
    conflictOnUnique(
      () => tx.update(shops).set({ customDomain: input.domain }).where(eq(shops.id, ctx.shop.id)),
      { shops_custom_domain_uq: ['domain', 'another shop already uses this domain'] },
    ),
  );
}

/** Opens the shop to buyers (`live`) or pauses it. Going live records when, the first time. */
export async function setShopStatus(ctx: ShopContext, raw: ShopStatusInput): Promise<void> {
  const input = parseInput(ShopStatusInput, raw);
  const now = ctx.clock.now();
  await change(
    ctx,
    { action: 'shop.status.set', data: { from: ctx.shop.status, to: input.status } },
    async (tx) => {
      const [row] = await tx
        .select({ liveAt: shops.liveAt })
        .from(shops)
        .where(eq(shops.id, ctx.shop.id));
      await tx
        .update(shops)
        .set({
          status: input.status,
          liveAt: input.status === 'live' && !row?.liveAt ? now : (row?.liveAt ?? null),
        })
        .where(eq(shops.id, ctx.shop.id));
    },
  );
}
