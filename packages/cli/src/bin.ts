/**
 * The `aldea` entry point (run through `bin/aldea.mjs`, which sets up tsx and
 * the source condition; or directly: `node --import tsx --conditions=aldea-source`).
 */
import { runCli } from './cli.js';

// `aldea fx list | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The exit code is set, not forced, so open handles (a server) end on their own terms.
process.exitCode = await runCli(process.argv.slice(2));
