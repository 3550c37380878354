import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { type DemoConfig, loadDemoConfig } from '../src/config.ts';
import { startDemo, within } from '../src/start-demo.ts';
import { CHEAP_PASSWORDS, quietLogger, smallSeedData, tempDir } from './support.ts';

function filesEndingWith(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext));
}

/** The demo's settings for a temporary folder, read through the real loader. */
function demoConfig(dir: string): DemoConfig {
  return loadDemoConfig({ PORT: '0', ALDEA_HOST: '127.0.0.1' }, dir).config;
}

describe('startDemo', () => {
  it('migrates, seeds, serves over HTTP, makes AVIF photos in the background and stops cleanly', async () => {
    const dir = tempDir();
    const config: DemoConfig = demoConfig(dir);
    const data = await smallSeedData(1, 1);
    const lines: string[] = [];
    const opts = {
      data,
      log: (l: string) => lines.push(l),
      logger: quietLogger,
      seed: { passwordCost: CHEAP_PASSWORDS },
      workerIdleMs: 20,
    };
    const demo = await startDemo(config, opts);
    try {
      expect(demo.url).toBe(`http://localhost:${demo.port}`);
      expect(demo.logins.map((l) => l.role)).toEqual([
        'operator',
        'trainer',
        'artisan',
        'trainer',
        'artisan',
      ]);
      const health = await fetch(`http://127.0.0.1:${demo.port}/healthz`);
      expect(health.status).toBe(200);
      expect(lines.some((l) => l.startsWith('Seeded 2 villages'))).toBe(true);
      // The worker turns each ingested photo into AVIF versions without being asked.
      const photos = filesEndingWith(config.mediaDir, '.webp').length;
      expect(photos).toBeGreaterThan(0);
      await vi.waitFor(
        () => expect(filesEndingWith(config.mediaDir, '.avif').length).toBeGreaterThan(0),
        {
          timeout: 60_000,
          interval: 100,
        },
      );
    } finally {
      await demo.stop();
    }
    await expect(fetch(`http://127.0.0.1:${demo.port}/healthz`)).rejects.toThrow();

    // A second start on the same files: no seeding, same logins, serving again.
    const again = await startDemo(config, { ...opts, log: () => {}, mediaWorker: false });
    try {
      expect(again.logins).toHaveLength(5);
      expect((await fetch(`http://127.0.0.1:${again.port}/healthz`)).status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('refuses a port that is taken, and closes what it opened', async () => {
    const dir = tempDir();
    const data = await smallSeedData(1, 1);
    const config: DemoConfig = demoConfig(dir);
    const opts = {
      data,
      logger: quietLogger,
      seed: { passwordCost: CHEAP_PASSWORDS },
      mediaWorker: false,
    };
    const first = await startDemo(config, opts);
    try {
      const err = await startDemo({ ...config, port: first.port }, opts).catch((e: unknown) => e);
      expect((err as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
      expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  }, 120_000);
});

describe('within (the stop grace period)', () => {
  it('is true when the work settles in time, false when it does not, and true when there is none', async () => {
    expect(await within(Promise.resolve(), 1000)).toBe(true);
    expect(await within(new Promise<void>(() => {}), 1)).toBe(false);
    expect(await within(undefined, 0)).toBe(true);
  });
});
