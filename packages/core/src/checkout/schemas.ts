import { z } from 'zod';
import { CurrencyCode } from '../tenancy/schemas.js';

/** One line a checkout starts from: a variant and how many (1–999). */
export const CheckoutLineInput = z.object({
  variantId: z.string().trim().min(1, 'choose a product').max(64),
  quantity: z
    .number({ error: 'a quantity is a whole number' })
    .int('a quantity is a whole number')
    .min(1, 'at least 1')
    .max(999, 'at most 999'),
});

/** The lines of a checkout (from the buyer's cart), its currency and language. */
export const StartCheckoutInput = z.object({
  lines: z.array(CheckoutLineInput).min(1, 'the cart is empty').max(50, 'at most 50 lines'),
  currency: CurrencyCode,
  locale: z.enum(['en', 'zh-CN', 'es-MX']).optional(),
});
export type StartCheckoutInput = z.input<typeof StartCheckoutInput>;

/** A checkout's secret token (`newSecretToken()`). */
export const CheckoutToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a checkout');

/** The total the buyer saw on the review page, posted back to place the order. */
export const PlaceOrderInput = z.object({
  quoteId: z.string().trim().min(1).max(64),
  totalMinor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
});
export type PlaceOrderInput = z.input<typeof PlaceOrderInput>;
