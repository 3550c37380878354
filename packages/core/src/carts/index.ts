/** Public API of carts/ (re-exported by the package entry). */
export * from './add-to-cart.js';
export type { CartPricer } from './cart-pricer.js';
export { hashCartToken, isCartToken, newCartToken } from './cart-token.js';
export * from './count-cart-items.js';
export { type CartRef, getOrCreateCart } from './get-or-create-cart.js';
export * from './remove-cart-line.js';
export * from './schemas.js';
export * from './update-cart-line.js';
export * from './view-cart.js';
