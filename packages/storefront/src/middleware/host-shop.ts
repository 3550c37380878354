import { findShopContextByDomain, platformContext } from '@aldea/core';
import type { StorefrontDeps } from '../env.js';

const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 1_000;
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\d+\.\d+\.\d+\.\d+|\[[0-9a-f:.]+\])$/;

/** The host name of a Host header, lower-cased, without port; undefined when malformed. */
export function hostName(header: string | undefined): string | undefined {
  if (!header || header.length > 260) return undefined;
  const lower = header.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.replace(/:\d+$/, '');
  const name = lower.replace(/:\d+$/, '').replace(/\.$/, '');
  return HOSTNAME.test(name) ? name : undefined;
}

/** What a Host header addresses: the platform, or one shop (by slug, not yet checked). */
export type HostShop = { shop: string } | { shop?: undefined };
const PLATFORM: HostShop = {};

/**
 * Decides whether a request's Host is one shop's own address, and which shop:
 * `{shop}.{baseDomain}`, or a custom domain a shop registered. The platform's
 * own host, `localhost` and IP addresses are never shop hosts.
 *
 * Custom-domain answers (hits and misses) are cached for a minute, in a bounded
 * map, so a flood of made-up Host headers costs one indexed lookup each at most
 * once a minute. The shop itself (status, currencies) is still read per request.
 */
export function hostShopResolver(deps: Pick<StorefrontDeps, 'db' | 'baseDomain' | 'publicUrl'>) {
  const base = deps.baseDomain?.toLowerCase().replace(/^\.+|\.+$/g, '');
  const platformHost = deps.publicUrl ? new URL(deps.publicUrl).hostname.toLowerCase() : undefined;
  const cache = new Map<string, { slug: string | undefined; until: number }>();

  async function byDomain(host: string): Promise<string | undefined> {
    const now = Date.now();
    const hit = cache.get(host);
    if (hit && hit.until > now) return hit.slug;
    const ctx = await findShopContextByDomain(
      platformContext(deps.db, { actor: { kind: 'buyer' } }),
      host,
    );
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(host, { slug: ctx?.shop.slug, until: now + CACHE_TTL_MS });
    return ctx?.shop.slug;
  }

  return async (hostHeader: string | undefined): Promise<HostShop> => {
    const host = hostName(hostHeader);
    if (!host || LOCAL.test(host) || host === platformHost) return PLATFORM;
    if (base) {
      if (host === base || host === `www.${base}`) return PLATFORM;
      if (host.endsWith(`.${base}`)) {
        // `{shop}.{base}`: the shop loader checks the slug (a deeper name is no slug: 404).
        return { shop: host.slice(0, -(base.length + 1)) };
      }
    }
    const slug = await byDomain(host);
    return slug ? { shop: slug } : PLATFORM;
  };
}
