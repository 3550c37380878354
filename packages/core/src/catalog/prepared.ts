import { Column, is, Param, Placeholder, SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * Builds a prepared statement once per database handle and reuses it, so a hot
 * read (a product page, a listing) skips both Drizzle's SQL building and the
 * driver's parse. `key` names the statement's shape; `build` must always make
 * the same SQL for the same key. A Drizzle prepared query also gets its
 * parameters filled by a function compiled once (see {@link compileFill}).
 */
export function cached<T>(db: Db, key: string, build: () => T): T {
  let byKey = caches.get(db);
  if (!byKey) {
    byKey = new Map();
    caches.set(db, byKey);
  }
  let statement = byKey.get(key) as T | undefined;
  if (statement === undefined) {
    statement = withCompiledFill(build());
    byKey.set(key, statement);
  }
  return statement;
}

type Values = Record<string, unknown>;
type Fill = (values: Values) => unknown[];

function placeholderValue(values: Values, name: string): unknown {
  const value = values[name];
  if (value === undefined && !(name in values)) {
    throw new Error(`No value for placeholder "${name}" was provided`);
  }
  return value;
}

/**
 * What Drizzle's `fillPlaceholders` does on every execution — walk the
 * parameters, ask each what it is, look up its encoder — decided once: a list
 * of getters, each a placeholder's value (through its column's encoder when it
 * has one) or a constant. The order-placing transaction binds about a hundred
 * parameters; filling them was a tenth of its time in the profile.
 */
export function compileFill(params: readonly unknown[]): Fill {
  const getters = params.map((p): ((values: Values) => unknown) => {
    if (is(p, Placeholder)) {
      const name = p.name;
      return (values) => placeholderValue(values, name);
    }
    if (is(p, Param) && is(p.value, Placeholder)) {
      const name = p.value.name;
      const encoder = p.encoder;
      return (values) => encoder.mapToDriverValue(placeholderValue(values, name));
    }
    return () => p;
  });
  return (values) => {
    const out = new Array(getters.length);
    for (let i = 0; i < getters.length; i++) out[i] = getters[i]!(values);
    return out;
  };
}

interface DriverStatement {
  run(...params: unknown[]): unknown;
  raw(): { all(...params: unknown[]): unknown[] };
}

/** The parts of Drizzle's better-sqlite3 prepared query that `run` and `values` use. */
interface DrizzlePrepared {
  stmt: DriverStatement;
  query: { params: unknown[] };
  run(values?: Values): unknown;
  values(values?: Values): unknown[];
}

function isDrizzlePrepared(x: unknown): x is DrizzlePrepared {
  const p = x as Partial<DrizzlePrepared> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.stmt?.run === 'function' &&
    Array.isArray(p.query?.params) &&
    typeof p.run === 'function' &&
    typeof p.values === 'function'
  );
}

/**
 * Replaces `run` and `values` (which `all`, `get` and {@link cachedSelect} go
 * through) of a Drizzle better-sqlite3 prepared query with the same calls on
 * the driver's statement, filled by {@link compileFill}. Anything else is
 * returned as it is. Drizzle's query logger is not called (Aldea sets none).
 */
function withCompiledFill<T>(statement: T): T {
  if (!isDrizzlePrepared(statement)) return statement;
  const fill = compileFill(statement.query.params);
  const stmt = statement.stmt;
  statement.run = (values = {}) => stmt.run(...fill(values));
  statement.values = (values = {}) => stmt.raw().all(...fill(values));
  return statement;
}

type Decode = (value: unknown) => unknown;

function decoderOf(field: unknown): Decode {
  if (is(field, Column)) return (v) => field.mapFromDriverValue(v);
  if (is(field, SQL)) {
    // `decoder` is what `.mapWith()` set (a no-op otherwise); Drizzle does not type it.
    const { decoder } = field as unknown as { decoder: { mapFromDriverValue: Decode } };
    return (v) => decoder.mapFromDriverValue(v);
  }
  throw new Error('cachedSelect supports flat fields of columns and sql only');
}

interface Selectable {
  values(params?: Record<string, unknown>): unknown;
  all(params?: Record<string, unknown>): unknown;
}

/** A cached select statement; rows come back as Drizzle would map them. */
export interface CachedSelect<Row> {
  all(params: Record<string, unknown>): Row[];
}

/**
 * {@link cached} for a flat `select(fields)`, with leaner row mapping: each
 * column's decoder is resolved once, then raw rows are mapped in a tight loop
 * (Drizzle's generic mapper checks every cell's field type on every row, about
 * a sixth of a listing's time). Same result as the prepared query's `.all()`.
 */
export function cachedSelect<F extends Record<string, unknown>, P extends Selectable>(
  db: Db,
  key: string,
  fields: F,
  build: (fields: F) => P,
): CachedSelect<ReturnType<P['all']> extends (infer R)[] ? R : never> {
  return cached(db, key, () => {
    const statement = withCompiledFill(build(fields));
    const keys = Object.keys(fields);
    const decoders = keys.map((k) => decoderOf(fields[k]));
    return {
      all(params: Record<string, unknown>) {
        const rows = statement.values(params) as unknown[][];
        const out = new Array(rows.length);
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r]!;
          const item: Record<string, unknown> = {};
          for (let c = 0; c < keys.length; c++) {
            const value = row[c];
            item[keys[c]!] = value === null ? null : decoders[c]!(value);
          }
          out[r] = item;
        }
        return out;
      },
    };
  });
}
