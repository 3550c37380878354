import { z } from 'zod';
import { isCountryCode } from '../checkout/countries.js';
import { LOCALES } from '../i18n/locales.js';

const Countries = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => c === '*' || isCountryCode(c), 'unknown country code (use ISO codes or *)'),
  )
  .min(1, 'list at least one country')
  .max(300)
  .transform((cs) => [...new Set(cs)]);

const Bps = z.number().int('whole basis points').min(0).max(10_000, 'at most 100 %');

/** A new shipping zone. `taxRateBps` 1600 = 16 %. */
export const ShippingZoneInput = z.object({
  name: z.string().trim().min(1).max(80),
  countries: Countries,
  position: z.number().int().min(0).max(1000).default(0),
  taxRateBps: Bps.default(0),
  taxInclusive: z.boolean().default(false),
});
export type ShippingZoneInput = z.input<typeof ShippingZoneInput>;

/** Changes to a zone; omitted fields stay. */
export const UpdateShippingZoneInput = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  countries: Countries.optional(),
  position: z.number().int().min(0).max(1000).optional(),
  taxRateBps: Bps.optional(),
  taxInclusive: z.boolean().optional(),
});
export type UpdateShippingZoneInput = z.input<typeof UpdateShippingZoneInput>;

const Grams = z.number().int('whole grams').min(0).max(1_000_000);
const Days = z.number().int('whole days').min(0).max(180);
const Minor = z.number().int('whole minor units').min(0).max(Number.MAX_SAFE_INTEGER);

const RateName = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(120))
  .refine((t) => Object.keys(t).length > 0, 'give the rate a name');

const rateFields = {
  name: RateName,
  minWeightGrams: Grams.default(0),
  maxWeightGrams: Grams.nullable().default(null),
  /** In the shop's base currency, minor units. */
  amountMinor: Minor,
  freeOverMinor: Minor.nullable().default(null),
  deliveryDaysMin: Days,
  deliveryDaysMax: Days,
  position: z.number().int().min(0).max(1000).default(0),
};

function bandsMakeSense(
  r: {
    minWeightGrams?: number;
    maxWeightGrams?: number | null;
    deliveryDaysMin?: number;
    deliveryDaysMax?: number;
  },
  ctx: z.RefinementCtx,
) {
  if (
    r.maxWeightGrams != null &&
    r.minWeightGrams !== undefined &&
    r.maxWeightGrams <= r.minWeightGrams
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxWeightGrams'],
      message: 'must be more than the minimum weight',
    });
  }
  if (
    r.deliveryDaysMin !== undefined &&
    r.deliveryDaysMax !== undefined &&
    r.deliveryDaysMax < r.deliveryDaysMin
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['deliveryDaysMax'],
      message: 'must be at least the minimum days',
    });
  }
}

/** A rate for parcels of a zone in a weight band `[min, max)`. */
export const ShippingRateInput = z
  .object({ zoneId: z.string().min(1), ...rateFields })
  .superRefine(bandsMakeSense);
export type ShippingRateInput = z.input<typeof ShippingRateInput>;

/** Changes to a rate; omitted fields stay (the band is re-checked with the stored values). */
export const UpdateShippingRateInput = z.object({
  name: RateName.optional(),
  minWeightGrams: Grams.optional(),
  maxWeightGrams: Grams.nullable().optional(),
  amountMinor: Minor.optional(),
  freeOverMinor: Minor.nullable().optional(),
  deliveryDaysMin: Days.optional(),
  deliveryDaysMax: Days.optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type UpdateShippingRateInput = z.input<typeof UpdateShippingRateInput>;

/** A rate's weight band and delivery days as stored, re-checked after a partial update. */
export const RateBandCheck = z
  .object({
    minWeightGrams: Grams,
    maxWeightGrams: Grams.nullable(),
    deliveryDaysMin: Days,
    deliveryDaysMax: Days,
  })
  .superRefine(bandsMakeSense);
