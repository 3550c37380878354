import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchedLines } from './batched-lines.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function sink() {
  const writes: string[] = [];
  return { writes, write: (chunk: string) => writes.push(chunk) };
}

describe('batchedLines', () => {
  it('writes the lines of one turn of the event loop together, in order', async () => {
    const out = sink();
    const line = batchedLines(out);
    line('a\n');
    line('b\n');
    line('c\n');
    expect(out.writes).toEqual([]);
    await nextTurn();
    expect(out.writes).toEqual(['a\nb\nc\n']);
    line('d\n');
    await nextTurn();
    expect(out.writes).toEqual(['a\nb\nc\n', 'd\n']);
  });

  it('writes at once past 64 KiB, without waiting for the turn to end', () => {
    const out = sink();
    const line = batchedLines(out);
    const long = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 64; i++) line(long);
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]).toHaveLength(64 * 1024);
  });

  it('writes what is left when the process exits in the same turn', () => {
    const module = fileURLToPath(new URL('./batched-lines.ts', import.meta.url));
    const code = `const { batchedLines } = await import(${JSON.stringify(module)});
      const line = batchedLines(process.stdout);
      for (let i = 0; i < 1000; i++) line('line ' + i + '\\n');
      process.exit(0);`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe('line 999');
  });
});
