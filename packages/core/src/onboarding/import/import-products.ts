import { sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit.js';
import { authorize } from '../../auth/permissions.js';
import { deleteMediaAsset } from '../../media/delete-media-asset.js';
import { ingestImage } from '../../media/ingest-image.js';
import type { MediaStorage } from '../../media/storage.js';
import type { ShopContext } from '../../tenancy/context.js';
import { IMPORT_LIMITS, type ImportLimits, type ImportSource } from './import-source.js';
import {
  openPhotoZip,
  PHOTO_ZIP_LIMITS,
  type PhotoZip,
  type PhotoZipLimits,
  type PhotoZipSource,
} from './photo-zip.js';
import { planBatch } from './plan-products.js';
import { type ImportProblem, ProblemList } from './problems.js';
import type { CsvFacts } from './read-csv.js';
import { type PhotoCheck, type ScanResult, scanProducts } from './scan-products.js';
import { insertDrafts, updateDrafts } from './write-products.js';

/** How to import: look only, all rows or none, or the good rows only. */
export type ImportMode = 'dry-run' | 'all-or-nothing' | 'good-rows';

/** Where a long import is, for a progress bar. */
export interface ImportProgress {
  phase: 'checking' | 'photos' | 'writing';
  done: number;
  total: number;
}

/** Options of {@link importProducts}. */
export interface ImportProductsOptions {
  mode: ImportMode;
  /** A zip of the photos the sheet names in its `photos` column. */
  photos?: PhotoZipSource;
  /** Where photos are stored; required with `photos` unless it is a dry run. */
  storage?: MediaStorage;
  limits?: Partial<ImportLimits>;
  zipLimits?: Partial<PhotoZipLimits>;
  onProgress?: (p: ImportProgress) => void;
}

/** What an import found and did. Problems carry codes; `describeProblem` words them. */
export interface ImportReport {
  kind: 'products' | 'sellers';
  mode: ImportMode;
  file: { name: string; bytes: number; encoding: string | null; delimiter: string | null };
  /** Data rows read (the header not counted). */
  rows: number;
  /** Products created, updated, already up to date, and skipped for problems. */
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  photos: number;
  errors: number;
  warnings: number;
  /** The first problems (up to the limit), in file order. */
  problems: ImportProblem[];
  /** True when anything was written. */
  written: boolean;
}

class Rollback extends Error {}

/** Deletes photos processed for products that were skipped after all (one read, then deletes). */
async function dropUnused(ctx: ShopContext, photoIds: ReadonlyMap<string, string>) {
  if (photoIds.size === 0) return;
  const ids = [...photoIds.values()];
  const used = await ctx.db.read.all<{ media_id: string }>(sql`
    select distinct media_id from product_images where shop_id = ${ctx.shop.id}
      and media_id in (select value from json_each(${JSON.stringify(ids)}))`);
  const keep = new Set(used.map((u) => u.media_id));
  for (const id of ids) if (!keep.has(id)) await deleteMediaAsset(ctx, id).catch(() => undefined);
}

function fileOf(source: ImportSource, facts: CsvFacts) {
  return {
    name: source.name,
    bytes: facts.bytes,
    encoding: facts.encoding ?? null,
    delimiter: facts.delimiter ?? null,
  };
}

async function ingestPhotos(
  ctx: ShopContext,
  zip: PhotoZip,
  names: string[],
  storage: MediaStorage,
  onProgress: ImportProductsOptions['onProgress'],
) {
  const ids = new Map<string, string>();
  const refused = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    onProgress?.({ phase: 'photos', done: i, total: names.length });
    let result: Awaited<ReturnType<typeof ingestImage>>;
    try {
      result = await ingestImage(ctx, { bytes: await zip.read(name), filename: name, storage });
    } catch (err) {
      refused.set(name, (err as Error).message);
      continue;
    }
    if (result.ok) ids.set(name, result.asset.id);
    else refused.set(name, result.message);
  }
  return { ids, refused };
}

/**
 * Imports a product sheet (CSV) into the context's shop as drafts: texts per
 * language, options and variants, price in the shop currency, stock, weight,
 * processing days, photos matched by name against an uploaded zip.
 *
 * A first pass reads the whole file (streaming, bounded memory) and reports
 * every problem by row and column; a dry run stops there. Then photos are
 * processed, and a second pass writes in ONE transaction: all-or-nothing
 * writes only a file without errors; good-rows skips the products with a bad
 * row. Re-importing a file updates products by SKU instead of duplicating
 * them (unchanged ones are not touched). If anything fails while writing,
 * nothing is saved and the photos processed for it are deleted. Needs
 * `catalog.write`; audited (one entry per import).
 *
 * @example
 * const report = await importProducts(ctx, fileSource('productos.csv'), { mode: 'dry-run' });
 * for (const p of report.problems) console.log(describeProblemWithPlace(p, 'es-MX'));
 */
