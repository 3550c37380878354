import type { ProductSummary } from '@aldea/core';
import { Picture } from './picture.js';
import { PriceTag, type ShownPrice } from './price.js';
import type { Ui } from './ui.js';

/** How wide a grid card's photo is drawn (two columns on phones, up to five on desktops). */
export const CARD_SIZES = '(min-width: 72rem) 14rem, (min-width: 48rem) 25vw, 50vw';

/** How many cards are above the fold on a typical phone: their photos load at once. */
export const EAGER_CARDS = 4;

interface ProductCardProps {
  ui: Ui;
  product: ProductSummary;
  price: ShownPrice;
  href: string;
  /** Shop name on village listings. */
  shopName?: string | undefined;
  eager?: boolean;
}

/** One product in a grid: photo, title (in the language it was written in), price, availability. */
export function ProductCard({ ui, product, price, href, shopName, eager }: ProductCardProps) {
  const { t } = ui;
  return (
    <article class="card">
      <a href={href}>
        {product.image ? (
          <Picture
            image={product.image}
            sizes={CARD_SIZES}
            eager={eager ?? false}
            square
            alt={product.image.alt ? undefined : ''}
          />
        ) : (
          <div class="ph empty">{t('product.noPhoto')}</div>
        )}
        <div class="body">
          <h3 lang={product.titleLocale}>{product.title}</h3>
          <p>
            <PriceTag ui={ui} price={price} />
          </p>
          <p class="meta">
            {product.madeToOrder
              ? t('product.madeToOrder')
              : product.inStock
                ? t('product.readyToShip')
                : t('product.outOfStock')}
            {shopName ? ` · ${shopName}` : ''}
          </p>
        </div>
      </a>
    </article>
  );
}
