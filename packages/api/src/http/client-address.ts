import type { Context } from 'hono';
import type { ApiEnv } from '../env.js';

/**
 * The client's network address, for the per-address rate limit. Behind a
 * proxy (`trustProxy`) the first X-Forwarded-For entry; otherwise the socket's
 * peer (Node's `incoming` in the env); `unknown` when neither is there.
 */
export function clientAddress(c: Context<ApiEnv>): string {
  if (c.get('deps').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
