import { type AldeaError, listCollections, notFound, type ProductDetail } from '@aldea/core';
import type { Context } from 'hono';
import type { AdminEnv } from '../env.js';
import { productToValues, toFormPath, variantRowCount } from '../forms/product-form.js';
import { fieldErrors } from '../http/field-errors.js';
import { ProductEditPage } from '../pages/product-edit-page.js';
import type { FormValues } from '../ui/fields.js';
import { flashOf, renderPage } from '../ui/layout.js';
import { previewsFor } from './price-preview-route.js';

const PRODUCT_ID = /^prod_[0-9a-z]{10,40}$/;

/** The product id of the route, or a 404 for anything that cannot be one. */
export function productIdOf(c: Context<AdminEnv>): string {
  const id = c.req.param('productId');
  if (!id || !PRODUCT_ID.test(id)) throw notFound('product');
  return id;
}

export function sellerLocale(c: Context<AdminEnv>) {
  const shop = c.get('shop').shop;
  const locale = c.get('locale');
  return shop.locales.includes(locale) ? locale : (shop.defaultLocale as typeof locale);
}

export async function showProductForm(
  c: Context<AdminEnv>,
  opts: {
    product?: ProductDetail;
    values: FormValues;
    selected: readonly string[];
    err?: AldeaError;
    extraRow?: boolean;
    status?: 200 | 400 | 409;
    photoProblems?: string[];
  },
) {
  const t = c.get('t');
  const shop = c.get('shop');
  const collections = await listCollections(shop, { includeUnpublished: true });
  const previews = await previewsFor(shop, opts.values, variantRowCount(opts.values));
  const errors = opts.err
    ? fieldErrors(
        t,
        opts.err.issues.map((i) => ({ ...i, path: toFormPath(i.path) })),
        { currency: shop.shop.baseCurrency },
      )
    : undefined;
  return renderPage(
    c,
    <ProductEditPage
      t={t}
      links={c.get('links')}
      locale={c.get('locale')}
      csrf={c.get('csrfToken')}
      shop={shop}
      product={opts.product}
      values={opts.values}
      errors={errors}
      collections={collections}
      selectedCollections={opts.selected}
      previews={previews}
      extraRow={opts.extraRow}
      photoProblems={opts.photoProblems}
    />,
    {
      title: opts.product ? opts.product.title : t('product.newTitle'),
      nav: 'shop',
      flash: flashOf(c),
      status: opts.status ?? (opts.err ? (opts.err.code === 'CONFLICT' ? 409 : 400) : 200),
    },
  );
}

/** The product page again, with the refusals of a photo upload at the top of the photos. */
export function renderProductWithPhotoProblems(
  c: Context<AdminEnv>,
  product: ProductDetail,
  problems: string[],
) {
  return showProductForm(c, {
    product,
    values: productToValues(product, sellerLocale(c)),
    selected: product.collections.map((x) => x.id),
    photoProblems: problems,
    status: 400,
  });
}
