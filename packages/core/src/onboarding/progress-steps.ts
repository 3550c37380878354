/**
 * The onboarding steps, in the order a seller usually takes them. Each is
 * computed from the shop's real data (see `loadProgressFacts`); nobody ticks
 * a box by hand.
 */
export const ONBOARDING_STEPS = [
  'profile', // the shop has a story (any language)
  'first_product', // a product with at least 3 photos
  'prices', // at least one product, and no converted price left to confirm
  'shipping', // at least one shipping rate
  'payment', // a way to get paid: Stripe account, or a manual method buyers can use
  'live', // the shop is open to buyers
  'first_order', // a paid order
  'first_shipped', // an order marked shipped
] as const;
/** One of {@link ONBOARDING_STEPS}. */
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Photos the first product needs for its step to count. */
export const PHOTOS_FOR_FIRST_PRODUCT = 3;

/** What the steps are computed from, one row per shop. */
export interface ProgressFacts {
  shopId: string;
  status: 'onboarding' | 'live' | 'paused';
  hasStory: boolean;
  /** The most photos any one product has. */
  maxPhotos: number;
  products: number;
  /** Converted amounts (template copies) still waiting for the seller. */
  openConversions: number;
  shippingRates: number;
  paymentReady: boolean;
  paidOrders: number;
  shippedOrders: number;
  /** The newest sign of the seller working: edits, photos, orders, sign-ins. */
  lastActivityAt: Date;
  liveAt: Date | null;
}

/** One shop's onboarding: which steps are done, the next one, how long it has been quiet. */
export interface ShopProgress {
  shopId: string;
  done: Record<OnboardingStep, boolean>;
  doneCount: number;
  /** The first step not done, in order; `null` when all are. */
  next: OnboardingStep | null;
  complete: boolean;
  lastActivityAt: Date;
  daysSinceActivity: number;
  /** Setup not finished and nothing happened for `stuckAfterDays` (waiting for buyers is not stuck). */
  stuck: boolean;
}

/** A seller who has done nothing for this many days is "stuck" (default). */
export const STUCK_AFTER_DAYS = 7;

const DAY = 24 * 60 * 60_000;

/**
 * Pure: the progress of a shop from its facts.
 *
 * @example
 * progressOf(facts, new Date()).next; // 'first_product'
 */
export function progressOf(
  f: ProgressFacts,
  now: Date,
  stuckAfterDays: number = STUCK_AFTER_DAYS,
): ShopProgress {
  const done: Record<OnboardingStep, boolean> = {
    profile: f.hasStory,
    first_product: f.maxPhotos >= PHOTOS_FOR_FIRST_PRODUCT,
    prices: f.products > 0 && f.openConversions === 0,
    shipping: f.shippingRates > 0,
    payment: f.paymentReady,
    live: f.status === 'live' || f.liveAt !== null,
    first_order: f.paidOrders > 0,
    first_shipped: f.shippedOrders > 0,
  };
  const next = ONBOARDING_STEPS.find((s) => !done[s]) ?? null;
  const days = Math.max(0, Math.floor((now.getTime() - f.lastActivityAt.getTime()) / DAY));
  return {
    shopId: f.shopId,
    done,
    doneCount: ONBOARDING_STEPS.filter((s) => done[s]).length,
    next,
    complete: next === null,
    lastActivityAt: f.lastActivityAt,
    daysSinceActivity: days,
    stuck: next !== null && next !== 'first_order' && days >= stuckAfterDays,
  };
}
