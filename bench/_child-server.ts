/**
 * Starts a bench server script (files starting with `_` are not run as
 * benchmarks) in a child process and reads the JSON line it prints when it
 * listens. Node itself with tsx's loader, not `npx tsx`: killing a wrapper
 * would orphan the server, and the orphan would keep this process's pipes
 * (and the bench) open. The server must close its database on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildServer<T> {
  /** What the server printed when it started listening. */
  ready: T;
  stop(): Promise<void>;
}

export async function startChildServer<T>(script: string, args: string[]): Promise<ChildServer<T>> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=aldea-source',
      fileURLToPath(new URL(script, import.meta.url)),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    ready: JSON.parse(first) as T,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
