import type { ProductSummary } from '@aldea/core';
import type { ShownPrice } from './price.js';
import { EAGER_CARDS, ProductCard } from './product-card.js';
import type { Ui } from './ui.js';

/** One card's data. */
export interface GridItem {
  product: ProductSummary;
  price: ShownPrice;
  href: string;
  shopName?: string | undefined;
}

/** A grid of product cards; the first few photos load at once, the rest lazily. */
export function ProductGrid({ ui, items }: { ui: Ui; items: readonly GridItem[] }) {
  return (
    <ul class="grid">
      {items.map((item, i) => (
        <li>
          <ProductCard ui={ui} {...item} eager={i < EAGER_CARDS} />
        </li>
      ))}
    </ul>
  );
}

/** "More products" (keyset: the next page's cursor) and "back to the start". */
export function Pager(props: {
  ui: Ui;
  nextHref?: string | undefined;
  firstHref?: string | undefined;
}) {
  const { t } = props.ui;
  if (!props.nextHref && !props.firstHref) return null;
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      {props.firstHref && <a href={props.firstHref}>{t('pager.first')}</a>}
      {props.nextHref && (
        <a href={props.nextHref} rel="next">
          {t('pager.next')}
        </a>
      )}
    </nav>
  );
}
