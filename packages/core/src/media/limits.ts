import { z } from 'zod';

const MB = 1024 * 1024;

/** What an upload may be. */
export interface MediaLimits {
  /** Largest upload in bytes. Phone photos run 3–15 MB, so never below 20 MB. */
  maxBytes: number;
  /** Largest image in pixels (width × height), checked from the header before decoding. */
  maxPixels: number;
  /** Longest side in pixels: WebP cannot encode past 16383. */
  maxDimension: number;
}

/** 25 MB, 40 megapixels, 16383 px a side. */
export const DEFAULT_MEDIA_LIMITS: Readonly<MediaLimits> = Object.freeze({
  maxBytes: 25 * MB,
  maxPixels: 40_000_000,
  maxDimension: 16_383,
});

/** Limits an operator may set (within bounds that keep phone photos working and memory bounded). */
export const MediaLimitsInput = z.object({
  maxBytes: z
    .int()
    .min(20 * MB, 'must be at least 20 MB: phone photos are large')
    .max(200 * MB)
    .optional(),
  maxPixels: z.int().min(1_000_000).max(268_402_689).optional(),
});
export type MediaLimitsInput = z.input<typeof MediaLimitsInput>;

/** Fills unset limits with the defaults. */
export function resolveMediaLimits(input: z.output<typeof MediaLimitsInput> = {}): MediaLimits {
  return {
    maxBytes: input.maxBytes ?? DEFAULT_MEDIA_LIMITS.maxBytes,
    maxPixels: input.maxPixels ?? DEFAULT_MEDIA_LIMITS.maxPixels,
    maxDimension: DEFAULT_MEDIA_LIMITS.maxDimension,
  };
}
