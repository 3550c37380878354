import { once } from 'node:events';
import { type Info, parse } from 'csv-parse';
import {
  type DetectedEncoding,
  decodeStream,
  detectEncoding,
  InvalidTextError,
} from './decode-text.js';
import type { ImportLimits, ImportSource } from './import-source.js';
import type { ProblemCode } from './problem-messages.js';

/** A problem with the file as a whole: reading stops. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** One record of the file: its spreadsheet row (the header is row 1) and its cells. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** What the reader found out about the file, filled in as it reads. */
export interface CsvFacts {
  encoding?: DetectedEncoding['encoding'];
  delimiter?: string;
  bytes: number;
}

const HEAD = 64 * 1024;
const MB = 1024 * 1024;

async function* limited(
  source: ImportSource,
  limits: ImportLimits,
  facts: CsvFacts,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source.open()) {
    facts.bytes += chunk.byteLength;
    if (facts.bytes > limits.maxBytes) {
      throw new ImportFileError('TOO_LARGE', { max: Math.floor(limits.maxBytes / MB) });
    }
    onBytes?.(facts.bytes);
    yield chunk;
  }
}

/** Splits a stream into its first ~64 KB (for detection) and a stream of everything. */
async function peek(stream: AsyncGenerator<Uint8Array>) {
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < HEAD) {
    const next = await stream.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.byteLength;
  }
  const bytes = Buffer.concat(head);
  async function* all() {
    yield* head;
    yield* stream;
  }
  return { bytes, all: all() };
}

/** The delimiter of a header line: whichever of `,` `;` tab appears most (outside quotes). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Reads a CSV file as records, streaming with bounded memory: checks the size
 * as bytes arrive, detects the encoding (UTF-8 with or without BOM, GBK,
 * UTF-16 with BOM) and the delimiter (`,`, `;` or tab, from the header line),
 * and parses with csv-parse (quotes, embedded newlines, CRLF). The first
 * record is the header. Problems with the file throw {@link ImportFileError}.
 */
export async function* readCsv(
  source: ImportSource,
  limits: ImportLimits,
  facts: CsvFacts,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvRecord> {
  if (source.size !== undefined && source.size > limits.maxBytes) {
    throw new ImportFileError('TOO_LARGE', { max: Math.floor(limits.maxBytes / MB) });
  }
  const { bytes, all } = await peek(limited(source, limits, facts, onBytes));
  if (bytes.byteLength === 0) throw new ImportFileError('EMPTY_FILE');
  const detected = detectEncoding(bytes);
  if (!detected) throw new ImportFileError('ENCODING_UNKNOWN');
  facts.encoding = detected.encoding;

  const text = decodeStream(all, detected);
  const first: string[] = [];
  let firstLine: string | undefined;
  while (firstLine === undefined) {
    const next = await text.next();
    if (next.done) {
      firstLine = first.join('');
      break;
    }
    first.push(next.value);
    const joined = first.join('');
    const nl = joined.indexOf('\n');
    if (nl !== -1 || joined.length > limits.maxRecordBytes)
      firstLine = joined.slice(0, nl === -1 ? undefined : nl);
  }
  const delimiter = detectDelimiter(firstLine);
  facts.delimiter = delimiter;

  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: limits.maxRecordBytes,
    info: true,
  });
  const pump = (async () => {
    const feed = async (chunk: string) => {
      if (!parser.write(chunk)) await once(parser, 'drain');
    };
    for (const chunk of first) await feed(chunk);
    for await (const chunk of text) await feed(chunk);
    parser.end();
  })().catch((err) => parser.destroy(err));

  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: Info;
    }>) {
      rows++;
      if (rows > limits.maxRows + 1)
        throw new ImportFileError('TOO_MANY_ROWS', { max: limits.maxRows });
      // The spreadsheet row: records so far (header included) plus the blank rows skipped.
      yield { row: info.records + info.empty_lines, cells: record };
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    if (err instanceof InvalidTextError) {
      throw new ImportFileError('ENCODING_INVALID', {
        encoding: err.encoding.toUpperCase(),
        line: err.line,
      });
    }
    const e = err as { code?: string; lines?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new ImportFileError('CSV_MALFORMED', {
        line: e.lines ?? 0,
        reason:
          e.code === 'CSV_MAX_RECORD_SIZE'
            ? 'a row is too long — check the quotes'
            : (e.message ?? e.code).replace(/^Invalid [^:]*: /, '').slice(0, 120),
      });
    }
    throw err;
  } finally {
    parser.destroy();
    await pump;
  }
  if (rows === 0) throw new ImportFileError('EMPTY_FILE');
}
