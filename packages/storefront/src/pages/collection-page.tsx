import type { CollectionView } from '@aldea/core';
import { type GridItem, Pager, ProductGrid } from '../components/product-grid.js';
import type { Ui } from '../components/ui.js';

interface CollectionPageProps {
  ui: Ui;
  collection: CollectionView;
  items: readonly GridItem[];
  nextHref: string | undefined;
  firstHref: string | undefined;
  priceNote: string | undefined;
}

/** One seller-curated collection and its products. */
export function CollectionPage({
  ui,
  collection,
  items,
  nextHref,
  firstHref,
  priceNote,
}: CollectionPageProps) {
  const { t } = ui;
  return (
    <>
      <div lang={collection.titleLocale}>
        <h1>{collection.title}</h1>
        {collection.description && <p class="lede story">{collection.description}</p>}
      </div>
      <section aria-labelledby="products">
        <h2 id="products">{t('collection.products')}</h2>
        {priceNote && <p class="note">{priceNote}</p>}
        {items.length === 0 ? <p>{t('shop.noProducts')}</p> : <ProductGrid ui={ui} items={items} />}
        <Pager ui={ui} nextHref={nextHref} firstHref={firstHref} />
      </section>
    </>
  );
}
