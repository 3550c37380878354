import type { CollectionView, MediaView, ShopView } from '@aldea/core';
import { OtherLanguageNote } from '../components/other-language.js';
import { Picture } from '../components/picture.js';
import { type GridItem, Pager, ProductGrid } from '../components/product-grid.js';
import { SearchBox } from '../components/search-form.js';
import type { Ui } from '../components/ui.js';

interface ShopPageProps {
  ui: Ui;
  shop: ShopView;
  /** The shop's banner, drawn as the hero above the fold; none, nothing drawn. */
  banner?: MediaView | null | undefined;
  collections: readonly CollectionView[];
  items: readonly GridItem[];
  nextHref: string | undefined;
  firstHref: string | undefined;
  priceNote: string | undefined;
}

/** A shop's home: who they are, their collections and products, their policies. */
export function ShopPage({
  ui,
  shop,
  banner,
  collections,
  items,
  nextHref,
  firstHref,
  priceNote,
}: ShopPageProps) {
  const { t, links } = ui;
  return (
    <>
      {banner && (
        <div class="shop-hero">
          <Picture image={{ ...banner, alt: '' }} sizes="(min-width: 64rem) 64rem, 100vw" eager />
        </div>
      )}
      <div lang={shop.textLocale}>
        <h1>{shop.name}</h1>
        {shop.tagline && <p class="lede">{shop.tagline}</p>}
      </div>
      <OtherLanguageNote ui={ui} textLocale={shop.textLocale} />
      <SearchBox ui={ui} action={links.shop('/search')} label={t('shop.search')} id="shop-q" />
      {collections.length > 0 && (
        <nav aria-labelledby="collections">
          <h2 id="collections">{t('shop.collections')}</h2>
          <ul class="chips">
            {collections.map((col) => (
              <li>
                <a href={links.shop(`/c/${col.slug}`)} lang={col.titleLocale}>
                  {col.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section aria-labelledby="products">
        <h2 id="products">{t('shop.products')}</h2>
        {priceNote && <p class="note">{priceNote}</p>}
        {items.length === 0 ? <p>{t('shop.noProducts')}</p> : <ProductGrid ui={ui} items={items} />}
        <Pager ui={ui} nextHref={nextHref} firstHref={firstHref} />
      </section>
      {shop.story && (
        <section aria-labelledby="story" lang={shop.textLocale}>
          <h2 id="story">{t('shop.story')}</h2>
          <p class="story">{shop.story}</p>
        </section>
      )}
      {(shop.shippingPolicy || shop.returnsPolicy) && (
        <section aria-label={`${t('shop.shipping')} · ${t('shop.returns')}`} lang={shop.textLocale}>
          {shop.shippingPolicy && (
            <>
              <h2>{t('shop.shipping')}</h2>
              <p class="story">{shop.shippingPolicy}</p>
            </>
          )}
          {shop.returnsPolicy && (
            <>
              <h2>{t('shop.returns')}</h2>
              <p class="story">{shop.returnsPolicy}</p>
            </>
          )}
        </section>
      )}
    </>
  );
}
