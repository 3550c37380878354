import { and, eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { isLocale } from '../i18n/locales.js';
import { checkouts } from '../schema/orders.js';
import { zoneForCountry } from '../shipping/match-rates.js';
import { listShippingZones } from '../shipping/shipping-zones.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseContactAddress } from './address.js';
import { type CheckoutView, loadCheckoutRow, toCheckoutView } from './checkout-view.js';
import { countryName } from './countries.js';
import { checkoutText } from './messages.js';

/**
 * Step 1: the buyer's email and shipping address, validated for its country,
 * with errors in the checkout's language. A country the shop has no shipping
 * zone for is refused on the `country` field. Changing the country drops the
 * chosen shipping rate and the review.
 */
export async function setCheckoutContact(
  ctx: ShopContext,
  token: string,
  raw: unknown,
): Promise<CheckoutView> {
  const row = await loadCheckoutRow(ctx.db.read, ctx.shop.id, token);
  if (row.orderId) throw new AldeaError('CONFLICT', 'this checkout already became an order');
  // The buyer's language now (they may have switched since starting): errors and emails use it.
  const locale = isLocale(ctx.locale) ? ctx.locale : row.locale;
  const { email, address } = parseContactAddress(raw, locale);
  const zones = await listShippingZones(ctx);
  if (!zoneForCountry(zones, address.country)) {
    const message = checkoutText(locale)('country.notShipped', {
      country: countryName(address.country, locale),
    });
    throw new AldeaError('VALIDATION', `no shipping to ${address.country}`, [
      { path: 'country', message, code: 'country.notShipped' },
    ]);
  }
  const countryChanged = row.address?.country !== address.country;
  const now = ctx.clock.now();
  const [updated] = await ctx.db.transaction((tx) =>
    tx
      .update(checkouts)
      .set({
        email,
        address,
        locale,
        ...(countryChanged ? { shippingRateId: null, shipping: null, quoteId: null } : {}),
        updatedAt: now,
      })
      .where(and(eq(checkouts.shopId, ctx.shop.id), eq(checkouts.id, row.id)))
      .returning(),
  );
  return toCheckoutView(updated!);
}
