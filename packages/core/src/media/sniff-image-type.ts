/** Image types recognised from their first bytes. */
export type ImageKind =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'gif'
  | 'avif'
  | 'heic'
  | 'tiff'
  | 'bmp'
  | 'ico'
  | 'jxl'
  | 'jp2'
  | 'psd'
  | 'svg';

/** What the bytes say a file is. */
export interface SniffedImage {
  kind: ImageKind;
  mime: string;
  /** Whether the media pipeline takes it (HEIC is tried, then refused with its own message). */
  supported: boolean;
}

const MIME: Record<ImageKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heic: 'image/heic',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  jxl: 'image/jxl',
  jp2: 'image/jp2',
  psd: 'image/vnd.adobe.photoshop',
  svg: 'image/svg+xml',
};

const SUPPORTED: ReadonlySet<ImageKind> = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heic']);

// ISO-BMFF brands (the `ftyp` box): HEIF with HEVC (iPhone photos) vs AVIF.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf']);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function sniffIsoBmff(bytes: Uint8Array): ImageKind | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, Math.max(16, boxSize), 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4));
  if (AVIF_BRANDS.has(brands[0]!)) return 'avif';
  if (HEIC_BRANDS.has(brands[0]!)) return 'heic';
  if (!GENERIC_HEIF_BRANDS.has(brands[0]!)) return undefined; // mp4, mov (Live Photo video)…
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  return 'heic';
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(
    head,
  );
}

function sniffKind(b: Uint8Array): ImageKind | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61])) return 'gif';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) return 'gif';
  const bmff = sniffIsoBmff(b);
  if (bmff) return bmff;
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (startsWith(b, [0x42, 0x4d]) && b.length >= 26) return 'bmp';
  if (startsWith(b, [0x00, 0x00, 0x01, 0x00]) && b.length >= 22) return 'ico';
  if (startsWith(b, [0xff, 0x0a])) return 'jxl';
  if (startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return 'jxl';
  if (startsWith(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return 'jp2';
  if (startsWith(b, [0x38, 0x42, 0x50, 0x53])) return 'psd';
  if (looksLikeSvg(b)) return 'svg';
  return undefined;
}

/**
 * Says what image type the bytes are, from their magic numbers, never from a
 * file name or a declared content type. `undefined` when the bytes are not an
 * image we recognise at all (text, PDF, video…).
 *
 * @example
 * sniffImageType(jpegBytes); // { kind: 'jpeg', mime: 'image/jpeg', supported: true }
 */
export function sniffImageType(bytes: Uint8Array): SniffedImage | undefined {
  const kind = sniffKind(bytes);
  return kind ? { kind, mime: MIME[kind], supported: SUPPORTED.has(kind) } : undefined;
}
