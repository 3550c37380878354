import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** When to draw progress bars: on a terminal only (auto), always, or never. */
export type ProgressMode = 'auto' | 'always' | 'never';

/** A progress bar that starts on the first update and may learn a new total. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr for long work (seeding, backups, restores). Drawn on
 * a terminal, or anywhere with `--progress always`; never with `--json`, so
 * stdout stays parseable and logs stay clean.
 */
export function startProgress(
  io: CliIo,
  opts: { label: string; unit?: string; mode?: ProgressMode; json?: boolean },
): Progress {
  const mode = opts.mode ?? 'auto';
  if (opts.json || mode === 'never' || (mode === 'auto' && !io.stderr.isTTY)) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      noTTYOutput: mode === 'always',
      notTTYSchedule: 1000,
      hideCursor: Boolean(io.stderr.isTTY),
      gracefulExit: false,
      format: `${opts.label} [{bar}] {percentage}% | {value}/{total} ${opts.unit ?? ''}`.trimEnd(),
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let total = 0;
  return {
    update(done, newTotal) {
      if (!started) {
        bar.start(newTotal, done);
        started = true;
        total = newTotal;
        return;
      }
      if (newTotal !== total) {
        bar.setTotal(newTotal);
        total = newTotal;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
