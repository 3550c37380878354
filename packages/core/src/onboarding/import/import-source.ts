import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * A file to import, readable more than once (a dry pass, then the write pass),
 * always as a stream: nothing holds the whole file in memory.
 */
export interface ImportSource {
  /** A fresh stream of the file's bytes from the start. */
  open(): AsyncIterable<Uint8Array>;
  /** Its size when known (checked before reading). */
  size?: number;
  name: string;
}

/** A file on disk (the CLI, an upload spooled to disk). */
export function fileSource(path: string): ImportSource {
  return {
    open: () => createReadStream(path, { highWaterMark: 64 * 1024 }),
    size: statSync(path).size,
    name: basename(path),
  };
}

/** Bytes already in memory (a small form upload, tests). */
export function bytesSource(bytes: Uint8Array, name = 'upload.csv'): ImportSource {
  return {
    async *open() {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    },
    size: bytes.byteLength,
    name,
  };
}

/** Limits on an import. */
export interface ImportLimits {
  /** Largest CSV file in bytes (a 200 MB file is refused before anything is parsed). */
  maxBytes: number;
  maxRows: number;
  /** Largest single record: guards against a wrong delimiter or an unclosed quote. */
  maxRecordBytes: number;
  /** Problems kept in the report (the rest are counted). */
  maxProblems: number;
}

/** 50 MB, 200,000 rows, 64 KB a row, 1,000 problems listed. */
export const IMPORT_LIMITS: ImportLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  maxRecordBytes: 64 * 1024,
  maxProblems: 1000,
};
