import { and, eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { pickLocalized } from '../i18n/locales.js';
import { getPaymentSettings, type PaymentSettings } from '../payments/payment-settings.js';
import type { PaymentGateway } from '../payments/provider.js';
import { checkouts, type PaymentMethod } from '../schema/orders.js';
import type { ShopContext } from '../tenancy/context.js';
import { type CheckoutView, loadCheckoutRow, toCheckoutView } from './checkout-view.js';
import { checkoutText } from './messages.js';

/** A way the buyer can pay in this shop. */
export interface PaymentOption {
  method: PaymentMethod;
  provider: 'stripe' | 'manual';
  label: string;
  /** The shop's instructions (bank details, co-op address) in the buyer's language. */
  instructions: string | null;
}

/** The payment step: the methods on offer, and a note when cards are not. */
export interface PaymentChoices {
  options: PaymentOption[];
  /** Set when card payments are not offered (no Stripe key, or the shop turned them off). */
  cardUnavailable: string | null;
}

/** Pure: the methods a shop offers given its settings and the platform's providers. */
export function paymentOptionsFor(
  settings: PaymentSettings,
  gateway: PaymentGateway,
  locale: string,
  shopDefaultLocale: string,
): PaymentChoices {
  const t = checkoutText(locale);
  const options: PaymentOption[] = [];
  const card = Boolean(gateway.card) && settings.cardEnabled;
  if (card)
    options.push({
      method: 'card',
      provider: 'stripe',
      label: t('method.card'),
      instructions: null,
    });
  for (const m of settings.manualMethods) {
    const texts = settings.instructions[m] ?? {};
    options.push({
      method: m,
      provider: 'manual',
      label: t(`method.${m}`),
      instructions: pickLocalized(texts, locale, shopDefaultLocale)?.value ?? null,
    });
  }
  return { options, cardUnavailable: card ? null : t('card.unavailable') };
}

/** The ways to pay in this shop, in the checkout's language. */
export async function listPaymentOptions(
  ctx: ShopContext,
  token: string,
  deps: { gateway: PaymentGateway },
): Promise<PaymentChoices> {
  const row = await loadCheckoutRow(ctx.db.read, ctx.shop.id, token);
  const settings = await getPaymentSettings(ctx);
  return paymentOptionsFor(settings, deps.gateway, row.locale, ctx.shop.defaultLocale);
}

/** Step 3: chooses a payment method among those offered. */
export async function choosePaymentMethod(
  ctx: ShopContext,
  token: string,
  input: { method: string },
  deps: { gateway: PaymentGateway },
): Promise<CheckoutView> {
  const choices = await listPaymentOptions(ctx, token, deps);
  if (!choices.options.some((o) => o.method === input.method)) {
    throw new AldeaError('VALIDATION', 'choose one of the payment methods shown', [
      { path: 'method', message: 'not offered in this shop', code: 'method' },
    ]);
  }
  const now = ctx.clock.now();
  const [updated] = await ctx.db.transaction((tx) =>
    tx
      .update(checkouts)
      .set({ paymentMethod: input.method, updatedAt: now })
      .where(and(eq(checkouts.shopId, ctx.shop.id), eq(checkouts.token, token)))
      .returning(),
  );
  return toCheckoutView(updated!);
}
