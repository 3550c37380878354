import { toDecimalString } from '@aldea/core';
import { type GridItem, Pager, ProductGrid } from '../components/product-grid.js';
import { CarriedInputs } from '../components/search-form.js';
import type { Ui } from '../components/ui.js';
import type { SearchFilters } from '../routes/search-params.js';

interface SearchPageProps {
  ui: Ui;
  heading: string;
  action: string;
  filters: SearchFilters;
  currency: string;
  items: readonly GridItem[];
  nextHref: string | undefined;
  firstHref: string | undefined;
  priceNote: string | undefined;
}

/** Search within a shop or a village, with filters that work without JavaScript. */
export function SearchPage(props: SearchPageProps) {
  const { ui, filters: f, currency } = props;
  const { t } = ui;
  return (
    <>
      <h1>{props.heading}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for many buyers' browsers; role="search" is understood everywhere */}
      <form class="search" role="search" method="get" action={props.action}>
        <div class="field">
          <label for="q">{t('search.label')}</label>
          <input id="q" type="search" name="q" value={f.q} maxlength={100} />
        </div>
        <fieldset>
          <legend>{t('search.kind')}</legend>
          {(['any', 'ready', 'made'] as const).map((kind) => (
            <span class="choice">
              <input
                type="radio"
                id={`kind-${kind}`}
                name="kind"
                value={kind}
                checked={f.kind === kind}
              />
              <label for={`kind-${kind}`}>{t(`search.kind.${kind}`)}</label>
            </span>
          ))}
        </fieldset>
        <div class="field choice">
          <input type="checkbox" id="stock" name="stock" value="1" checked={f.inStock} />
          <label for="stock">{t('search.inStock')}</label>
        </div>
        <div class="field">
          <label for="min">{t('search.min', { currency })}</label>
          <input
            id="min"
            name="min"
            inputmode="decimal"
            size={8}
            value={f.min ? toDecimalString(f.min) : ''}
          />
        </div>
        <div class="field">
          <label for="max">{t('search.max', { currency })}</label>
          <input
            id="max"
            name="max"
            inputmode="decimal"
            size={8}
            value={f.max ? toDecimalString(f.max) : ''}
          />
        </div>
        <CarriedInputs ui={ui} />
        <button class="btn" type="submit">
          {t('search.submit')}
        </button>
      </form>
      {f.ignored && (
        <p class="notice bad" role="status">
          {t('search.ignored')}
        </p>
      )}
      <section aria-labelledby="results">
        <h2 id="results" class={f.q ? undefined : 'visually-hidden'}>
          {f.q ? t('search.titleFor', { q: f.q }) : t('search.title')}
        </h2>
        {!f.q && <p class="note">{t('search.prompt')}</p>}
        {props.priceNote && <p class="note">{props.priceNote}</p>}
        {props.items.length === 0 ? (
          <p>{t('search.none')}</p>
        ) : (
          <ProductGrid ui={ui} items={props.items} />
        )}
        <Pager ui={ui} nextHref={props.nextHref} firstHref={props.firstHref} />
      </section>
    </>
  );
}
