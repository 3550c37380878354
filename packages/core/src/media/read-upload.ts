/** An upload as bytes already in memory, or as a stream with an optional declared size. */
export type UploadSource =
  | { bytes: Uint8Array }
  | {
      /** A Node Readable, a web ReadableStream or any async iterable of chunks. */
      stream: AsyncIterable<Uint8Array>;
      /** Declared size (e.g. Content-Length): an upload declaring too much is refused unread. */
      size?: number;
    };

/** The upload's bytes, or how far we read before refusing it. */
export type ReadUploadResult = { ok: true; bytes: Buffer } | { ok: false; receivedBytes: number };

/**
 * Reads an upload into memory, but never more than `maxBytes + 1` bytes of it:
 * a 100 MB upload is refused after the first 25 MB, or before any byte when its
 * declared size already says too much. Stopping iteration closes the stream.
 */
export async function readUpload(
  source: UploadSource,
  maxBytes: number,
): Promise<ReadUploadResult> {
  if ('bytes' in source) {
    const bytes = source.bytes;
    if (bytes.byteLength > maxBytes) return { ok: false, receivedBytes: bytes.byteLength };
    return {
      ok: true,
      bytes: Buffer.isBuffer(bytes)
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    };
  }
  if (source.size !== undefined && source.size > maxBytes) return { ok: false, receivedBytes: 0 };
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of source.stream) {
    received += chunk.byteLength;
    if (received > maxBytes) return { ok: false, receivedBytes: received };
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, received) };
}
