import { and, eq, isNotNull } from 'drizzle-orm';
import { pickLocalized } from '../i18n/locales.js';
import { shopPaymentSettings } from '../schema/payments.js';
import { memberships, shops, shopTexts, users } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import type { OutboxRenderer } from './deliver-outbox.js';
import {
  ORDER_EMAIL_KINDS,
  type OrderEmailKind,
  type OrderEmailPayload,
  renderOrderEmail,
} from './order-emails.js';

async function shopNameAndLocale(ctx: PlatformContext, shopId: string, locale: string) {
  const [shop] = await ctx.db.read
    .select({ slug: shops.slug, defaultLocale: shops.defaultLocale })
    .from(shops)
    .where(eq(shops.id, shopId));
  if (!shop) return null;
  const texts = await ctx.db.read
    .select({ locale: shopTexts.locale, name: shopTexts.name })
    .from(shopTexts)
    .where(eq(shopTexts.shopId, shopId));
  const name = pickLocalized(
    new Map(texts.map((t) => [t.locale, t.name])),
    locale,
    shop.defaultLocale,
  );
  return { name: name?.value ?? shop.slug, defaultLocale: shop.defaultLocale };
}

/** Where a shop's own emails go: its notify address, else its owners. */
async function sellerRecipients(ctx: PlatformContext, shopId: string): Promise<string[]> {
  const [settings] = await ctx.db.read
    .select({ email: shopPaymentSettings.notifyEmail })
    .from(shopPaymentSettings)
    .where(eq(shopPaymentSettings.shopId, shopId));
  if (settings?.email) return [settings.email];
  const owners = await ctx.db.read
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.shopId, shopId), eq(memberships.role, 'owner'), isNotNull(users.email)),
    );
  return owners.map((o) => o.email!).filter(Boolean);
}

function rendererFor(kind: OrderEmailKind): OutboxRenderer {
  return async (ctx, row, opts) => {
    const p = row.payload as unknown as OrderEmailPayload;
    const seller = p.audience === 'seller';
    const shop = await shopNameAndLocale(ctx, p.shopId, p.locale);
    if (!shop) return null;
    const locale = seller ? shop.defaultLocale : p.locale;
    const to = seller ? await sellerRecipients(ctx, p.shopId) : p.to ? [p.to] : [];
    const email = renderOrderEmail(
      kind,
      { ...p, locale },
      { shopName: shop.name, publicUrl: opts.publicUrl },
    );
    return { to, ...email };
  };
}

/** Renderers for every order email kind (the outbox worker's default). */
export const orderEmailRenderers: Record<string, OutboxRenderer> = Object.fromEntries(
  ORDER_EMAIL_KINDS.map((k) => [k, rendererFor(k)]),
);
