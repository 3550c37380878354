import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { hashToken } from '../auth/tokens.js';
import { apiTokens } from '../schema/api-tokens.js';
import type { Actor, PlatformContext } from '../tenancy/context.js';
import { tokenPrefix } from './token-secret.js';

/** `last_used_at` is written at most this often per token, so most requests only read. */
export const API_TOKEN_TOUCH_MS = 60_000;

/** A live token, as the API needs it on every request. */
export interface ApiTokenIdentity {
  id: string;
  /** `null` for a platform (operator) token. */
  shopId: string | null;
  name: string;
  prefix: string;
  scopes: string[];
  createdByUserId: string | null;
}

/**
 * The live token a bearer string names, or undefined when it is malformed,
 * unknown or revoked (the caller answers all three the same way: 401). One
 * indexed read by hash; `last_used_at` is refreshed at most once a minute.
 *
 * @example
 * const token = await authenticateApiToken(ctx, bearer);
 * if (!token) return unauthorized();
 */
export async function authenticateApiToken(
  ctx: PlatformContext,
  token: string,
): Promise<ApiTokenIdentity | undefined> {
  if (!tokenPrefix(token)) return undefined;
  const [row] = await ctx.db.read
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || row.revokedAt) return undefined;
  const now = ctx.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= API_TOKEN_TOUCH_MS) {
    const stale = new Date(now.getTime() - API_TOKEN_TOUCH_MS);
    await ctx.db.transaction((tx) =>
      tx
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, row.id),
            or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, stale)),
          ),
        ),
    );
  }
  return {
    id: row.id,
    shopId: row.shopId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdByUserId: row.createdByUserId,
  };
}

/**
 * The actor a token acts as. It carries no user id on purpose: a token acts
 * with its own scopes, never with the rights of the person who made it (a
 * trainer's token must not reach the trainer's villages).
 */
export function apiTokenActor(token: Pick<ApiTokenIdentity, 'id'>): Actor {
  return { kind: 'api', tokenId: token.id };
}
