import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';
import { type CliIo, processIo, reportError } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs `aldea` with the given arguments (without `node` and the script) and
 * resolves to the exit code; never calls `process.exit` itself.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (err) {
    if (err instanceof CommanderError && err.code === 'commander.help') {
      return EXIT.USAGE; // `aldea` alone prints the help, but did not run anything
    }
    return reportError(io, err, argv.includes('--json'));
  }
}
