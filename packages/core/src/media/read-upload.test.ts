import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readUpload } from './read-upload.js';

const MB = 1024 * 1024;

/** A lazy 1 MB-a-chunk stream of `totalMb` megabytes that counts how many chunks were pulled. */
function countingStream(totalMb: number) {
  const stats = { pulled: 0, closed: false };
  async function* chunks() {
    try {
      for (let i = 0; i < totalMb; i++) {
        stats.pulled++;
        yield new Uint8Array(MB);
      }
    } finally {
      stats.closed = true;
    }
  }
  return { stream: chunks(), stats };
}

describe('readUpload', () => {
  it('stops reading a 100 MB stream just past the limit and closes it', async () => {
    const { stream, stats } = countingStream(100);
    const r = await readUpload({ stream }, 25 * MB);
    expect(r).toEqual({ ok: false, receivedBytes: 26 * MB });
    expect(stats.pulled).toBe(26);
    expect(stats.closed).toBe(true);
  });

  it('refuses a declared size over the limit without reading a byte', async () => {
    const { stream, stats } = countingStream(100);
    const r = await readUpload({ stream, size: 100 * MB }, 25 * MB);
    expect(r).toEqual({ ok: false, receivedBytes: 0 });
    expect(stats.pulled).toBe(0);
  });

  it('does not trust a declared size that is too small', async () => {
    const { stream } = countingStream(30);
    const r = await readUpload({ stream, size: 1 }, 25 * MB);
    expect(r.ok).toBe(false);
  });

  it('reads a stream of exactly the limit, and a Node Readable', async () => {
    const { stream } = countingStream(2);
    const r = await readUpload({ stream }, 2 * MB);
    expect(r.ok && r.bytes.byteLength).toBe(2 * MB);
    const node = await readUpload(
      { stream: Readable.from([Buffer.from('ab'), Buffer.from('c')]) },
      10,
    );
    expect(node.ok && node.bytes.toString()).toBe('abc');
  });

  it('checks in-memory bytes against the limit without copying them', async () => {
    const buf = Buffer.from('hello');
    const r = await readUpload({ bytes: buf }, 5);
    expect(r.ok && r.bytes).toBe(buf);
    expect(await readUpload({ bytes: new Uint8Array(6) }, 5)).toEqual({
      ok: false,
      receivedBytes: 6,
    });
    const view = await readUpload({ bytes: new Uint8Array([1, 2, 3]).subarray(1) }, 5);
    expect(view.ok && [...view.bytes]).toEqual([2, 3]);
  });
});
