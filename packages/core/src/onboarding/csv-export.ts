/**
 * Writing CSV that is safe to open in Excel. Any text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return would be read as a formula
 * (`=cmd|' /C calc'!A0`, `=HYPERLINK(…)`): it gets a leading apostrophe, which
 * spreadsheets show as text. Numbers are written as numbers.
 */

/** A cell: text is neutralised and quoted as needed; numbers and null are written as they are. */
export type CsvCell = string | number | null | undefined;

/** Neutralises a text cell that a spreadsheet would run as a formula. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function encode(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = neutraliseCell(cell);
  return /[",\r\n;]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated, as spreadsheets expect). */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(encode).join(',')}\r\n`;
}

/**
 * A whole CSV document with a UTF-8 byte-order mark, so Excel in China and
 * Mexico opens Chinese and accented text correctly.
 *
 * @example
 * toCsv(['shop', 'sales'], [['=cmd|x', 1200]]); // '\uFEFFshop,sales\r\n\'=cmd|x,1200\r\n'
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = `\ufeff${csvLine(header)}`;
  for (const row of rows) out += csvLine(row);
  return out;
}
