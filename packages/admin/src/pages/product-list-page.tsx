import { formatMoney, type Locale, type ProductSummary, type Translate } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { formatCount } from '../ui/format.js';
import { mediaUrl, thumbnailKey } from '../ui/media-url.js';

/** A product's status. */
export type ProductStatus = ProductSummary['status'];
export const PRODUCT_STATUSES: readonly ProductStatus[] = ['draft', 'active', 'paused', 'archived'];

/** The shop's products, every status, newest first, with a status filter. */
export function ProductListPage({
  t,
  links,
  locale,
  shopId,
  items,
  status,
  nextHref,
}: {
  t: Translate<MessageKey>;
  links: Links;
  locale: Locale;
  shopId: string;
  items: ProductSummary[];
  status: ProductStatus | undefined;
  nextHref: string | null;
}) {
  const list = links.shop(shopId, '/products');
  return (
    <>
      <h1>{t('products.title')}</h1>
      <p>
        <a class="button primary" href={links.shop(shopId, '/products/new')}>
          {t('products.new')}
        </a>
      </p>
      <nav class="pills" aria-label={t('products.title')}>
        <a href={list} aria-current={!status ? 'true' : undefined}>
          {t('products.filter.all')}
        </a>
        {PRODUCT_STATUSES.map((s) => (
          <a href={`${list}?status=${s}`} aria-current={status === s ? 'true' : undefined}>
            {t(`status.${s}`)}
          </a>
        ))}
      </nav>
      {items.length === 0 ? (
        <p class="card">{t('products.empty')}</p>
      ) : (
        <ul class="list products">
          {items.map((p) => {
            const key = p.image ? thumbnailKey(p.image) : undefined;
            const stock = p.variants.reduce((n, v) => n + v.stockOnHand, 0);
            return (
              <li>
                <a href={links.product(shopId, p.id)} class="product-row">
                  {key ? (
                    <img
                      src={mediaUrl(links, shopId, key)}
                      alt=""
                      width={64}
                      height={64}
                      loading="lazy"
                    />
                  ) : (
                    <span class="no-photo">{t('products.noPhoto')}</span>
                  )}
                  <span>
                    <strong>{p.title}</strong>
                    <span class="muted small">
                      {p.priceMinMinor !== null
                        ? formatMoney(
                            { amountMinor: p.priceMinMinor, currency: p.baseCurrency },
                            locale,
                          )
                        : t('products.noPrice')}
                      {' · '}
                      {p.madeToOrder
                        ? t('products.madeToOrder')
                        : `${t('products.stock')}: ${formatCount(locale, stock)}`}
                    </span>
                  </span>
                  <span class={`badge ${p.status}`}>{t(`status.${p.status}`)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {nextHref && (
        <p>
          <a href={nextHref} rel="next">
            {t('common.next')}
          </a>
        </p>
      )}
    </>
  );
}
