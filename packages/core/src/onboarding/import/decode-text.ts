import iconv from 'iconv-lite';

/**
 * The text encodings an import accepts. Excel saves "CSV UTF-8" (with a BOM),
 * plain "CSV" in the Windows code page: GBK in China, Windows-1252 in Mexico.
 */
export type TextEncoding = 'utf-8' | 'gbk' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What was found at the start of the file. */
export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

/** True when `bytes` is valid UTF-8, allowing a sequence cut off at the very end. */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    let extra: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return false;
    if (i + extra >= n) return true; // cut off by the sample's end
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

/** True for C0 control characters other than tab, newline and carriage return (binary data). */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

/**
 * Share of bytes ≥ 0x80 that stand alone between ASCII bytes. Spanish text in
 * Windows-1252 ("Tama\xf1o") is nearly all lone bytes; Chinese in GBK comes in
 * runs of two-byte characters, of which a lone-looking lead byte is rare.
 */
function loneHighByteShare(bytes: Uint8Array): number {
  let high = 0;
  let lone = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    const before = i === 0 || bytes[i - 1]! < 0x80;
    const after = i === bytes.length - 1 || bytes[i + 1]! < 0x80;
    if (before && after) lone++;
  }
  return high === 0 ? 0 : lone / high;
}

/**
 * Works out a file's encoding from its first bytes: a BOM says it (UTF-8,
 * UTF-16); otherwise valid UTF-8 is UTF-8; text whose accented letters stand
 * alone is Windows-1252 (Spanish Excel); text that decodes cleanly as GBK is
 * GBK (Chinese Excel). `undefined` for anything else, binary included
 * (refused with a clear message).
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (head.includes(0)) return undefined; // binary, or UTF-16 without a BOM
  if (isUtf8(head)) return { encoding: 'utf-8', bom: 0 };
  if (loneHighByteShare(head) > 0.6) return { encoding: 'windows-1252', bom: 0 };
  // GBK: every byte ≥ 0x81 leads a two-byte character; iconv marks bad pairs with U+FFFD.
  const cut = head.length > 1 && head[head.length - 1]! >= 0x81 ? head.length - 1 : head.length;
  const text = iconv.decode(Buffer.from(head.buffer, head.byteOffset, cut), 'gbk');
  if (!text.includes('\ufffd') && !hasControlCharacters(text)) return { encoding: 'gbk', bom: 0 };
  return undefined;
}

/** Raised when the bytes stop being valid text in the detected encoding. */
export class InvalidTextError extends Error {
  constructor(
    readonly encoding: TextEncoding,
    readonly line: number,
  ) {
    super(`invalid ${encoding} near line ${line}`);
  }
}

/**
 * Decodes a byte stream into text chunks. UTF-8 is decoded strictly (an
 * invalid byte later in the file raises {@link InvalidTextError}); GBK and
 * UTF-16 go through iconv-lite, a replacement character raising the same.
 */
export async function* decodeStream(
  bytes: AsyncIterable<Uint8Array>,
  detected: DetectedEncoding,
): AsyncGenerator<string> {
  let skip = detected.bom;
  let line = 1;
  const count = (s: string) => {
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) line++;
  };
  const utf8 =
    detected.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  const other = utf8 ? undefined : iconv.getDecoder(detected.encoding);
  const emit = (text: string) => {
    if (other && text.includes('\ufffd')) throw new InvalidTextError(detected.encoding, line);
    count(text);
    return text;
  };
  for await (const chunk of bytes) {
    let part = chunk;
    if (skip > 0) {
      const n = Math.min(skip, part.length);
      part = part.subarray(n);
      skip -= n;
    }
    let text: string;
    try {
      text = utf8 ? utf8.decode(part, { stream: true }) : other!.write(Buffer.from(part));
    } catch {
      throw new InvalidTextError(detected.encoding, line);
    }
    if (text) yield emit(text);
  }
  let tail: string;
  try {
    tail = utf8 ? utf8.decode() : (other!.end() ?? '');
  } catch {
    throw new InvalidTextError(detected.encoding, line);
  }
  if (tail) yield emit(tail);
}
