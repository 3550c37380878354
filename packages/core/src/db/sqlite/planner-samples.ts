import type BetterSqlite3 from 'better-sqlite3';

/**
 * Keeps the query planner's table statistics (`sqlite_stat1`) and drops its
 * per-value samples (`sqlite_stat4`), once, when a database is opened.
 *
 * better-sqlite3 builds SQLite with `SQLITE_ENABLE_STAT4`. With samples present,
 * a statement whose WHERE compares a bound parameter to an indexed column is
 * planned again on the first step after every new binding — that is, on every
 * execution of a prepared statement. Aldea's reads are prepared once and run
 * with new parameters each time, so one `ANALYZE` (by an operator, a tool, or
 * `PRAGMA optimize`) made a product page's four statements cost 70 µs instead
 * of 17 µs, every view. The samples only help skewed value distributions, which
 * tenant-scoped lookups by id do not have; the row counts in stat1 stay.
 *
 * @returns whether samples were dropped
 */
export function dropPlannerSamples(conn: BetterSqlite3.Database): boolean {
  const table = conn
    .prepare("select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat4'")
    .get();
  if (!table || !conn.prepare('select 1 from sqlite_stat4 limit 1').get()) return false;
  try {
    // `analyze sqlite_schema` reloads the statistics this connection plans with.
    conn.exec('begin immediate; delete from sqlite_stat4; commit; analyze sqlite_schema');
    return true;
  } catch (err) {
    if (conn.inTransaction) conn.exec('rollback');
    // Another process holds the write lock: the next open tries again.
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw err;
  }
}
