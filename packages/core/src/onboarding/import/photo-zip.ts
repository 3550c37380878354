import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ProblemList } from './problems.js';

/** Guards against zip bombs and oversized uploads. */
export interface PhotoZipLimits {
  maxEntries: number;
  /** Declared uncompressed size of all photos together. */
  maxTotalBytes: number;
  /** One photo, uncompressed (media refuses larger ones anyway). */
  maxEntryBytes: number;
  /** Uncompressed ÷ compressed; photos barely compress, bombs expand 1000×. */
  maxRatio: number;
}

/** 2,000 files, 1 GB in all, 25 MB each, at most 20× expansion. */
export const PHOTO_ZIP_LIMITS: PhotoZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 25 * 1024 * 1024,
  maxRatio: 20,
};

/** Where the zip is: a file on disk (uploads are spooled), or bytes in memory (tests). */
export type PhotoZipSource = { path: string } | { bytes: Uint8Array };

/** An opened zip of photos: names to match, and a bounded reader per photo. */
export interface PhotoZip {
  /** Lower-cased base names (`img_0042.jpg`) of the usable entries. */
  has(name: string): boolean;
  /** The photo's bytes, read with the size checked as it streams. */
  read(name: string): Promise<Buffer>;
  close(): void;
}

const MB = 1024 * 1024;

function openZip(source: PhotoZipSource): Promise<yauzl.ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
    decodeStrings: true,
  };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: yauzl.ZipFile) => (err ? reject(err) : resolve(zip));
    if ('path' in source) yauzl.open(source.path, options, done);
    else yauzl.fromBuffer(Buffer.from(source.bytes), options, done);
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const baseName = (fileName: string) => fileName.split('/').pop()!.trim().toLowerCase();

/**
 * Opens a zip of photos and checks it before a byte is inflated: the entry
 * count (from the central directory), each entry's declared size and its
 * compression ratio, and the total. Entries that fail are refused by name
 * (a bomb inside a real zip); a zip that fails as a whole is reported and
 * `undefined` returned. Reading a photo streams it with a hard cap, so a
 * lying header cannot blow up memory either (yauzl also checks the sizes).
 */
export async function openPhotoZip(
  source: PhotoZipSource,
  problems: ProblemList,
  limits: PhotoZipLimits = PHOTO_ZIP_LIMITS,
): Promise<PhotoZip | undefined> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch {
    problems.error(null, null, 'ZIP_INVALID');
    return undefined;
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    problems.error(null, null, 'ZIP_TOO_MANY_ENTRIES', { max: limits.maxEntries });
    return undefined;
  }
  let entries: yauzl.Entry[];
  try {
    entries = await listEntries(zip);
  } catch {
    zip.close();
    problems.error(null, null, 'ZIP_INVALID');
    return undefined;
  }
  const byName = new Map<string, yauzl.Entry>();
  let total = 0;
  for (const e of entries) {
    if (e.fileName.endsWith('/') || e.fileName.startsWith('__MACOSX/')) continue;
    const name = baseName(e.fileName);
    if (!name || name.startsWith('.')) continue;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (
      e.uncompressedSize > limits.maxEntryBytes ||
      (ratio > limits.maxRatio && e.uncompressedSize > MB)
    ) {
      problems.error(null, null, 'ZIP_BOMB', { value: e.fileName.slice(0, 120) });
      continue;
    }
    total += e.uncompressedSize;
    if (!byName.has(name)) byName.set(name, e);
  }
  if (total > limits.maxTotalBytes) {
    zip.close();
    problems.error(null, null, 'ZIP_TOO_LARGE', { max: Math.floor(limits.maxTotalBytes / MB) });
    return undefined;
  }
  return {
    has: (name) => byName.has(name.toLowerCase()),
    async read(name) {
      const entry = byName.get(name.toLowerCase());
      if (!entry) throw new Error(`no ${name} in the zip`);
      const stream: Readable = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        size += (chunk as Buffer).byteLength;
        if (size > limits.maxEntryBytes) {
          stream.destroy();
          throw new Error(`${name} is larger than declared`);
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
