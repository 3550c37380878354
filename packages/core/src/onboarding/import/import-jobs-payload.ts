import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.js';
import type { JobStatus } from '../../jobs/job-schemas.js';
import type { ImportMode, ImportProgress } from './import-products.js';

/** Job type of a background sellers import (invitations to a village and cohort). */
export const IMPORT_SELLERS_JOB = 'onboarding.import-sellers';
/** Job type of a background products import (drafts in one shop). */
export const IMPORT_PRODUCTS_JOB = 'onboarding.import-products';

const Mode = z.enum(['dry-run', 'all-or-nothing', 'good-rows']);

/** Who started the import: the worker acts as them, so access is checked again when it runs. */
const ActorPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1) }),
  z.object({ kind: z.literal('system'), name: z.string().min(1) }),
  z.object({ kind: z.literal('api'), tokenId: z.string().min(1), userId: z.string().optional() }),
]);

const Common = {
  mode: Mode,
  locale: z.enum(LOCALES),
  actor: ActorPayload,
  /** The uploaded sheet in media storage (a temporary key, deleted when the job ends). */
  fileKey: z.string().min(1),
  fileName: z.string().min(1),
  fileBytes: z.int().min(0),
};

/** What a products import job carries (ids and keys, never the file itself). */
export const ProductsJobPayload = z.object({
  ...Common,
  /** The photos zip in media storage, when one was uploaded. */
  photosKey: z.string().min(1).optional(),
});
export type ProductsJobPayload = z.output<typeof ProductsJobPayload>;

/** What a sellers import job carries. */
export const SellersJobPayload = z.object({
  ...Common,
  villageId: z.string().min(1),
  cohortId: z.string().min(1).optional(),
  templateId: z.string().min(1).optional(),
  delivery: z.enum(['auto', 'print']).default('auto'),
  expiresInDays: z.int().min(1).max(90).optional(),
  /** Invitation links are `${inviteUrlBase}/${village slug}/${secret}`. */
  inviteUrlBase: z.url(),
});
export type SellersJobPayload = z.output<typeof SellersJobPayload>;

/**
 * Where each phase sits on the 0–100 bar. The write pass runs inside one
 * transaction that holds SQLite's only writer, so nothing (progress included)
 * can be written until it commits: the bar waits at the start of "writing"
 * and jumps to 100 when the job is done.
 */
export interface PhaseSpans {
  checking: [number, number];
  photos?: [number, number];
  writing?: [number, number];
}

/** The bar's layout for an import: a dry run only checks; photos take a slice when a zip came. */
export function phaseSpans(mode: ImportMode, withPhotos: boolean): PhaseSpans {
  if (mode === 'dry-run') return { checking: [0, 100] };
  if (!withPhotos) return { checking: [0, 50], writing: [50, 100] };
  return { checking: [0, 30], photos: [30, 70], writing: [70, 100] };
}

/** The percent an import's progress event stands for (whole numbers, never past the phase's end). */
export function percentOf(spans: PhaseSpans, p: ImportProgress): number {
  const span = spans[p.phase] ?? spans.checking;
  const ratio = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  return Math.floor(span[0] + ratio * (span[1] - span[0]));
}

/** The phase a running import is in, read back from its percent (null unless running). */
export function phaseAt(
  spans: PhaseSpans,
  status: JobStatus,
  percent: number,
): ImportProgress['phase'] | null {
  if (status !== 'running') return null;
  if (percent < spans.checking[1]) return 'checking';
  if (spans.photos && percent < spans.photos[1]) return 'photos';
  return spans.writing ? 'writing' : 'checking';
}

/**
 * Turns import progress events into job progress writes: whole percents,
 * never backwards, at most one per `everyMs` except at a phase's end. Writes
 * are chained (never two at once) and awaited by `flush()`; events of the
 * write pass are dropped (see {@link PhaseSpans}).
 */
export function progressThrottle(
  spans: PhaseSpans,
  write: (percent: number) => Promise<unknown>,
  everyMs: number,
  now: () => number = () => performance.now(),
) {
  let last = -1;
  let lastAt = Number.NEGATIVE_INFINITY;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    onProgress(p: ImportProgress) {
      if (p.phase === 'writing') return;
      const percent = percentOf(spans, p);
      if (percent <= last) return;
      const end = (spans[p.phase] ?? spans.checking)[1];
      const t = now();
      if (t - lastAt < everyMs && percent < end) return;
      last = percent;
      lastAt = t;
      // A failed progress write must not fail the import: the bar is cosmetic.
      chain = chain.then(() => write(percent)).catch(() => undefined);
    },
    flush: () => chain,
  };
}
