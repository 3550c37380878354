import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test/support/memory-io.js';
import { startProgress } from './progress.js';

describe('startProgress', () => {
  it('draws nothing off a terminal by default, or with --json', () => {
    const m = memoryIo();
    for (const opts of [{}, { mode: 'always' as const, json: true }]) {
      const bar = startProgress(m.io, { label: 'Backing up', ...opts });
      bar.update(5, 10);
      bar.stop();
    }
    expect(m.stderr()).toBe('');
  });

  it('draws to stderr when asked, following a total that changes', () => {
    const m = memoryIo();
    const bar = startProgress(m.io, { label: 'Backing up', unit: 'pages', mode: 'always' });
    bar.update(0, 10);
    bar.update(4, 10);
    bar.update(12, 12);
    bar.stop();
    bar.stop(); // twice is harmless
    expect(m.stderr()).toMatch(/Backing up \[.*\] 100% \| 12\/12 pages/);
    expect(m.stdout()).toBe('');
  });
});
