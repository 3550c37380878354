import type { CollectionView, Locale, PricePreviewRow, ShopRef, Translate } from '@aldea/core';
import { productField as F, MAX_OPTIONS, variantRowCount } from '../forms/product-form.js';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import {
  CheckboxField,
  CsrfField,
  FormProblem,
  type FormValues,
  SelectField,
  TextArea,
  TextField,
} from '../ui/fields.js';
import { PricePreview } from './price-preview.js';

export interface ProductFormProps {
  t: Translate<MessageKey>;
  links: Links;
  locale: Locale;
  csrf: string;
  shop: ShopRef;
  /** Where the form posts: the new-product or the edit URL. */
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  collections: CollectionView[];
  selectedCollections: readonly string[];
  /** A live preview per variant row (when a price could be read). */
  previews: (PricePreviewRow[] | undefined)[];
  /** Show one more empty version row. */
  extraRow?: boolean;
}

function Texts(p: ProductFormProps & { textLocale: string; open?: boolean }) {
  const { t, values, errors, textLocale: l } = p;
  const name = (f: 'title' | 'description' | 'materials' | 'care' | 'source') => F.text(l, f);
  return (
    <div lang={l}>
      <TextField
        name={name('title')}
        label={t('product.title')}
        hint={t('product.titleHint')}
        values={values}
        errors={errors}
        maxlength={200}
      />
      <TextArea
        name={name('description')}
        label={t('product.description')}
        hint={t('product.descriptionHint')}
        values={values}
        errors={errors}
        rows={5}
      />
      <TextField
        name={name('materials')}
        label={t('product.materials')}
        values={values}
        errors={errors}
      />
      <TextArea
        name={name('care')}
        label={t('product.care')}
        values={values}
        errors={errors}
        rows={2}
      />
      <SelectField
        name={name('source')}
        label={t('product.source')}
        values={values}
        value="human"
        options={[
          { value: 'human', label: t('product.source.human') },
          { value: 'machine', label: t('product.source.machine') },
        ]}
      />
    </div>
  );
}

function VariantRow(p: ProductFormProps & { i: number; optionNames: string[] }) {
  const { t, values, errors, shop, i } = p;
  const v = (f: string) => F.variant(i, f);
  const id = values[v('id')];
  const converted = shop.buyerCurrencies.filter((c) => c !== shop.baseCurrency);
  const previewId = `preview-${i}`;
  return (
    <fieldset class="variant" data-row={String(i)}>
      <legend>{t('product.variant', { n: i + 1 })}</legend>
      {id && <input type="hidden" name={v('id')} value={id} />}
      {p.optionNames.map((name, o) => (
        <TextField
          name={F.optionValue(i, o)}
          label={t('product.optionValue', { name })}
          values={values}
          errors={errors}
          maxlength={80}
        />
      ))}
      <TextField
        name={v('price')}
        label={t('product.priceIn', { currency: shop.baseCurrency })}
        hint={t('product.priceHint')}
        inputmode="decimal"
        values={values}
        errors={errors}
        class="price"
        data={{ 'preview-target': previewId }}
      />
      <div class="pair">
        <TextField
          name={v('stockOnHand')}
          label={t('product.stock')}
          inputmode="numeric"
          value="0"
          values={values}
          errors={errors}
        />
        <TextField
          name={v('weightGrams')}
          label={t('product.weight')}
          inputmode="numeric"
          values={values}
          errors={errors}
        />
      </div>
      <CheckboxField
        name={v('madeToOrder')}
        label={t('product.madeToOrder')}
        checked={Boolean(values[v('madeToOrder')])}
      />
      <div class="pair">
        <TextField
          name={v('processingDaysMin')}
          label={t('product.processingMin')}
          inputmode="numeric"
          values={values}
          errors={errors}
        />
        <TextField
          name={v('processingDaysMax')}
          label={t('product.processingMax')}
          inputmode="numeric"
          values={values}
          errors={errors}
        />
      </div>
      {converted.length > 0 && (
        <details
          open={converted.some((c) => values[F.fixedPrice(i, c)] || errors?.[F.fixedPrice(i, c)])}
        >
          <summary>{t('product.fixedPrices')}</summary>
          <p class="hint">{t('product.fixedPricesHint')}</p>
          {converted.map((currency) => (
            <TextField
              name={F.fixedPrice(i, currency)}
              label={t('product.fixedPriceIn', { currency })}
              inputmode="decimal"
              values={values}
              errors={errors}
              class="fixed-price"
              data={{ currency }}
            />
          ))}
        </details>
      )}
      <TextField
        name={v('sku')}
        label={`${t('product.sku')} (${t('common.optional')})`}
        values={values}
        errors={errors}
        maxlength={64}
      />
      {id && (
        <CheckboxField name={v('remove')} label={t('product.removeVariant')} checked={false} />
      )}
      <PricePreview t={t} locale={p.locale} rows={p.previews[i]} id={previewId} />
    </fieldset>
  );
}

