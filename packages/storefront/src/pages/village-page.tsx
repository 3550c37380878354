import type { MediaView, ShopView, VillageView } from '@aldea/core';
import { OtherLanguageNote } from '../components/other-language.js';
import { type GridItem, ProductGrid } from '../components/product-grid.js';
import { SearchBox } from '../components/search-form.js';
import { ShopLogo } from '../components/shop-logo.js';
import { countryName, type Ui } from '../components/ui.js';

interface VillagePageProps {
  ui: Ui;
  village: VillageView;
  shops: readonly ShopView[];
  /** Logos by shop id; shops without one are absent. */
  logos?: ReadonlyMap<string, MediaView>;
  items: readonly GridItem[];
  searchAction: string;
  shopHref: (slug: string) => string;
  priceNote: string | undefined;
}

/** The "e-commerce village": its story, where it is, all its shops and a selection of products. */
export function VillagePage({
  ui,
  village,
  shops,
  logos,
  items,
  searchAction,
  shopHref,
  priceNote,
}: VillagePageProps) {
  const { t } = ui;
  const where = [village.region, countryName(ui, village.country)].filter(Boolean).join(', ');
  return (
    <>
      <div lang={village.textLocale}>
        <h1>{village.name}</h1>
      </div>
      <p class="lede">
        <span class="visually-hidden">{t('village.where')}: </span>
        {where}
      </p>
      <OtherLanguageNote ui={ui} textLocale={village.textLocale} />
      <SearchBox
        ui={ui}
        action={searchAction}
        label={t('village.search', { name: village.name })}
        id="village-q"
      />
      {village.story && (
        <section aria-labelledby="story" lang={village.textLocale}>
          <h2 id="story">{t('village.story')}</h2>
          <p class="story">{village.story}</p>
        </section>
      )}
      <section aria-labelledby="shops">
        <h2 id="shops">{t('village.shops', { name: village.name })}</h2>
        {shops.length === 0 ? (
          <p>{t('village.noShops')}</p>
        ) : (
          <ul class="grid">
            {shops.map((shop) => {
              const logo = logos?.get(shop.id);
              return (
                <li>
                  <article class="card" lang={shop.textLocale}>
                    <a href={shopHref(shop.slug)}>
                      <div class={logo ? 'body with-logo' : 'body'}>
                        {/* Beside the name in the heading, the logo adds nothing to read. */}
                        {logo && <ShopLogo image={logo} alt="" lazy />}
                        <h3>{shop.name}</h3>
                        {shop.tagline && <p class="meta">{shop.tagline}</p>}
                      </div>
                    </a>
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {items.length > 0 && (
        <section aria-labelledby="products">
          <h2 id="products">{t('village.products')}</h2>
          {priceNote && <p class="note">{priceNote}</p>}
          <ProductGrid ui={ui} items={items} />
        </section>
      )}
    </>
  );
}
