import { AldeaError } from '../errors.js';

/** Map from a unique index name to the field it guards and the message to show. */
export type UniqueMessages = Record<string, [field: string, message: string]>;

function violatedIndex(err: unknown, names: string[]): string | undefined {
  // SQLite: "UNIQUE constraint failed: products.shop_id, products.slug" (no index name),
  // so we also match on the columns listed in the index name's suffix. PostgreSQL
  // reports the constraint name itself.
  let e: unknown = err;
  while (e instanceof Error) {
    const msg = e.message;
    const code = (e as { code?: string }).code;
    const constraint = (e as { constraint_name?: string; constraint?: string }).constraint_name;
    if (constraint && names.includes(constraint)) return constraint;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return names.find((n) => msg.includes(n)) ?? names.find((n) => matchesColumns(n, msg));
    }
    e = e.cause;
  }
  return undefined;
}

// `products_slug_uq` guards `products.slug`: match "products.slug" in the message.
function matchesColumns(indexName: string, message: string): boolean {
  const m = /^(.+?)_([a-z_]+)_uq$/.exec(indexName);
  if (!m) return false;
  const [, table, column] = m;
  return message.includes(`${table}.${column}`);
}

/**
 * Runs an insert or update and turns a unique-key violation into a CONFLICT
 * naming the field, instead of a raw driver error.
 */
export async function conflictOnUnique<T>(run: () => T | Promise<T>, messages: UniqueMessages) {
  try {
    return await run();
  } catch (err) {
    const name = violatedIndex(err, Object.keys(messages));
    const hit = name ? messages[name] : undefined;
    if (hit) {
      throw new AldeaError(
        'CONFLICT',
        hit[1],
        [{ path: hit[0], message: hit[1], code: 'unique' }],
        {
          cause: err,
        },
      );
    }
    throw err;
  }
}
