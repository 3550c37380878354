import type { MediaLimits } from './limits.js';

/** Why an upload was refused. Each is something the seller can act on. */
export type IngestRefusal =
  | 'TOO_LARGE'
  | 'NOT_AN_IMAGE'
  | 'UNSUPPORTED_FORMAT'
  | 'HEIC_UNSUPPORTED'
  | 'TOO_MANY_PIXELS'
  | 'CORRUPT';

/**
 * A refused upload. `message` is plain English for logs and fallbacks; pages
 * translate `reason` with `params` (sizes in MB and megapixels, the type seen).
 */
export interface IngestRefused {
  ok: false;
  reason: IngestRefusal;
  message: string;
  params: Record<string, string | number>;
}

const MB = 1024 * 1024;

/** Builds the refusal for `reason`, with a message that says what to do next. */
export function refusal(
  reason: IngestRefusal,
  limits: MediaLimits,
  extra: { filename?: string; kind?: string } = {},
): IngestRefused {
  const name = extra.filename ? `“${extra.filename}”` : 'This file';
  const params: Record<string, string | number> = {
    maxMegabytes: Math.floor(limits.maxBytes / MB),
    maxMegapixels: Math.floor(limits.maxPixels / 1_000_000),
    maxSide: limits.maxDimension,
    ...(extra.kind ? { kind: extra.kind.toUpperCase() } : {}),
    ...(extra.filename ? { filename: extra.filename } : {}),
  };
  const messages: Record<IngestRefusal, string> = {
    TOO_LARGE: `${name} is larger than ${params.maxMegabytes} MB. Choose a smaller photo; phone photos are usually 2–10 MB.`,
    NOT_AN_IMAGE: `${name} is not a photo. Upload a JPEG, PNG, WebP or AVIF image.`,
    UNSUPPORTED_FORMAT: `${name} is a ${params.kind ?? 'kind of'} image, which we do not take. Save it as JPEG or PNG and upload it again.`,
    HEIC_UNSUPPORTED: `${name} is a HEIC photo, which we cannot read. On an iPhone choose Settings › Camera › Formats › Most Compatible, or share the photo as JPEG, then upload it again.`,
    TOO_MANY_PIXELS: `${name} has too many pixels (the limit is ${params.maxMegapixels} megapixels and ${params.maxSide} pixels a side). Make it smaller and upload it again.`,
    CORRUPT: `${name} is damaged or incomplete (the upload may have been cut off). Upload it again.`,
  };
  return { ok: false, reason, message: messages[reason], params };
}
