import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/io.js';

/** Streams that remember what was written, for running `runCli` in-process. */
export function memoryIo(env: Record<string, string> = {}, cwd = process.cwd()) {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env, cwd };
  return {
    io,
    stdout: () => out,
    stderr: () => err,
  };
}