export async function importProducts(
  ctx: ShopContext,
  source: ImportSource,
  opts: ImportProductsOptions,
): Promise<ImportReport> {
  authorize(ctx, 'catalog.write');
  const limits = { ...IMPORT_LIMITS, ...opts.limits };
  const total = source.size ?? 0;
  const progress = (phase: ImportProgress['phase']) => (bytes: number) =>
    opts.onProgress?.({ phase, done: bytes, total: Math.max(total, bytes) });

  const checked = new ProblemList(limits.maxProblems);
  const zip = opts.photos
    ? await openPhotoZip(opts.photos, checked, { ...PHOTO_ZIP_LIMITS, ...opts.zipLimits })
    : undefined;
  const report = (
    problems: ProblemList,
    scan: ScanResult,
    counts: Partial<
      Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'skipped' | 'photos' | 'written'>
    >,
  ): ImportReport => ({
    kind: 'products',
    mode: opts.mode,
    file: fileOf(source, scan.facts),
    rows: scan.rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    photos: 0,
    written: false,
    ...counts,
    errors: problems.errors,
    warnings: problems.warnings,
    problems: [...problems.items].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  });

  try {
    // Pass 1: read everything, plan, write nothing.
    const planned = { created: 0, updated: 0, unchanged: 0 };
    const needed = new Set<string>();
    const zipCheck: PhotoCheck | undefined = zip
      ? (name) => (zip.has(name) ? undefined : { code: 'PHOTO_MISSING' })
      : opts.photos
        ? () => ({ code: 'PHOTO_MISSING' })
        : undefined;
    const first = await scanProducts(ctx, source, {
      limits,
      problems: checked,
      photoCheck: zipCheck,
      onBytes: progress('checking'),
      onBatch: async (drafts) => {
        const plan = await planBatch(ctx.db.read, ctx, drafts, checked);
        planned.created += plan.create.length;
        planned.updated += plan.update.length;
        planned.unchanged += plan.unchanged.length;
        for (const d of plan.create) for (const p of d.photos) needed.add(p.toLowerCase());
        for (const u of plan.update)
          if (u.needsPhotos) for (const p of u.draft.photos) needed.add(p.toLowerCase());
      },
    });
    const stop =
      opts.mode === 'dry-run' ||
      checked.fatal ||
      (opts.mode === 'all-or-nothing' && checked.errors > 0);
    if (stop) {
      if (opts.mode !== 'dry-run') return report(checked, first, {});
      const skipped = first.products - planned.created - planned.updated - planned.unchanged;
      return report(checked, first, { ...planned, skipped });
    }

    // Photos: processed outside any transaction (seconds of CPU each).
    let photoIds = new Map<string, string>();
    let refused = new Map<string, string>();
    if (zip && needed.size > 0) {
      if (!opts.storage) throw new Error('importProducts: photos need a storage');
      ({ ids: photoIds, refused } = await ingestPhotos(
        ctx,
        zip,
        [...needed],
        opts.storage,
        opts.onProgress,
      ));
    }
    const dropPhotos = async () => {
      for (const id of photoIds.values()) await deleteMediaAsset(ctx, id).catch(() => undefined);
    };
    if (opts.mode === 'all-or-nothing' && refused.size > 0) {
      const problems = new ProblemList(limits.maxProblems);
      for (const [name, reason] of refused)
        problems.error(null, 'photos', 'PHOTO_REFUSED', { value: name, reason });
      await dropPhotos();
      return report(problems, first, {});
    }

    // Pass 2: the same reading, writing as it goes, in one transaction.
    const written = new ProblemList(limits.maxProblems);
    const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, photos: 0 };
    const photoCheck: PhotoCheck | undefined = zipCheck
      ? (name) => {
          const why = refused.get(name.toLowerCase());
          return why ? { code: 'PHOTO_REFUSED', reason: why } : zipCheck(name);
        }
      : undefined;
    let second: ScanResult;
    try {
      second = await ctx.db.transaction(async (tx) => {
        const scan = await scanProducts(ctx, source, {
          limits,
          problems: written,
          photoCheck,
          onBytes: progress('writing'),
          onBatch: async (drafts) => {
            const plan = await planBatch(tx, ctx, drafts, written);
            const made = await insertDrafts(tx, ctx, plan.create, photoIds);
            const changed = await updateDrafts(tx, ctx, plan.update, photoIds);
            counts.created += made.products;
            counts.updated += changed.products;
            counts.unchanged += plan.unchanged.length;
            counts.photos += made.photos + changed.photos;
          },
        });
        if (written.fatal || (opts.mode === 'all-or-nothing' && written.errors > 0))
          throw new Rollback();
        await recordAudit(tx, ctx, {
          action: 'catalog.import',
          entity: 'shop',
          entityId: ctx.shop.id,
          data: { file: source.name, mode: opts.mode, rows: scan.rows, ...counts },
        });
        return scan;
      });
    } catch (err) {
      await dropPhotos();
      if (err instanceof Rollback) return report(written, first, {});
      throw err;
    }
    await dropUnused(ctx, photoIds);
    counts.skipped = second.products - counts.created - counts.updated - counts.unchanged;
    return report(written, second, { ...counts, written: true });
  } finally {
    zip?.close();
  }
}
