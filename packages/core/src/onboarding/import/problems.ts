import { isLocale, type Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/messages.js';
import { toCsv } from '../csv-export.js';
import { IMPORT_MESSAGES, type ProblemCode } from './problem-messages.js';

export type { ProblemCode };

/**
 * One thing wrong with an import, located by spreadsheet row (1 = the header)
 * and column name. `row: null` is about the whole file (or the zip).
 * Warnings never block; errors do, unless the trainer imports good rows only.
 */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Values for the message (`{value}`, `{max}`…). */
  params?: Record<string, string | number>;
}

/** The message of a problem in the trainer's language. */
export function describeProblem(p: ImportProblem, locale: string): string {
  const t = translator(IMPORT_MESSAGES, isLocale(locale) ? locale : 'en');
  return t(p.code, p.params);
}

/** "Row 12, column price: …" in the trainer's language. */
export function describeProblemWithPlace(p: ImportProblem, locale: string): string {
  const t = translator(IMPORT_MESSAGES, isLocale(locale) ? (locale as Locale) : 'en');
  const message = describeProblem(p, locale);
  if (p.row === null) return t('place.file', { message });
  if (p.column) return t('place.rowColumn', { row: p.row, column: p.column, message });
  return t('place.row', { row: p.row, message });
}

/** Collects problems, keeping at most `max` (counting the rest), errors first in the report. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  errors = 0;
  warnings = 0;
  /** Rows with at least one error. */
  readonly badRows = new Set<number>();
  constructor(private readonly max: number) {}

  add(p: ImportProblem): void {
    if (p.severity === 'error') {
      this.errors++;
      if (p.row !== null) this.badRows.add(p.row);
    } else this.warnings++;
    if (this.items.length < this.max) this.items.push(p);
  }
  error(
    row: number | null,
    column: string | null,
    code: ProblemCode,
    params?: ImportProblem['params'],
  ) {
    this.add({ row, column, code, severity: 'error', ...(params ? { params } : {}) });
  }
  warn(
    row: number | null,
    column: string | null,
    code: ProblemCode,
    params?: ImportProblem['params'],
  ) {
    this.add({ row, column, code, severity: 'warning', ...(params ? { params } : {}) });
  }
  /** True when something is wrong with the file as a whole (nothing can be imported). */
  get fatal(): boolean {
    return this.items.some((p) => p.severity === 'error' && p.row === null);
  }
  get total(): number {
    return this.errors + this.warnings;
  }
}

/** The problems of a report as CSV for download, worded in the trainer's language (formula-safe). */
export function problemsCsv(problems: readonly ImportProblem[], locale: string): string {
  const header: Record<Locale, string[]> = {
    en: ['row', 'column', 'severity', 'problem'],
    'zh-CN': ['行', '列', '级别', '问题'],
    'es-MX': ['fila', 'columna', 'gravedad', 'problema'],
  };
  const l: Locale = isLocale(locale) ? locale : 'en';
  return toCsv(
    header[l],
    problems.map((p) => [p.row, p.column, p.severity, describeProblem(p, l)]),
  );
}
