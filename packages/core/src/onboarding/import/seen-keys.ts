/**
 * Remembers which keys (SKUs, product names) a file already used, and on
 * which row, in 12 bytes a slot instead of the key itself: a 52-bit hash
 * (two FNV-style rounds) in an open-addressing table of typed arrays kept at
 * most half full. Memory still grows with the number of keys, but by ~24
 * bytes a key, not the ~100 of a `Map` of strings. Two different keys share a
 * hash with odds of about n² / 2⁵³ (one in four million for 100,000 rows):
 * then the second is reported as a duplicate, never silently merged.
 */
export class SeenKeys {
  private hashes = new Float64Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;

  /** The row a key was first seen on, or `undefined`. */
  get(key: string): number | undefined {
    const h = hash52(key);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; this.hashes[i] !== 0; i = (i + 1) & mask) {
      if (this.hashes[i] === h) return this.rows[i];
    }
    return undefined;
  }

  /** Records the row a key is first seen on (a key already there keeps its row). */
  set(key: string, row: number): void {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    if (this.place(hash52(key), row)) this.size++;
  }

  private place(h: number, row: number): boolean {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.hashes[i] !== 0) {
      if (this.hashes[i] === h) return false;
      i = (i + 1) & mask;
    }
    this.hashes[i] = h;
    this.rows[i] = row;
    return true;
  }

  private grow(): void {
    const { hashes, rows } = this;
    this.hashes = new Float64Array(hashes.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.place(hashes[i]!, rows[i]!);
  }
}

/** A non-zero 52-bit hash of a string: exact in a JS number; its low 32 bits pick the slot. */
export function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return (b & 0xfffff) * 0x100000000 + a || 1;
}
