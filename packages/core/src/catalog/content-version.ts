import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { knownUntilWrite, memoUntilWrite } from '../db/memo-until-write.js';
import { contentVersions } from '../schema/platform.js';
import type { ShopRef } from '../tenancy/context.js';
import { cached } from './prepared.js';

/**
 * A product page says "only N left" up to this many units, then "in stock".
 * The `content_versions` triggers (migration 0015) know it too: a stock change
 * invalidates pages only when it crosses it or zero.
 */
export const FEW_LEFT = 5;

/**
 * The scope of platform-wide content in `content_versions` (villages, FX rates):
 * part of every shop's version, and the scope of pages gathered from many shops.
 */
export const PLATFORM_CONTENT_SCOPE = '*';

const shopKey = (shopId: string) => `content-version:${shopId}`;
const PLATFORM_KEY = shopKey(PLATFORM_CONTENT_SCOPE);

const highest = sql<number>`coalesce(max(${contentVersions.version}), 0)`;

/**
 * The version of everything a buyer sees in one shop: its catalogue, texts,
 * photos, prices and rounding rules, and the platform data its pages show (FX
 * rates, villages). It changes on every such write, by any process (database
 * triggers keep it), and only then: a page rendered at version `v` is still
 * right while this returns `v`. One indexed read, none between two commits.
 * Takes a shop context, or just the database and a shop id (a cache in front
 * of everything, before any context exists).
 *
 * @example
 * const v = await readShopContentVersion(ctx);
 * const page = cache.get(key, v) ?? render();
 */
export function readShopContentVersion(ctx: {
  db: Database;
  shop: Pick<ShopRef, 'id'>;
}): Promise<number> {
  const db = ctx.db.read;
  return memoUntilWrite(ctx.db, shopKey(ctx.shop.id), async () => {
    const [row] = await cached(db, 'content-version.shop', () =>
      db
        .select({ version: highest })
        .from(contentVersions)
        .where(
          or(
            eq(contentVersions.scope, sql.placeholder('shopId')),
            eq(contentVersions.scope, PLATFORM_CONTENT_SCOPE),
          ),
        )
        .prepare(),
    ).all({ shopId: ctx.shop.id });
    return row?.version ?? 0;
  });
}

/**
 * The version of everything buyers can see anywhere on the platform (what the
 * home and village pages gather from many shops): it changes whenever any
 * shop's or the platform's content version does. One indexed read, none
 * between two commits.
 */
export function readPlatformContentVersion(ctx: { db: Database }): Promise<number> {
  const db = ctx.db.read;
  return memoUntilWrite(ctx.db, PLATFORM_KEY, async () => {
    const [row] = await cached(db, 'content-version.platform', () =>
      db.select({ version: highest }).from(contentVersions).prepare(),
    ).all();
    return row?.version ?? 0;
  });
}

/**
 * The content version of `scope`: a shop id ({@link readShopContentVersion}) or
 * {@link PLATFORM_CONTENT_SCOPE} ({@link readPlatformContentVersion}). For a
 * cache that keeps one scope per entry.
 */
export function readContentVersion(db: Database, scope: string): Promise<number> {
  return scope === PLATFORM_CONTENT_SCOPE
    ? readPlatformContentVersion({ db })
    : readShopContentVersion({ db, shop: { id: scope } });
}

/**
 * What {@link readContentVersion} would answer for `scope`, when it is known
 * without a read: it was read since the last commit. Undefined otherwise; the
 * caller then reads, or takes a slower path. Answers in the same turn, so a
 * page cache can serve before anything else runs.
 */
export function knownContentVersion(db: Database, scope: string): number | undefined {
  return knownUntilWrite<number>(
    db,
    scope === PLATFORM_CONTENT_SCOPE ? PLATFORM_KEY : shopKey(scope),
  );
}
