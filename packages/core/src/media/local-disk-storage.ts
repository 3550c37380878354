import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { AldeaError } from '../errors.js';
import { isValidMediaKey, type MediaStorage, type StoredFileInfo } from './storage.js';

/** Options of {@link localDiskStorage}. */
export interface LocalDiskStorageOptions {
  /** fsync each file before it becomes visible (default true: a crash never leaves a torn file). */
  fsync?: boolean;
}

function isMissing(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Media storage in a folder on local disk, one file per key. Writes go to a
 * temporary file in the same folder and are renamed into place, so a reader
 * never sees half a file. Empty folders are removed after deletes.
 */
export function localDiskStorage(
  rootDir: string,
  opts: LocalDiskStorageOptions = {},
): MediaStorage {
  const root = resolve(rootDir);
  const fsync = opts.fsync ?? true;

  const pathOf = (key: string): string | undefined =>
    isValidMediaKey(key) ? join(root, ...key.split('/')) : undefined;

  function requirePath(key: string): string {
    const path = pathOf(key);
    if (!path) {
      throw new AldeaError('VALIDATION', `invalid storage key: ${JSON.stringify(key)}`, [
        { path: 'key', message: 'not a valid storage key', code: 'invalid_key' },
      ]);
    }
    return path;
  }

  async function removeEmptyParents(path: string) {
    for (let dir = dirname(path); dir.startsWith(`${root}/`); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
    }
  }

  return {
    async put(key, data) {
      const path = requirePath(key);
      await mkdir(dirname(path), { recursive: true });
      // A leading dot keeps temporary files out of the key space (keys never start with one).
      const temp = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
      try {
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(data);
          if (fsync) await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, path);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw err;
      }
    },

    async get(key) {
      const path = pathOf(key);
      if (!path) return undefined;
      try {
        return await readFile(path);
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },

    async stat(key): Promise<StoredFileInfo | undefined> {
      const path = pathOf(key);
      if (!path) return undefined;
      try {
        const s = await stat(path);
        return s.isFile() ? { bytes: s.size, modifiedAt: s.mtime } : undefined;
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },

    async delete(key) {
      const path = requirePath(key);
      try {
        await unlink(path);
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
      await removeEmptyParents(path);
    },

    async openRead(key) {
      const path = pathOf(key);
      if (!path) return undefined;
      // Open first so a missing file is `undefined`, not an error in the middle of a response.
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(path, 'r');
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
      // The stream closes the handle when it ends, errors or is cancelled.
      return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    },
  };
}
