import { isAldeaError } from '../../errors.js';
import type { ClaimedJob } from '../../jobs/job-lease.js';
import type { JobHandler, JobHandlers, JobRunTools } from '../../jobs/run-jobs.js';
import type { MediaStorage } from '../../media/storage.js';
import { type PlatformContext, platformContext } from '../../tenancy/context.js';
import { shopContext } from '../../tenancy/shops.js';
import { dropAll } from './import-jobs.js';
import {
  IMPORT_PRODUCTS_JOB,
  IMPORT_SELLERS_JOB,
  ProductsJobPayload,
  phaseSpans,
  progressThrottle,
  SellersJobPayload,
} from './import-jobs-payload.js';
import { type ImportProgress, type ImportReport, importProducts } from './import-products.js';
import { importSellers } from './import-sellers.js';
import type { ImportSource } from './import-source.js';

/** Options of {@link importJobHandlers}. */
export interface ImportJobOptions {
  /** At most one progress write per this many milliseconds (default 250; each phase's end always). */
  progressEveryMs?: number;
}

const CHUNK = 64 * 1024;

/** The stored upload as a source the importer can read twice, streamed in 64 KB chunks. */
async function storedSource(storage: MediaStorage, key: string, name: string) {
  const info = await storage.stat(key);
  if (!info) throw new Error('the uploaded file is no longer there; upload it again');
  const source: ImportSource = {
    async *open() {
      const stream = await storage.openRead(key);
      if (!stream) throw new Error('the uploaded file is no longer there; upload it again');
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (let at = 0; at < value.byteLength; at += CHUNK) yield value.subarray(at, at + CHUNK);
      }
    },
    size: info.bytes,
    name,
  };
  return source;
}

/** The person who started the import, as the worker's context (access is checked again). */
function actingAs(
  tools: JobRunTools,
  p: Pick<ProductsJobPayload, 'locale' | 'actor'>,
): PlatformContext {
  return platformContext(tools.ctx.db, {
    clock: tools.ctx.clock,
    locale: p.locale,
    actor: p.actor,
  });
}

/** What is kept on the job: the report, never invitation secrets (only hashes are stored). */
function storedReport(report: ImportReport & { invitations?: unknown }): Record<string, unknown> {
  const { invitations: _secrets, ...rest } = report;
  return { ...rest };
}

/** Reading the payload again on final failure, to delete the upload. */
function uploadKeys(job: ClaimedJob): (string | undefined)[] {
  const p = job.payload as { fileKey?: unknown; photosKey?: unknown };
  return [p.fileKey, p.photosKey].map((k) => (typeof k === 'string' ? k : undefined));
}

function handler(
  storage: MediaStorage,
  everyMs: number,
  run: (
    job: ClaimedJob,
    tools: JobRunTools,
    onProgress: (p: ImportProgress) => void,
  ) => Promise<ImportReport>,
  spansOf: (job: ClaimedJob) => ReturnType<typeof phaseSpans>,
): JobHandler {
  return {
    async run(job, tools) {
      const bar = progressThrottle(spansOf(job), tools.progress, everyMs);
      let report: ImportReport;
      try {
        report = await run(job, tools, bar.onProgress);
      } finally {
        await bar.flush();
      }
      await dropAll(storage, uploadKeys(job));
      return storedReport(report);
    },
    // A refusal (no access any more, a cohort gone, bad input) would only repeat.
    retryable: (error) => !isAldeaError(error),
    async onFailed(_ctx, job) {
      await dropAll(storage, uploadKeys(job));
    },
  };
}

/**
 * The background import handlers (`onboarding.import-products`,
 * `onboarding.import-sellers`), to merge into a worker's registry beside the
 * media ones. Each reads the upload from `storage`, runs the import as the
 * person who started it with its progress on the job (throttled), keeps the
 * report as the job's result, and deletes the upload — also when the job
 * fails for good.
 *
 * @example
 * startJobWorker(system, { handlers: { ...mediaJobHandlers(storage), ...importJobHandlers(storage) } });
 */
export function importJobHandlers(storage: MediaStorage, opts: ImportJobOptions = {}): JobHandlers {
  const everyMs = opts.progressEveryMs ?? 250;
  return {
    [IMPORT_PRODUCTS_JOB]: handler(
      storage,
      everyMs,
      async (job, tools, onProgress) => {
        const p = ProductsJobPayload.parse(job.payload);
        if (!job.shopId) throw new Error('a products import job needs a shop');
        const ctx = await shopContext(actingAs(tools, p), job.shopId);
        const source = await storedSource(storage, p.fileKey, p.fileName);
        const zip = p.photosKey ? await storage.get(p.photosKey) : undefined;
        if (p.photosKey && !zip) throw new Error('the uploaded photos are no longer there');
        return importProducts(ctx, source, {
          mode: p.mode,
          ...(zip ? { photos: { bytes: zip } } : {}),
          storage,
          onProgress,
        });
      },
      (job) => {
        const p = job.payload as { mode?: ProductsJobPayload['mode']; photosKey?: string };
        return phaseSpans(p.mode ?? 'dry-run', !!p.photosKey);
      },
    ),
    [IMPORT_SELLERS_JOB]: handler(
      storage,
      everyMs,
      async (job, tools, onProgress) => {
        const p = SellersJobPayload.parse(job.payload);
        const source = await storedSource(storage, p.fileKey, p.fileName);
        const enc = encodeURIComponent;
        return importSellers(actingAs(tools, p), source, {
          mode: p.mode,
          villageId: p.villageId,
          cohortId: p.cohortId,
          templateId: p.templateId,
          delivery: p.delivery,
          expiresInDays: p.expiresInDays,
          links: { inviteUrl: (v, s) => `${p.inviteUrlBase}/${enc(v)}/${enc(s)}` },
          onProgress,
        });
      },
      (job) => phaseSpans((job.payload as { mode?: 'dry-run' }).mode ?? 'dry-run', false),
    ),
  };
}
