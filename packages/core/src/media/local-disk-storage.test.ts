import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listStoredFiles } from '../../test/fixtures/media/images.js';
import { isAldeaError } from '../errors.js';
import { localDiskStorage } from './local-disk-storage.js';
import { memoryStorage } from './memory-storage.js';
import { contentTypeForKey, isValidMediaKey, type MediaStorage } from './storage.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempRoot() {
  const dir = mkdtempSync(join(tmpdir(), 'aldea-media-'));
  dirs.push(dir);
  return dir;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString();
}

describe('media keys', () => {
  it.each([
    ['shop_abc/med_def/w320-0123abcd.webp', true],
    ['logo.png', true],
    ['../etc/passwd.png', false],
    ['/abs/path.png', false],
    ['shop/../x.png', false],
    ['shop//x.png', false],
    ['shop/.hidden.tmp', false],
    ['shop/x', false],
    ['shop/x.webp?x=1', false],
    ['shop\\x.webp', false],
    [`${'a'.repeat(600)}.png`, false],
  ])('%s is valid: %s', (key, valid) => {
    expect(isValidMediaKey(key)).toBe(valid);
  });

  it('maps extensions to content types', () => {
    expect(contentTypeForKey('a/b.webp')).toBe('image/webp');
    expect(contentTypeForKey('a/b.avif')).toBe('image/avif');
    expect(contentTypeForKey('a/b.jpg')).toBe('image/jpeg');
    expect(contentTypeForKey('a/b.png')).toBe('image/png');
    expect(contentTypeForKey('a/b.html')).toBeUndefined();
  });
});

describe.each([
  ['localDiskStorage', () => localDiskStorage(tempRoot(), { fsync: false })],
  ['memoryStorage', () => memoryStorage()],
] as [string, () => MediaStorage][])('%s', (_name, make) => {
  it('puts, stats, gets, streams and deletes by key', async () => {
    const storage = make();
    const key = 'shop_a/med_b/w320-abc.webp';
    expect(await storage.get(key)).toBeUndefined();
    expect(await storage.stat(key)).toBeUndefined();
    expect(await storage.openRead(key)).toBeUndefined();
    await storage.put(key, Buffer.from('first'));
    await storage.put(key, new Uint8Array(Buffer.from('second')));
    expect((await storage.get(key))?.toString()).toBe('second');
    expect((await storage.stat(key))?.bytes).toBe(6);
    expect(await readStream((await storage.openRead(key))!)).toBe('second');
    await storage.delete(key);
    await storage.delete(key); // already gone: fine
    expect(await storage.get(key)).toBeUndefined();
  });

  it('refuses to write or delete outside its key space, and reads nothing there', async () => {
    const storage = make();
    for (const key of ['../escape.png', '/etc/x.png', 'a/../../b.png']) {
      expect(
        isAldeaError(await storage.put(key, Buffer.from('x')).catch((e) => e), 'VALIDATION'),
      ).toBe(true);
      expect(isAldeaError(await storage.delete(key).catch((e) => e), 'VALIDATION')).toBe(true);
      expect(await storage.get(key)).toBeUndefined();
      expect(await storage.stat(key)).toBeUndefined();
      expect(await storage.openRead(key)).toBeUndefined();
    }
  });
});

describe('localDiskStorage on disk', () => {
  it('leaves no temporary files behind and removes emptied folders', async () => {
    const root = tempRoot();
    const storage = localDiskStorage(root);
    await storage.put('shop_a/med_b/original-1.jpg', Buffer.from('1'));
    await storage.put('shop_a/med_c/original-2.jpg', Buffer.from('2'));
    expect(listStoredFiles(root)).toEqual([
      'shop_a/med_b/original-1.jpg',
      'shop_a/med_c/original-2.jpg',
    ]);
    await storage.delete('shop_a/med_b/original-1.jpg');
    expect(readdirSync(join(root, 'shop_a'))).toEqual(['med_c']);
    await storage.delete('shop_a/med_c/original-2.jpg');
    expect(readdirSync(root)).toEqual([]);
  });

  it('cleans up its temporary file when a write fails', async () => {
    const root = tempRoot();
    const storage = localDiskStorage(root);
    // A non-empty folder where the file should go makes the final rename fail.
    mkdirSync(join(root, 'shop_a', 'blocked.png', 'inner'), { recursive: true });
    const err = await storage.put('shop_a/blocked.png', Buffer.from('y')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(readdirSync(join(root, 'shop_a'))).toEqual(['blocked.png']);
  });
});
