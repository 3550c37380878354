import type { apiTokens } from '../schema/api-tokens.js';

/** An API token as lists show it. Never holds the secret or its hash. */
export interface ApiTokenInfo {
  id: string;
  /** The shop it acts in; `null` for a platform (operator) token. */
  shopId: string | null;
  name: string;
  /** The public start of the token (`aldea_3f9a1c0b2e`), to tell tokens apart. */
  prefix: string;
  scopes: string[];
  createdByUserId: string | null;
  createdAt: Date;
  /** Last authenticated request, to the minute; `null` when never used. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token just made: `token` is the only time the secret is ever shown. */
export interface CreatedApiToken {
  token: string;
  apiToken: ApiTokenInfo;
}

/** Maps a stored row to its view (dropping the hash). */
export function toApiTokenInfo(row: typeof apiTokens.$inferSelect): ApiTokenInfo {
  const { tokenHash: _hash, ...info } = row;
  return info;
}
