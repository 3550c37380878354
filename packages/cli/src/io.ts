import { CommanderError } from 'commander';
import { CliError, exitCodeFor, isCoreError } from './exit-codes.js';

type Out = NodeJS.WritableStream & { isTTY?: boolean };

/** Where a command reads and writes; the real process, or a test's streams. */
export interface CliIo {
  stdout: Out;
  stderr: Out;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The running process's streams, environment and working directory. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Prints a command's result: JSON on stdout with `--json`, else the human text. */
export function printResult(io: CliIo, json: boolean | undefined, data: unknown, human: string) {
  io.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

/** Prints a note for people (never with `--json`, never on stdout). */
export function note(io: CliIo, json: boolean | undefined, text: string) {
  if (!json) io.stderr.write(`${text}\n`);
}

/** Prints what went wrong, as a sentence or as JSON, and returns the exit code. */
export function reportError(io: CliIo, err: unknown, json: boolean): number {
  const exitCode = exitCodeFor(err);
  if (err instanceof CommanderError) return exitCode; // commander already printed it
  const message = err instanceof Error ? err.message : String(err);
  if (json) {
    const error = {
      code: isCoreError(err) ? err.code : err instanceof CliError ? 'CLI' : 'INTERNAL',
      exitCode,
      message,
      issues: isCoreError(err) ? err.issues : [],
    };
    io.stderr.write(`${JSON.stringify({ error })}\n`);
  } else {
    io.stderr.write(`aldea: ${message}\n`);
    if (io.env.ALDEA_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  }
  return exitCode;
}
