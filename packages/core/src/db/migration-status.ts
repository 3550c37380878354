import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One migration shipped with this version of Aldea (from `migrations/meta/_journal.json`). */
export interface KnownMigration {
  tag: string;
  /** The journal's `when`: what the migrator records as `created_at`. */
  createdAt: number;
  /** sha256 of the SQL file, as the migrator records it. */
  hash: string;
}

/** One row of a database's migration history. */
export interface AppliedMigration {
  hash: string;
  createdAt: number;
}

/** How a database's schema compares with the migrations this version ships. */
export interface MigrationStatus {
  /** Migrations recorded in the database. */
  applied: number;
  /** Tags of shipped migrations the database has not applied yet, in order. */
  pending: string[];
  /** Migrations recorded in the database that this version does not know (a newer Aldea made it). */
  unknown: number;
  /** The tag of the newest shipped migration the database has, or null. */
  latest: string | null;
  upToDate: boolean;
}

/** Reads the migrations shipped in `folder` (tag, timestamp and hash of each). */
export function readMigrationJournal(folder: string): KnownMigration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({
    tag: e.tag,
    createdAt: e.when,
    hash: createHash('sha256')
      .update(readFileSync(join(folder, `${e.tag}.sql`)))
      .digest('hex'),
  }));
}

/**
 * Compares a database's migration history with the shipped migrations the way
 * the migrator does: by timestamp; everything newer than the newest applied one
 * is pending, and applied ones this version never shipped are unknown.
 */
export function compareMigrations(
  applied: AppliedMigration[],
  known: KnownMigration[],
): MigrationStatus {
  const newest = Math.max(-1, ...applied.map((a) => a.createdAt));
  const knownTimes = new Set(known.map((k) => k.createdAt));
  const pending = known.filter((k) => k.createdAt > newest).map((k) => k.tag);
  const unknown = applied.filter((a) => !knownTimes.has(a.createdAt)).length;
  const latest = [...known].reverse().find((k) => k.createdAt <= newest)?.tag ?? null;
  return {
    applied: applied.length,
    pending,
    unknown,
    latest,
    upToDate: pending.length === 0 && unknown === 0,
  };
}
