import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAldeaError } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../src/config.ts';
import { tempDir } from './support.ts';

function refusal(env: Record<string, string>): string {
  try {
    loadDemoConfig(env, tempDir());
  } catch (err) {
    expect(isAldeaError(err, 'VALIDATION')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('demo configuration', () => {
  it('defaults to port 3000 and ./data under the working directory', () => {
    const cwd = tempDir();
    const { config } = loadDemoConfig({}, cwd);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: join(cwd, 'data/aldea.db'),
      mediaDir: join(cwd, 'data/media'),
    });
    expect(config.publicUrl).toBeUndefined();
  });

  it('takes PORT, ALDEA_DATABASE and ALDEA_MEDIA_DIR from the environment', () => {
    const cwd = tempDir();
    const { config } = loadDemoConfig(
      { PORT: '8080', ALDEA_DATABASE: 'db/demo.db', ALDEA_MEDIA_DIR: '/srv/photos' },
      cwd,
    );
    expect(config).toMatchObject({
      port: 8080,
      database: join(cwd, 'db/demo.db'),
      mediaDir: '/srv/photos',
    });
  });

  it.each([['abc'], ['3000.5'], ['-1'], ['70000']])('refuses PORT=%s, naming it', (port) => {
    const message = refusal({ PORT: port });
    expect(message).toContain('PORT');
    expect(message).toContain('0 to 65535');
    expect(message).toContain(port);
  });

  it('refuses a public URL with a path, naming ALDEA_PUBLIC_URL', () => {
    expect(refusal({ ALDEA_PUBLIC_URL: 'https://shops.example.org/demo' })).toContain(
      'ALDEA_PUBLIC_URL',
    );
  });

  it('npm start with a bad PORT exits 1 with the message and creates nothing', () => {
    const cwd = tempDir();
    const server = fileURLToPath(new URL('../src/server.ts', import.meta.url));
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const run = spawnSync(process.execPath, [tsx, '--conditions=aldea-source', server], {
      cwd,
      env: { PATH: process.env.PATH, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Cannot start the Aldea demo');
    expect(run.stderr).toMatch(/PORT \(environment\): expected a whole number .*got "abc"/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  }, 90_000);
});
