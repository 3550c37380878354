import type { ProblemCode } from './problem-messages.js';
import type { ProblemList } from './problems.js';

/** The columns an import knows: required ones, optional ones, and aliases people write. */
export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
  aliases?: Readonly<Record<string, string>>;
}

/** A header cell in canonical form: `Title (zh-CN)`, `title_zh-CN` and `TITLE ZH CN` are all `title_zh_cn`. */
export function canonicalColumn(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-()]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Where each known column is, and the header as written (for messages). */
export interface HeaderMap {
  index: ReadonlyMap<string, number>;
  written: readonly string[];
  width: number;
}

/**
 * Maps a header row to the known columns. Missing required columns and
 * duplicates are errors about the file (nothing can be read reliably);
 * unknown columns are warnings (ignored).
 */
export function mapHeader(cells: string[], spec: ColumnSpec, problems: ProblemList): HeaderMap {
  const known = new Set([...spec.required, ...spec.optional]);
  const index = new Map<string, number>();
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width--;
  for (let i = 0; i < width; i++) {
    const written = cells[i]!.replace(/^\ufeff/, '').trim();
    const raw = canonicalColumn(written);
    const name = spec.aliases?.[raw] ?? raw;
    if (!name) continue;
    if (!known.has(name)) {
      problems.warn(1, written, 'UNKNOWN_COLUMN', { column: written });
      continue;
    }
    if (index.has(name)) {
      problems.error(null, written, 'DUPLICATE_COLUMN', { column: written });
      continue;
    }
    index.set(name, i);
  }
  for (const name of spec.required) {
    if (!index.has(name)) problems.error(null, name, 'MISSING_COLUMN', { column: name });
  }
  return { index, written: cells.map((c) => c.trim()), width };
}

/** The cells of one data row by column name, trimmed ('' when absent). */
export class Row {
  constructor(
    readonly row: number,
    private readonly cells: string[],
    private readonly header: HeaderMap,
  ) {}
  get(column: string): string {
    const i = this.header.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
  has(column: string): boolean {
    return this.header.index.has(column);
  }
  /** The column's name as the trainer wrote it in the header. */
  label(column: string): string {
    const i = this.header.index.get(column);
    return i === undefined ? column : (this.header.written[i] ?? column);
  }
}

/**
 * Checks a row's shape (cell count against the header) and refuses cells that
 * look like spreadsheet formulas (`=…`, `@…`): they would run when someone
 * opens an export in Excel. Returns false when the row cannot be used.
 */
export function checkRowShape(
  row: number,
  cells: string[],
  header: HeaderMap,
  problems: ProblemList,
): boolean {
  let ok = true;
  let used = cells.length;
  while (used > header.width && (cells[used - 1] ?? '').trim() === '') used--;
  if (used > header.width) {
    problems.error(row, null, 'EXTRA_CELLS', { count: used, expected: header.width });
    ok = false;
  } else if (cells.length < header.width && cells.length > 0) {
    problems.error(row, null, 'MISSING_CELLS', { count: cells.length, expected: header.width });
    ok = false;
  }
  for (let i = 0; i < Math.min(cells.length, header.width); i++) {
    const v = (cells[i] ?? '').trimStart();
    if (v.startsWith('=') || v.startsWith('@')) {
      problems.error(row, header.written[i] ?? null, 'FORMULA', { value: v.slice(0, 12) });
      ok = false;
    }
  }
  return ok;
}

/** A whole number from a cell, or the problem with it. Empty gives `fallback`. */
export function intCell(
  value: string,
  opts: { min?: number; max: number; fallback?: number },
):
  | { ok: true; value: number }
  | { ok: false; code: ProblemCode; params: Record<string, string | number> } {
  if (value === '') {
    return opts.fallback === undefined
      ? { ok: false, code: 'REQUIRED', params: {} }
      : { ok: true, value: opts.fallback };
  }
  const normal = value
    .normalize('NFKC')
    .replace(/[\s_,']/g, '')
    .replace(/\.0+$/, '');
  if (!/^-?\d+$/.test(normal)) return { ok: false, code: 'BAD_NUMBER', params: { value } };
  const n = Number(normal);
  if (n < (opts.min ?? 0)) return { ok: false, code: 'NEGATIVE', params: { value } };
  if (n > opts.max) return { ok: false, code: 'TOO_BIG', params: { value, max: opts.max } };
  return { ok: true, value: n };
}

const YES = new Set(['yes', 'y', 'true', '1', 'si', 'sí', 's', '是', '对', 'x', '✓']);
const NO = new Set(['no', 'n', 'false', '0', '否', '不', '']);

/** A yes/no cell in any of our languages; `undefined` when it is neither. */
export function boolCell(value: string): boolean | undefined {
  const v = value.normalize('NFKC').trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}
