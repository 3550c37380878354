import {
  type CartPricer,
  FEW_LEFT,
  formatMoney,
  type ProductDetail,
  type VariantView,
} from '@aldea/core';
import { formatWeightRange } from '../components/format.js';
import { OtherLanguageNote } from '../components/other-language.js';
import { Picture } from '../components/picture.js';
import { PriceTag, shownPrice } from '../components/price.js';
import { countryName, type Ui } from '../components/ui.js';

/** A short message shown after a cart action redirected back here. */
export type ProductNotice = {
  kind: 'ok' | 'bad';
  text: string;
  linkHref?: string;
  linkText?: string;
};

interface ProductPageProps {
  ui: Ui;
  product: ProductDetail;
  pricer: CartPricer;
  shopName: string;
  addAction: string;
  selectedVariantId: string | undefined;
  notice: ProductNotice | undefined;
  priceNote: string | undefined;
}

const MAIN_SIZES = '(min-width: 72rem) 38rem, (min-width: 48rem) 52vw, 100vw';
const THUMB_SIZES = '(min-width: 72rem) 9rem, (min-width: 48rem) 13vw, 25vw';

/** Units that can still be bought (made-to-order: the seller's remaining capacity). */
/** Units a buyer can still order: reservations have already left `stockOnHand`. */
export function availableUnits(v: Pick<VariantView, 'stockOnHand'>): number {
  return Math.max(0, v.stockOnHand);
}

function VariantState({ ui, v }: { ui: Ui; v: VariantView }) {
  const { t } = ui;
  const left = availableUnits(v);
  if (left === 0) return <span class="state">{t('product.outOfStock')}</span>;
  if (v.madeToOrder) {
    return (
      <span class="state">
        {t('product.processing', { min: v.processingDaysMin, max: v.processingDaysMax })}
      </span>
    );
  }
  return (
    <span class="state">
      {left <= FEW_LEFT ? t.plural('product.fewLeft', left) : t('product.inStock')}
    </span>
  );
}

function VariantChoice(props: {
  ui: Ui;
  product: ProductDetail;
  pricer: CartPricer;
  selected: string | undefined;
}) {
  const { ui, product, pricer } = props;
  const { t } = ui;
  if (product.variants.length === 1) {
    const v = product.variants[0]!;
    return (
      <>
        <input type="hidden" name="variantId" value={v.id} />
        <p>
          <VariantState ui={ui} v={v} />
        </p>
      </>
    );
  }
  const legend = product.options.map((o) => o.name).join(' / ') || t('product.chooseOption');
  return (
    <fieldset>
      <legend>{legend}</legend>
      {product.variants.map((v) => {
        const price = pricer.price(v);
        const disabled = availableUnits(v) === 0 || !price.ok;
        const id = `v-${v.id}`;
        return (
          <div class="choice">
            <input
              type="radio"
              id={id}
              name="variantId"
              value={v.id}
              checked={v.id === props.selected}
              disabled={disabled}
              required
            />
            <label for={id}>
              {v.label || v.sku}
              {' — '}
              {price.ok
                ? formatMoney(price.amount, ui.locale)
                : t('product.unavailableIn', { currency: pricer.currency })}
            </label>
            <VariantState ui={ui} v={v} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** The variant to preselect: the one asked for if buyable, else the first buyable one. */
export function preselect(product: ProductDetail, pricer: CartPricer, asked: string | undefined) {
  const buyable = product.variants.filter((v) => availableUnits(v) > 0 && pricer.price(v).ok);
  return (buyable.find((v) => v.id === asked) ?? buyable[0])?.id;
}

/** A product: photos, options with prices in the buyer's currency, availability and details. */
export function ProductPage(props: ProductPageProps) {
  const { ui, product, pricer } = props;
  const { t } = ui;
  const price = shownPrice(pricer, product.variants);
  const buyable = product.variants.some((v) => availableUnits(v) > 0 && pricer.price(v).ok);
  const madeToOrder = product.variants.filter((v) => v.madeToOrder);
  const weight = formatWeightRange(
    product.variants.map((v) => v.weightGrams),
    ui.locale,
  );
  const origin = [
    product.originPlace,
    product.originCountry ? countryName(ui, product.originCountry) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const [first, ...rest] = product.images;
  return (
    <article class="product">
      <div>
        {first ? (
          <ul class="gallery" aria-label={t('product.photos')}>
            <li>
              <Picture
                image={first}
                sizes={MAIN_SIZES}
                eager
                alt={first.alt ? undefined : t('product.photoOf', { n: 1, title: product.title })}
              />
            </li>
            {rest.map((img, i) => (
              <li>
                <Picture
                  image={img}
                  sizes={THUMB_SIZES}
                  square
                  alt={
                    img.alt ? undefined : t('product.photoOf', { n: i + 2, title: product.title })
                  }
                />
              </li>
            ))}
          </ul>
        ) : (
          <div class="ph empty">{t('product.noPhoto')}</div>
        )}
      </div>
      <div>
        <h1 lang={product.titleLocale}>{product.title}</h1>
        <OtherLanguageNote ui={ui} textLocale={product.textLocale} />
        {props.notice && (
          <p class={`notice ${props.notice.kind}`} role="status">
            {props.notice.text}{' '}
            {props.notice.linkHref && <a href={props.notice.linkHref}>{props.notice.linkText}</a>}
          </p>
        )}
        <form class="buy" method="post" action={props.addAction}>
          <input type="hidden" name="product" value={product.slug} />
          <p>
            <PriceTag ui={ui} price={price} />
          </p>
          {props.priceNote && <p class="note">{props.priceNote}</p>}
          <VariantChoice
            ui={ui}
            product={product}
            pricer={pricer}
            selected={props.selectedVariantId}
          />
          {buyable && (
            <p>
              <label for="qty">{t('product.quantity')}</label>{' '}
              <input
                id="qty"
                type="number"
                name="quantity"
                value="1"
                min={1}
                max={999}
                inputmode="numeric"
                required
              />{' '}
              <button class="btn" type="submit">
                {t('product.add')}
              </button>
            </p>
          )}
          <p class="note">
            {madeToOrder.length > 0
              ? t('product.processing', {
                  min: Math.min(...madeToOrder.map((v) => v.processingDaysMin)),
                  max: Math.max(...madeToOrder.map((v) => v.processingDaysMax)),
                })
              : t('product.readyToShip')}
          </p>
          <p class="note">{t('product.shippingNote')}</p>
        </form>
        <h2>{t('product.details')}</h2>
        <dl class="facts">
          {origin && (
            <>
              <dt>{t('product.origin')}</dt>
              <dd>{origin}</dd>
            </>
          )}
          {weight && (
            <>
              <dt>{t('product.weight')}</dt>
              <dd>{weight}</dd>
            </>
          )}
          {product.materials && (
            <>
              <dt>{t('product.materials')}</dt>
              <dd lang={product.textLocale}>{product.materials}</dd>
            </>
          )}
          {product.care && (
            <>
              <dt>{t('product.care')}</dt>
              <dd lang={product.textLocale}>{product.care}</dd>
            </>
          )}
          <dt>{t('product.seller')}</dt>
          <dd>{props.shopName}</dd>
        </dl>
        {product.description && (
          <section aria-labelledby="desc" lang={product.textLocale}>
            <h2 id="desc">{t('product.description')}</h2>
            <p class="story">{product.description}</p>
          </section>
        )}
      </div>
    </article>
  );
}
