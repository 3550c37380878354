import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorize } from '../../auth/permissions.js';
import { notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { JobStatus } from '../../jobs/job-schemas.js';
import type { MediaStorage } from '../../media/storage.js';
import { jobs } from '../../schema/platform.js';
import type { PlatformContext, ShopContext } from '../../tenancy/context.js';
import { parseInput } from '../../validation.js';
import { checkInvitationRefs } from '../create-invitation.js';
import { requireVillageAccess } from '../village-access.js';
import {
  IMPORT_PRODUCTS_JOB,
  IMPORT_SELLERS_JOB,
  type PhaseSpans,
  ProductsJobPayload,
  phaseAt,
  phaseSpans,
  SellersJobPayload,
} from './import-jobs-payload.js';
import type { ImportMode, ImportProgress, ImportReport } from './import-products.js';

const Mode = z.enum(['dry-run', 'all-or-nothing', 'good-rows']);
const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the uploaded bytes');
const Upload = z.object({ name: z.string().trim().min(1).max(200), bytes: Bytes });

/** Input of {@link enqueueImport} for a products sheet (the shop is the context's). */
export const EnqueueProductsImport = z.object({
  kind: z.literal('products'),
  mode: Mode,
  file: Upload,
  /** A zip of the photos the sheet names. */
  photos: Bytes.optional(),
});
export type EnqueueProductsImport = z.input<typeof EnqueueProductsImport>;

/** Input of {@link enqueueImport} for a sellers sheet (invitations to a village and cohort). */
export const EnqueueSellersImport = z.object({
  kind: z.literal('sellers'),
  mode: Mode,
  file: Upload,
  villageId: z.string().min(1),
  cohortId: z.string().min(1).optional(),
  templateId: z.string().min(1).optional(),
  delivery: z.enum(['auto', 'print']).default('auto'),
  expiresInDays: z.int().min(1).max(90).optional(),
  /** Absolute URL the invitation links start with: `${inviteUrlBase}/${village}/${secret}`. */
  inviteUrlBase: z.url(),
});
export type EnqueueSellersImport = z.input<typeof EnqueueSellersImport>;

/** A background import as its progress page shows it. */
export interface ImportJobView {
  id: string;
  kind: 'products' | 'sellers';
  status: JobStatus;
  /** 0–100, never backwards. */
  progress: number;
  /** What a running import is doing; null while queued and once finished. */
  phase: ImportProgress['phase'] | null;
  mode: ImportMode;
  file: { name: string; bytes: number };
  /** The shop (products) or the village and cohort (sellers) it imports into. */
  shopId: string | null;
  villageId: string | null;
  cohortId: string | null;
  /** The import's report once done (a sellers report without the invitations' secrets). */
  report: ImportReport | null;
  /** Why a failed job failed (a message, never a stack trace). */
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Where the upload waits for the worker: not a media key (no image extension), so never served. */
function tempKeys(now: Date, withPhotos: boolean) {
  const id = newId('import', now.getTime());
  return { fileKey: `imports/${id}.csv`, photosKey: withPhotos ? `imports/${id}.zip` : undefined };
}

async function putAll(
  storage: MediaStorage,
  files: [string | undefined, Uint8Array | undefined][],
) {
  const written: string[] = [];
  try {
    for (const [key, bytes] of files) {
      if (!key || !bytes) continue;
      await storage.put(key, bytes);
      written.push(key);
    }
  } catch (err) {
    await dropAll(storage, written);
    throw err;
  }
  return written;
}

/** Deletes temporary uploads; a file already gone is fine. */
export async function dropAll(storage: MediaStorage, keys: (string | undefined)[]): Promise<void> {
  await Promise.allSettled(keys.filter((k): k is string => !!k).map((k) => storage.delete(k)));
}

/**
 * Starts an import in the background: checks access and references now (so a
 * wrong cohort is refused at once), stores the uploaded sheet (and photos
 * zip) in `storage` under a temporary key, and enqueues a job that runs the
 * same import as `importProducts` / `importSellers` with the same options, as
 * the same person. Follow it with {@link getImportJob}. If enqueueing fails,
 * the stored files are deleted.
 *
 * @example
 * const job = await enqueueImport(shop, storage, { kind: 'products', mode: 'dry-run', file });
 * redirect(`/import/${job.id}`);
 */
export async function enqueueImport(
  ctx: ShopContext,
  storage: MediaStorage,
  raw: EnqueueProductsImport,
): Promise<ImportJobView>;
export async function enqueueImport(
  ctx: PlatformContext,
  storage: MediaStorage,
  raw: EnqueueSellersImport,
): Promise<ImportJobView>;
export async function enqueueImport(
  ctx: PlatformContext | ShopContext,
  storage: MediaStorage,
  raw: EnqueueProductsImport | EnqueueSellersImport,
): Promise<ImportJobView> {
  const common = { locale: ctx.locale, actor: ctx.actor };
  const now = ctx.clock.now();
  if (raw.kind === 'products') {
    if (!('shop' in ctx)) throw notFound('shop');
    authorize(ctx, 'catalog.write');
    const input = parseInput(EnqueueProductsImport, raw);
    const keys = tempKeys(now, !!input.photos);
    const written = await putAll(storage, [
      [keys.fileKey, input.file.bytes],
      [keys.photosKey, input.photos],
    ]);
    const payload = ProductsJobPayload.parse({
      ...common,
      mode: input.mode,
      fileKey: keys.fileKey,
      fileName: input.file.name,
      fileBytes: input.file.bytes.byteLength,
      photosKey: keys.photosKey,
    });
    return enqueueWith(ctx, storage, written, {
      type: IMPORT_PRODUCTS_JOB,
      shopId: ctx.shop.id,
      payload,
    });
  }
  const input = parseInput(EnqueueSellersImport, raw);
  const village = await requireVillageAccess(ctx, input.villageId);
  await checkInvitationRefs(ctx.db.read, input, village.id);
  const keys = tempKeys(now, false);
  const written = await putAll(storage, [[keys.fileKey, input.file.bytes]]);
  const { file, kind: _kind, ...options } = input;
  const payload = SellersJobPayload.parse({
    ...common,
    ...options,
    villageId: village.id,
    fileKey: keys.fileKey,
    fileName: file.name,
    fileBytes: file.bytes.byteLength,
  });
  return enqueueWith(ctx, storage, written, { type: IMPORT_SELLERS_JOB, payload });
}

async function enqueueWith(
  ctx: PlatformContext,
  storage: MediaStorage,
  written: string[],
  job: { type: string; shopId?: string; payload: Record<string, unknown> },
): Promise<ImportJobView> {
  try {
    // One attempt more than none: a busy database is worth a retry, a bad file is not (see handlers).
    const queued = await enqueueJob(ctx, { ...job, maxAttempts: 2 });
    const [row] = await ctx.db.read.select().from(jobs).where(eq(jobs.id, queued.id));
    return toImportJobView(row!);
  } catch (err) {
    await dropAll(storage, written);
    throw err;
  }
}

type JobRow = typeof jobs.$inferSelect;

function spansOf(row: JobRow): PhaseSpans {
  const p = row.payload as { mode?: ImportMode; photosKey?: string };
  return phaseSpans(p.mode ?? 'dry-run', !!p.photosKey);
}

function toImportJobView(row: JobRow): ImportJobView {
  const p = row.payload as Partial<ProductsJobPayload & SellersJobPayload>;
  return {
    id: row.id,
    kind: row.type === IMPORT_SELLERS_JOB ? 'sellers' : 'products',
    status: row.status,
    progress: row.progress,
    phase: phaseAt(spansOf(row), row.status, row.progress),
    mode: p.mode ?? 'dry-run',
    file: { name: p.fileName ?? '', bytes: p.fileBytes ?? 0 },
    shopId: row.shopId,
    villageId: p.villageId ?? null,
    cohortId: p.cohortId ?? null,
    report: row.status === 'done' ? ((row.result as ImportReport | null) ?? null) : null,
    error: row.status === 'failed' ? row.lastError : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A background import: status, progress, phase, and the report once done.
 * With a shop context, only that shop's products imports (`catalog.write`);
 * with a platform context, only sellers imports of a village the actor
 * trains in (or operates). Anything else — another shop's job, another
 * village's, not an import — is NOT_FOUND, the same as a missing id.
 */
export async function getImportJob(
  ctx: PlatformContext | ShopContext,
  jobId: string,
): Promise<ImportJobView> {
  if ('shop' in ctx) {
    authorize(ctx, 'catalog.write');
    const [row] = await ctx.db.read
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.shopId, ctx.shop.id), eq(jobs.id, jobId), eq(jobs.type, IMPORT_PRODUCTS_JOB)),
      );
    if (!row) throw notFound('import');
    return toImportJobView(row);
  }
  const [row] = await ctx.db.read
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.type, IMPORT_SELLERS_JOB)));
  // The village is only known from the job, so it is read first; whatever
  // fails below answers exactly as a missing id does, revealing nothing.
  const villageId = (row?.payload as { villageId?: unknown } | undefined)?.villageId;
  if (!row || typeof villageId !== 'string') throw notFound('import');
  await requireVillageAccess(ctx, villageId).catch(() => {
    throw notFound('import');
  });
  return toImportJobView(row);
}
