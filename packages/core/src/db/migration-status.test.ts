import { describe, expect, it } from 'vitest';
import { compareMigrations, type KnownMigration } from './migration-status.js';

const known: KnownMigration[] = [
  { tag: '0000_init', createdAt: 100, hash: 'a' },
  { tag: '0001_more', createdAt: 200, hash: 'b' },
  { tag: '0002_last', createdAt: 300, hash: 'c' },
];

describe('compareMigrations', () => {
  it.each([
    ['an empty database', [], ['0000_init', '0001_more', '0002_last'], 0, null, false],
    ['a database one behind', [100, 200], ['0002_last'], 0, '0001_more', false],
    ['an up-to-date database', [100, 200, 300], [], 0, '0002_last', true],
    ['a database from a newer version', [100, 200, 300, 400], [], 1, '0002_last', false],
  ] as const)('%s', (_, times, pending, unknown, latest, upToDate) => {
    const applied = times.map((createdAt) => ({ hash: 'x', createdAt }));
    expect(compareMigrations(applied, known)).toEqual({
      applied: times.length,
      pending,
      unknown,
      latest,
      upToDate,
    });
  });
});
