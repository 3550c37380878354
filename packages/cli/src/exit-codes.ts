import type { ErrorCode } from '@aldea/core';
import { CommanderError } from 'commander';

/**
 * What `aldea` exits with, so scripts can tell failures apart. Documented in
 * `aldea --help` and in docs/operator-guide.md.
 */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** Something went wrong (a failing doctor check, an unexpected error). */
  FAILURE: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  USAGE: 2,
  /** An input or setting was refused: bad value, malformed file, wrong configuration. */
  VALIDATION: 3,
  /** Something named does not exist: a file, a shop, a village. */
  NOT_FOUND: 4,
  /** The change conflicts with what exists: the backup target exists, the slug is taken. */
  CONFLICT: 5,
  /** A path cannot be read or written: the database directory is not writable. */
  IO: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The help text listing the exit codes. */
export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  failure (a failing check, an unexpected error)
  2  usage (unknown command or option, missing argument)
  3  validation (a bad value, a malformed file, a wrong setting)
  4  not found (a missing file, shop, village…)
  5  conflict (the target exists, the slug is taken, the database is in use)
  6  i/o (a path cannot be read or written)`;

/** An error the CLI itself raises with its exit code (no core error fits). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const BY_CODE: Record<ErrorCode, ExitCode> = {
  VALIDATION: EXIT.VALIDATION,
  UNSUPPORTED_CURRENCY: EXIT.VALIDATION,
  CURRENCY_MISMATCH: EXIT.VALIDATION,
  NOT_FOUND: EXIT.NOT_FOUND,
  CONFLICT: EXIT.CONFLICT,
  FORBIDDEN: EXIT.FAILURE,
  UNAUTHENTICATED: EXIT.FAILURE,
  RATE_LIMITED: EXIT.FAILURE,
  PAYMENT_PROVIDER: EXIT.FAILURE,
  INTERNAL: EXIT.FAILURE,
};

const IO_ERRNOS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENOSPC', 'EEXIST']);

/**
 * True for core's `AldeaError`. Checked by shape, not `instanceof`, so that this
 * module (and `aldea --help`) never has to load all of core.
 */
export function isCoreError(err: unknown): err is Error & { code: ErrorCode; issues: unknown[] } {
  if (!(err instanceof Error) || err.name !== 'AldeaError') return false;
  const code: unknown = (err as Error & { code?: unknown }).code;
  return typeof code === 'string' && code in BY_CODE;
}

/** The exit code for anything a command threw. */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof CliError) return err.exitCode;
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.OK;
    return EXIT.USAGE;
  }
  if (isCoreError(err)) return BY_CODE[err.code];
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'ENOENT') return EXIT.NOT_FOUND;
  if (errno && (IO_ERRNOS.has(errno) || errno.startsWith('SQLITE_CANTOPEN'))) return EXIT.IO;
  return EXIT.FAILURE;
}
