/**
 * Every URL the admin renders or redirects to, built from the base path it is
 * mounted at. Pages never concatenate paths themselves.
 */
export interface Links {
  base: string;
  to(path: string): string;
  login(next?: string): string;
  shop(shopId: string, path?: string): string;
  product(shopId: string, productId: string, path?: string): string;
  operator(path?: string): string;
  asset(file: string): string;
  /** The shop (or one product) on the storefront, or undefined when not configured. */
  storefront(shopSlug: string, productSlug?: string): string | undefined;
}

export function makeLinks(basePath: string, storefrontUrl: string | false = ''): Links {
  const base = basePath === '/' ? '' : basePath.replace(/\/+$/, '');
  const to = (path: string) =>
    path === '/' && base ? base : `${base}${path.startsWith('/') ? path : `/${path}`}`;
  return {
    base,
    to,
    login: (next) => to(next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
    shop: (shopId, path = '') => to(`/s/${encodeURIComponent(shopId)}${path}`),
    product: (shopId, productId, path = '') =>
      to(`/s/${encodeURIComponent(shopId)}/products/${encodeURIComponent(productId)}${path}`),
    operator: (path = '') => to(`/operator${path}`),
    asset: (file) => to(`/assets/${file}`),
    storefront: (shopSlug, productSlug) =>
      storefrontUrl === false
        ? undefined
        : `${storefrontUrl}/s/${encodeURIComponent(shopSlug)}${
            productSlug ? `/p/${encodeURIComponent(productSlug)}` : ''
          }`,
  };
}

/**
 * A `next` parameter that is safe to redirect to: a path under the admin's own
 * base, never another site (`//evil.example`, `https://…`, `/\\evil`).
 */
export function safeNext(links: Links, next: string | undefined): string {
  const home = links.to('/');
  if (!next || next.length > 500) return home;
  const inside = next === home || next.startsWith(`${links.base}/`);
  if (!inside || next.startsWith('//') || next.includes('\\')) {
    return home;
  }
  return next;
}