/** Create or edit a product: texts per language, options, versions with prices, collections. */
export function ProductForm(p: ProductFormProps) {
  const { t, values, errors, shop } = p;
  const seller = shop.locales.includes(p.locale) ? p.locale : shop.defaultLocale;
  const others = shop.locales.filter((l) => l !== seller);
  const optionNames: string[] = [];
  for (let o = 0; o < MAX_OPTIONS; o++) {
    const name = values[F.optionName(o)]?.trim();
    if (!name) break;
    optionNames.push(name);
  }
  const rows = Math.max(variantRowCount(values), 1) + (p.extraRow ? 1 : 0);
  const shownOptions = Math.min(optionNames.length + 1, MAX_OPTIONS);
  return (
    <form
      method="post"
      action={p.action}
      class="product-form"
      novalidate
      data-preview-url={p.links.shop(shop.id, '/products/preview')}
    >
      <CsrfField token={p.csrf} />
      {/* Enter in any field saves (the first submit button is the default one). */}
      <button type="submit" name="intent" value="save" class="visually-hidden" tabindex={-1}>
        {t('product.save')}
      </button>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <section class="card">
        <h2>{t('product.texts')}</h2>
        <Texts {...p} textLocale={seller} />
        {others.length > 0 && (
          <details open={others.some((l) => values[F.text(l, 'title')])}>
            <summary>{t('product.otherLanguages')}</summary>
            {others.map((l) => (
              <section>
                <h3>{t('product.textsIn', { language: t(`lang.${l as Locale}`) })}</h3>
                <Texts {...p} textLocale={l} />
              </section>
            ))}
          </details>
        )}
      </section>

      <section class="card">
        <h2>{t('product.options')}</h2>
        <p class="hint">{t('product.optionsHint')}</p>
        {Array.from({ length: shownOptions }, (_, o) => (
          <TextField
            name={F.optionName(o)}
            label={t('product.optionName', { n: o + 1 })}
            values={values}
            errors={errors}
            maxlength={80}
          />
        ))}
      </section>

      <section class="card">
        <h2>{t('product.variants')}</h2>
        {Array.from({ length: rows }, (_, i) => (
          <VariantRow {...p} i={i} optionNames={optionNames} />
        ))}
        <p class="actions">
          <button type="submit" name="intent" value="add-variant">
            {t('product.addVariant')}
          </button>
          <button type="submit" name="intent" value="preview" class="no-js-only">
            {t('preview.button')}
          </button>
        </p>
      </section>

      {p.collections.length > 0 && (
        <section class="card">
          <h2>{t('product.collections')}</h2>
          {p.collections.map((col) => (
            <CheckboxField
              name="collectionIds"
              value={col.id}
              label={col.title}
              checked={p.selectedCollections.includes(col.id)}
            />
          ))}
        </section>
      )}

      <section class="card">
        <h2>{t('product.origin')}</h2>
        <TextField
          name="originPlace"
          label={t('product.originPlace')}
          values={values}
          errors={errors}
        />
        <TextField
          name="originCountry"
          label={t('product.originCountry')}
          values={values}
          errors={errors}
          maxlength={2}
        />
        <TextField
          name="slug"
          label={t('product.slug')}
          hint={t('product.slugHint')}
          values={values}
          errors={errors}
          maxlength={64}
        />
      </section>

      <p class="sticky-actions">
        <button type="submit" name="intent" value="save" class="primary">
          {t('product.save')}
        </button>
      </p>
    </form>
  );
}
