import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program: its own connection to the file, a PASSIVE
 * checkpoint on a timer (it never waits for a lock or blocks a reader or the
 * writer), and a clean close when told to stop.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const run = () => {
  try {
    checkpoint.get();
  } catch {
    // Busy or locked: the next tick tries again.
  }
};
const timer = setInterval(run, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  run();
  db.close();
  parentPort.close();
});
`;

/** A running background checkpointer. */
export interface BackgroundCheckpoints {
  /** Checkpoints once more, closes the worker's connection and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Copies a WAL database's committed pages back into the file from a worker
 * thread, every `everyMs`, so that the process's own thread never does it
 * inside a COMMIT (SQLite's automatic checkpoint runs in whichever commit
 * crosses the threshold: about a tenth of an order's time under load, and a
 * pause of several milliseconds for everything else the event loop serves).
 * The writer keeps a much higher automatic threshold as a backstop, in case
 * the worker falls behind or dies.
 */
export function startBackgroundCheckpoints(
  file: string,
  opts: { everyMs?: number } = {},
): BackgroundCheckpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(PROGRAM, {
    eval: true,
    workerData: { driver, file, everyMs: opts.everyMs ?? 200 },
  });
  // A checkpointer alone must never keep a process alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => {
    // The writer's own automatic checkpoint still bounds the WAL.
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      // Held again while it finishes: an unref'd worker is no reason to wait, and
      // a process awaiting only this would end before it did.
      stopping ??= (async () => {
        worker.ref();
        worker.postMessage('stop');
        await exited;
      })();
      return stopping;
    },
  };
}
