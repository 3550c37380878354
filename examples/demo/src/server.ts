/**
 * `npm start`: the Aldea demo on http://localhost:3000 (see README.md).
 *
 * Settings come from the environment: PORT (3000), ALDEA_HOST (127.0.0.1),
 * ALDEA_DATABASE (./data/aldea.db), ALDEA_MEDIA_DIR (./data/media),
 * ALDEA_PUBLIC_URL. A wrong value stops the start with a message naming it.
 */
import { isAldeaError } from '@aldea/core';
import { loadDemoConfig } from './config.ts';
import { startBanner } from './logins.ts';
import type { RunningDemo } from './start-demo.ts';

function fail(message: string): never {
  console.error(`\nCannot start the Aldea demo: ${message}\n`);
  process.exit(1);
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return 'the port is already in use: try another one, e.g. PORT=3001 npm start';
  if (code === 'EACCES')
    return 'no permission to open that port: use one above 1023, e.g. PORT=3000';
  if (isAldeaError(err)) return err.message;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

let loaded: ReturnType<typeof loadDemoConfig>;
try {
  loaded = loadDemoConfig();
} catch (err) {
  fail(describe(err));
}
for (const warning of loaded.warnings) console.warn(`warning: ${warning}`);

// Loaded only once the settings are known to be good: a typo fails fast.
const { startDemo } = await import('./start-demo.ts');
let demo: RunningDemo;
try {
  demo = await startDemo(loaded.config, { log: (line) => console.log(line) });
} catch (err) {
  fail(describe(err));
}
console.log(startBanner({ url: demo.url, logins: demo.logins }));

let stopping = false;
function shutdown(signal: string) {
  if (stopping) {
    console.error(`${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: stopping (finishing the job in hand)…`);
  demo.stop().then(
    () => process.exit(0),
    (err: unknown) => fail(describe(err)),
  );
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
