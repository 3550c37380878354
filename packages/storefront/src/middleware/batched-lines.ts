import { writeSync } from 'node:fs';

/** Where batched lines go: a stream, with its file descriptor when it has one (stdout). */
export interface LineSink {
  write(chunk: string): unknown;
  readonly fd?: number;
}

/** Lines kept before they are written anyway, within the same turn. */
const MAX_PENDING_CHARS = 64 * 1024;

/**
 * A writer of lines to `sink` that writes them together: once per turn of the
 * event loop (sooner past 64 KiB), and whatever is left when the process exits
 * (`process.exit`, an uncaught error). An access log line per request would
 * otherwise cost a write(2) per request, and a slow reader of stdout (a pipe to
 * a log collector) would hold up every request in turn. A process killed
 * outright loses at most the lines of its last turn.
 *
 * @example
 * const line = batchedLines(process.stdout);
 * line(`${JSON.stringify(entry)}\n`);
 */
export function batchedLines(sink: LineSink): (line: string) => void {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    sink.write(chunk);
  };
  process.on('exit', () => {
    if (pending === '') return;
    // No more turns: the stream's own write may not finish, a direct one does.
    if (sink.fd === undefined) sink.write(pending);
    else writeSync(sink.fd, pending);
    pending = '';
  });
  return (line) => {
    pending += line;
    if (pending.length >= MAX_PENDING_CHARS) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
