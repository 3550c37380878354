import type { CollectionView, ProductSummary, Translate } from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import {
  CheckboxField,
  CsrfField,
  FormProblem,
  type FormValues,
  TextArea,
  TextField,
} from '../ui/fields.js';

type Lang = 'en' | 'zh-CN' | 'es-MX';

/** The shop's collections with their product counts. */
export function CollectionListPage({
  t,
  links,
  shopId,
  collections,
}: {
  t: Translate<MessageKey>;
  links: Links;
  shopId: string;
  collections: CollectionView[];
}) {
  return (
    <>
      <h1>{t('collections.title')}</h1>
      <p>
        <a class="button primary" href={links.shop(shopId, '/collections/new')}>
          {t('collections.new')}
        </a>
      </p>
      {collections.length === 0 ? (
        <p class="card">{t('collections.empty')}</p>
      ) : (
        <ul class="list">
          {collections.map((col) => (
            <li>
              <a href={links.shop(shopId, `/collections/${col.id}`)} class="row-link">
                <strong>{col.title}</strong>
                <span class="muted">{col.productCount}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Create or edit a collection: title and description per language, slug, products. */
export function CollectionFormPage({
  t,
  links,
  csrf,
  shopId,
  locales,
  collection,
  values,
  errors,
  products,
  selected,
}: {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  shopId: string;
  locales: readonly string[];
  collection?: CollectionView;
  values: FormValues;
  errors?: FieldErrors;
  products: ProductSummary[];
  selected: readonly string[];
}) {
  const action = collection
    ? links.shop(shopId, `/collections/${collection.id}`)
    : links.shop(shopId, '/collections/new');
  return (
    <>
      <p>
        <a href={links.shop(shopId, '/collections')}>← {t('collections.title')}</a>
      </p>
      <h1>{collection ? collection.title : t('collections.new')}</h1>
      <form method="post" action={action} class="card" novalidate>
        <CsrfField token={csrf} />
        <FormProblem errors={errors} text={t('common.fixErrors')} />
        {locales.map((l) => (
          <div lang={l}>
            <TextField
              name={`title.${l}`}
              label={t('collections.name', { language: t(`lang.${l as Lang}`) })}
              values={values}
              errors={errors}
              maxlength={120}
            />
            <TextArea
              name={`description.${l}`}
              label={t('collections.description', { language: t(`lang.${l as Lang}`) })}
              values={values}
              errors={errors}
              rows={2}
            />
          </div>
        ))}
        <TextField
          name="slug"
          label={t('collections.slug')}
          values={values}
          errors={errors}
          maxlength={64}
        />
        {products.length > 0 && (
          <fieldset>
            <legend>{t('collections.products')}</legend>
            {products.map((p) => (
              <CheckboxField
                name="productIds"
                value={p.id}
                label={p.title}
                checked={selected.includes(p.id)}
              />
            ))}
          </fieldset>
        )}
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
      </form>
      {collection && (
        <details class="card">
          <summary>{t('common.delete')}</summary>
          <form method="post" action={links.shop(shopId, `/collections/${collection.id}/delete`)}>
            <CsrfField token={csrf} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" class="danger">
              {t('collections.deleteConfirm')}
            </button>
          </form>
        </details>
      )}
    </>
  );
}
