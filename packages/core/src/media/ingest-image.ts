import { z } from 'zod';
import { newId } from '../ids.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { mediaAssets, mediaFiles } from '../schema/media.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';
import { AVIF_JOB } from './avif-job.js';
import { isPixelLimitError, readImageHeader } from './image-header.js';
import { type IngestRefused, refusal } from './ingest-refusals.js';
import { MediaLimitsInput, resolveMediaLimits } from './limits.js';
import { mediaFileKey, sha256Hex, widthLabel } from './media-keys.js';
import { type MediaView, toMediaView } from './media-view.js';
import { readUpload } from './read-upload.js';
import { type DerivativeSet, renderDerivatives } from './render-derivatives.js';
import { sniffImageType } from './sniff-image-type.js';
import type { MediaStorage } from './storage.js';

const isStorage = (v: unknown): v is MediaStorage =>
  typeof v === 'object' && v !== null && typeof (v as MediaStorage).put === 'function';

/** Input of {@link ingestImage}: the bytes, or a stream (with its declared size when known). */
export const IngestImageInput = z
  .object({
    bytes: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the file’s bytes')
      .optional(),
    stream: z
      .custom<AsyncIterable<Uint8Array>>(
        (v) => typeof v === 'object' && v !== null && Symbol.asyncIterator in v,
        'must be a stream of bytes',
      )
      .optional(),
    /** Declared size of the stream (Content-Length): too large is refused before reading. */
    size: z.int().min(0).optional(),
    /** Only used in messages ("IMG_0042.HEIC is a HEIC photo…"); the type comes from the bytes. */
    filename: z.string().trim().max(255).optional(),
    storage: z.custom<MediaStorage>(isStorage, 'must be a MediaStorage'),
    limits: MediaLimitsInput.optional(),
  })
  .refine((i) => (i.bytes === undefined) !== (i.stream === undefined), {
    path: ['bytes'],
    message: 'give either the bytes or a stream',
  });
export type IngestImageInput = z.input<typeof IngestImageInput>;

/** The stored photo, or why it was refused. */
export type IngestImageResult = { ok: true; asset: MediaView } | IngestRefused;

type StoredFile = {
  key: string;
  format: 'jpeg' | 'png' | 'webp';
  width: number;
  height: number;
  bytes: number;
};

/**
 * Takes a seller's photo: checks its size (bounded memory: a stream is read no
 * further than the limit), sniffs its real type from the bytes, checks the
 * pixel limits from the header before decoding, then — outside any transaction —
 * applies EXIF orientation, strips every piece of metadata, and makes a cleaned
 * original, WebP at 320/640/1024/1600 px (never upscaled) and a tiny
 * placeholder. Files are written first and rows last, in one transaction that
 * also queues the AVIF job; if anything fails, the files written are deleted,
 * so nothing is ever half-stored. Expected refusals are returned; storage or
 * database failures throw.
 *
 * Call it outside a transaction: it does seconds of CPU work.
 *
 * @example
 * const r = await ingestImage(ctx, { bytes, filename: 'IMG_0042.jpg', storage });
 * if (!r.ok) return showError(r.reason, r.params);
 */
export async function ingestImage(
  ctx: ShopContext,
  raw: IngestImageInput,
): Promise<IngestImageResult> {
  const input = parseInput(IngestImageInput, raw);
  const limits = resolveMediaLimits(input.limits);
  const named = { filename: input.filename };
  const upload = await readUpload(
    input.bytes ? { bytes: input.bytes } : { stream: input.stream!, size: input.size },
    limits.maxBytes,
  );
  if (!upload.ok) return refusal('TOO_LARGE', limits, named);
  const bytes = upload.bytes;

  const sniffed = sniffImageType(bytes);
  if (!sniffed) return refusal('NOT_AN_IMAGE', limits, named);
  if (!sniffed.supported)
    return refusal('UNSUPPORTED_FORMAT', limits, { ...named, kind: sniffed.kind });
  const head = await readImageHeader(bytes, sniffed, limits);
  if (!head.ok) return refusal(head.reason, limits, named);

  let set: DerivativeSet;
  try {
    set = await renderDerivatives(bytes, head.header, limits);
  } catch (err) {
    if (sniffed.kind === 'heic') return refusal('HEIC_UNSUPPORTED', limits, named);
    return refusal(isPixelLimitError(err) ? 'TOO_MANY_PIXELS' : 'CORRUPT', limits, named);
  }

  const now = ctx.clock.now();
  const mediaId = newId('media', now.getTime());
  const shopId = ctx.shop.id;
  const files: (StoredFile & { data: Buffer })[] = [set.original, ...set.webp].map((r, i) => ({
    key: mediaFileKey(shopId, mediaId, i === 0 ? 'original' : widthLabel(r.width), r),
    format: r.format as StoredFile['format'],
    width: r.width,
    height: r.height,
    bytes: r.data.byteLength,
    data: r.data,
  }));
  const [original, ...webp] = files;

  const written: string[] = [];
  try {
    const puts = await Promise.allSettled(
      files.map(async (f) => {
        await input.storage.put(f.key, f.data);
        written.push(f.key);
      }),
    );
    const failed = puts.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;

    const { asset, rows } = await ctx.db.transaction(async (tx) => {
      const job = await enqueueJob(ctx, { type: AVIF_JOB, shopId, payload: { mediaId } });
      const [asset] = await tx
        .insert(mediaAssets)
        .values({
          shopId,
          id: mediaId,
          originalKey: original!.key,
          mime: sniffed.mime,
          width: set.original.width,
          height: set.original.height,
          bytes: bytes.byteLength,
          sha256: sha256Hex(bytes),
          placeholder: set.placeholder,
          status: 'processing',
          jobId: job.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const rows = await tx
        .insert(mediaFiles)
        .values(
          webp.map((f) => ({
            shopId,
            mediaId,
            format: 'webp' as const,
            width: f.width,
            height: f.height,
            key: f.key,
            bytes: f.bytes,
          })),
        )
        .returning();
      return { asset: asset!, rows };
    });
    return { ok: true, asset: toMediaView(asset, rows) };
  } catch (err) {
    await Promise.allSettled(written.map((key) => input.storage.delete(key)));
    throw err;
  }
}
