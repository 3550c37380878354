import { z } from 'zod';

/** The most of one variant a single cart line may hold. */
export const MAX_LINE_QUANTITY = 999;

/** The most distinct lines a cart may hold (keeps a cart page bounded). */
export const MAX_CART_LINES = 100;

/** A cart cookie token: 32 random bytes in base64url (what `newSecretToken()` makes). */
export const CartToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a cart token');
export type CartToken = z.infer<typeof CartToken>;

const Quantity = z
  .number({ error: 'give a quantity' })
  .int('use a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);

/** Input of `addToCart`: which variant and how many more. */
export const AddToCartInput = z.object({
  variantId: z.string().trim().min(1, 'choose an option').max(64),
  quantity: Quantity,
});
export type AddToCartInput = z.input<typeof AddToCartInput>;

/** Input of `updateCartLine`: the new quantity of a line. */
export const UpdateCartLineInput = z.object({
  lineId: z.string().trim().min(1).max(64),
  quantity: Quantity,
});
export type UpdateCartLineInput = z.input<typeof UpdateCartLineInput>;

/** Input of `removeCartLine`. */
export const RemoveCartLineInput = z.object({
  lineId: z.string().trim().min(1).max(64),
});
export type RemoveCartLineInput = z.input<typeof RemoveCartLineInput>;
