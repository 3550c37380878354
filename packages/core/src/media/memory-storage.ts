import { AldeaError } from '../errors.js';
import { isValidMediaKey, type MediaStorage } from './storage.js';

/** In-memory media storage with the same key rules as disk: for tests and throwaway demos. */
export function memoryStorage(): MediaStorage & { keys(): string[] } {
  const files = new Map<string, { data: Buffer; modifiedAt: Date }>();
  const check = (key: string) => {
    if (!isValidMediaKey(key)) throw new AldeaError('VALIDATION', 'invalid storage key');
  };
  return {
    async put(key, data) {
      check(key);
      files.set(key, { data: Buffer.from(data), modifiedAt: new Date() });
    },
    async get(key) {
      const f = files.get(key);
      return f ? Buffer.from(f.data) : undefined;
    },
    async stat(key) {
      const f = files.get(key);
      return f ? { bytes: f.data.byteLength, modifiedAt: f.modifiedAt } : undefined;
    },
    async delete(key) {
      check(key);
      files.delete(key);
    },
    async openRead(key) {
      const f = files.get(key);
      if (!f) return undefined;
      const data = new Uint8Array(f.data);
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(data);
          controller.close();
        },
      });
    },
    keys: () => [...files.keys()].sort(),
  };
}
