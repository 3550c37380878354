import type { ShopContext } from '../../tenancy/context.js';
import { checkRowShape, type HeaderMap, mapHeader, Row } from './columns.js';
import type { ImportLimits, ImportSource } from './import-source.js';
import type { ProblemCode } from './problem-messages.js';
import type { ProblemList } from './problems.js';
import { buildDraft, type ProductDraft, ProductGrouper } from './product-groups.js';
import { parseVariantRow, productColumns, type RowContext } from './product-rows.js';
import { type CsvFacts, ImportFileError, readCsv } from './read-csv.js';

/** Says whether a photo named in the sheet can be used; a problem code when not. */
export type PhotoCheck = (name: string) => { code: ProblemCode; reason?: string } | undefined;

/** What a scan of the product sheet saw. */
export interface ScanResult {
  rows: number;
  /** Products (groups of rows) seen, valid or not. */
  products: number;
  facts: CsvFacts;
}

/** Products handed to the caller this many at a time (one lookup statement per batch). */
export const DRAFT_BATCH = 100;

/**
 * Streams the product sheet once: header, each row parsed and checked by
 * column, rows grouped into products, each product validated — and hands the
 * valid drafts to `onBatch` a hundred at a time. Memory holds one product and
 * one batch, whatever the size of the file. File-level problems end the scan
 * (reported with `row: null`).
 */
export async function scanProducts(
  ctx: ShopContext,
  source: ImportSource,
  opts: {
    limits: ImportLimits;
    problems: ProblemList;
    photoCheck: PhotoCheck | undefined;
    onBatch: (drafts: ProductDraft[]) => Promise<void>;
    onBytes?: (bytes: number) => void;
  },
): Promise<ScanResult> {
  const { problems } = opts;
  const facts: CsvFacts = { bytes: 0 };
  const spec = productColumns(ctx.shop.defaultLocale);
  const rc: RowContext = {
    baseCurrency: ctx.shop.baseCurrency,
    locale: ctx.locale,
    delimiter: ',',
  };
  const grouper = new ProductGrouper(problems);
  let header: HeaderMap | undefined;
  let batch: ProductDraft[] = [];
  let rows = 0;
  let groups = 0;
  let warnedNoZip = false;
  const take = async (group: ReturnType<ProductGrouper['add']>) => {
    if (!group) return;
    groups++;
    const draft = buildDraft(group, ctx.shop.defaultLocale, problems);
    if (draft) batch.push(draft);
    if (batch.length >= DRAFT_BATCH) {
      const full = batch;
      batch = [];
      await opts.onBatch(full);
    }
  };
  try {
    for await (const record of readCsv(source, opts.limits, facts, opts.onBytes)) {
      if (!header) {
        header = mapHeader(record.cells, spec, problems);
        rc.delimiter = facts.delimiter ?? ',';
        // A semicolon-separated sheet comes from a spreadsheet that writes decimal commas.
        if (rc.delimiter === ';') rc.locale = 'es-ES';
        if (problems.fatal) return { rows, products: groups, facts };
        continue;
      }
      rows++;
      const row = new Row(record.row, record.cells, header);
      const key = row.get('product');
      const shaped = checkRowShape(record.row, record.cells, header, problems);
      let variant = shaped ? parseVariantRow(row, rc, problems) : null;
      if (variant && variant.photos.length > 0) {
        if (!opts.photoCheck) {
          if (!warnedNoZip) problems.warn(null, 'photos', 'PHOTO_NO_ZIP');
          warnedNoZip = true;
          variant = { ...variant, photos: [] };
        } else {
          for (const name of variant.photos) {
            const refused = opts.photoCheck(name);
            if (refused) {
              problems.error(record.row, row.label('photos'), refused.code, {
                value: name,
                reason: refused.reason ?? '',
              });
              variant = null;
              break;
            }
          }
        }
      }
      await take(grouper.add(key, record.row, variant, row.label('product')));
    }
    if (!header) return { rows, products: groups, facts };
    await take(grouper.finish());
    if (batch.length > 0) await opts.onBatch(batch);
    if (rows === 0) problems.error(null, null, 'EMPTY_FILE');
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    problems.error(null, null, err.code, err.params);
  }
  return { rows, products: groups, facts };
}
