import { can, type ShopAction, type ShopContext } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';

/**
 * The shop's sections, in menu order. A section the role may not use is not
 * shown.
 */
export const SHOP_SECTIONS: readonly { path: string; label: MessageKey; action: ShopAction }[] = [
  { path: '', label: 'nav.dashboard', action: 'shop.read' },
  { path: '/orders', label: 'nav.orders', action: 'shop.read' },
  { path: '/products', label: 'nav.products', action: 'shop.read' },
  { path: '/collections', label: 'nav.collections', action: 'shop.read' },
  { path: '/settings', label: 'nav.settings', action: 'settings.write' },
  { path: '/shipping', label: 'shipping.title', action: 'settings.write' },
  { path: '/payments', label: 'payments.title', action: 'settings.write' },
  { path: '/audit', label: 'nav.audit', action: 'shop.read' },
];

export function ShopNav({
  shop,
  links,
  t,
  current,
}: {
  shop: ShopContext;
  links: Links;
  t: (key: MessageKey) => string;
  current: string;
}) {
  return (
    <nav class="tabs" aria-label={t('nav.menu')}>
      {SHOP_SECTIONS.filter((s) => can(shop.role, s.action)).map((s) => {
        const href = links.shop(shop.shop.id, s.path);
        const here = s.path === '' ? current === href : current.startsWith(href);
        return (
          <a href={href} aria-current={here ? 'page' : undefined}>
            {t(s.label)}
          </a>
        );
      })}
    </nav>
  );
}

export const OPERATOR_SECTIONS: readonly { path: string; label: MessageKey }[] = [
  { path: '/villages', label: 'nav.villages' },
  { path: '/shops', label: 'nav.shops' },
  { path: '/users', label: 'nav.users' },
  { path: '/fx', label: 'nav.fx' },
  { path: '/api-tokens', label: 'apiTokens.title' },
];

export function OperatorNav({
  links,
  t,
  current,
}: {
  links: Links;
  t: (key: MessageKey) => string;
  current: string;
}) {
  return (
    <nav class="tabs" aria-label={t('nav.operator')}>
      {OPERATOR_SECTIONS.map((s) => {
        const href = links.operator(s.path);
        return (
          <a href={href} aria-current={current.startsWith(href) ? 'page' : undefined}>
            {t(s.label)}
          </a>
        );
      })}
    </nav>
  );
}
