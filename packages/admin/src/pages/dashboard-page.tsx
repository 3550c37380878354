import type { OrdersToHandle, ShopContext, ShopView, Translate } from '@aldea/core';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { OrdersToDoLinks } from '../orders/orders-to-do-links.js';

/** A shop's overview: what to do next, and where everything is. */
export function DashboardPage({
  t,
  links,
  shop,
  view,
  counts,
  orders,
  onboarding,
}: {
  t: Translate<MessageKey>;
  links: Links;
  shop: ShopContext;
  view: ShopView;
  counts: { published: number; drafts: number };
  /** What orders wait for the seller (orders/orders-to-do-links.tsx renders them). */
  orders: OrdersToHandle['counts'];
  /** The seller's next onboarding step (rendered by the onboarding screens), if any. */
  onboarding?: JSX.Element | null;
}) {
  const role = shop.role as 'owner' | 'staff' | 'trainer' | 'operator';
  return (
    <>
      <h1>{view.name}</h1>
      <p class="muted">
        <span class={`badge ${view.status}`}>{t(`status.${view.status}`)}</span>{' '}
        {t('dashboard.yourRole', { role: t(`role.${role}`) })}
      </p>
      {(role === 'trainer' || role === 'operator') && (
        <p class="notice">{t('dashboard.trainerNotice')}</p>
      )}
      {onboarding}
      <section class="card">
        <h2>{t('dashboard.next')}</h2>
        <ul class="actions">
          {/* Orders waiting for the seller come before anything new. */}
          <OrdersToDoLinks t={t} links={links} shopId={shop.shop.id} counts={orders} />
          <li>
            <a class="button primary" href={links.shop(shop.shop.id, '/products/new')}>
              {t('dashboard.addProduct')}
            </a>
          </li>
          {links.storefront(shop.shop.slug) && (
            <li>
              <a href={links.storefront(shop.shop.slug)}>{t('dashboard.viewShop')}</a>
            </li>
          )}
        </ul>
      </section>
      <section class="card">
        <h2>
          <a href={links.shop(shop.shop.id, '/products')}>{t('dashboard.products')}</a>
        </h2>
        <p>
          {t('dashboard.published', { count: counts.published })} ·{' '}
          {t('dashboard.drafts', { count: counts.drafts })}
        </p>
      </section>
    </>
  );
}
