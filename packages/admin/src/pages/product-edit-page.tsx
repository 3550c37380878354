import { DEFAULT_MEDIA_LIMITS, type ProductDetail, type ShopContext } from '@aldea/core';
import { CsrfField } from '../ui/fields.js';
import { PhotosSection } from './photos-section.js';
import { ProductForm, type ProductFormProps } from './product-form-page.js';

/** The product page of the admin: status and its buttons, photos, and the form. */
export function ProductEditPage(
  p: Omit<ProductFormProps, 'shop' | 'action'> & {
    shop: ShopContext;
    product?: ProductDetail;
    photoProblems?: string[];
  },
) {
  const { t, links, product } = p;
  const shopId = p.shop.shop.id;
  const action = product ? links.product(shopId, product.id) : links.shop(shopId, '/products/new');
  return (
    <>
      <p>
        <a href={links.shop(shopId, '/products')}>← {t('products.title')}</a>
      </p>
      <h1>{product ? product.title : t('product.newTitle')}</h1>
      {product && (
        <section class="card status-bar">
          <p>
            <span class={`badge ${product.status}`}>
              {t('product.status', { status: t(`status.${product.status}`) })}
            </span>
            {product.status === 'active' && links.storefront(p.shop.shop.slug, product.slug) && (
              <>
                {' '}
                <a href={links.storefront(p.shop.shop.slug, product.slug)}>
                  {t('product.viewInShop')}
                </a>
              </>
            )}
          </p>
          <form method="post" action={links.product(shopId, product.id, '/status')} class="inline">
            <CsrfField token={p.csrf} />
            {product.status !== 'active' && (
              <button type="submit" name="to" value="publish" class="primary">
                {t('product.publish')}
              </button>
            )}
            {product.status === 'active' && (
              <button type="submit" name="to" value="pause">
                {t('product.pause')}
              </button>
            )}
            {product.status !== 'archived' && (
              <button type="submit" name="to" value="archive" class="danger">
                {t('product.archive')}
              </button>
            )}
          </form>
        </section>
      )}
      {product && (
        <PhotosSection
          t={t}
          links={links}
          csrf={p.csrf}
          shopId={shopId}
          productId={product.id}
          locales={p.shop.shop.locales}
          images={product.images}
          problems={p.photoProblems}
          maxMegabytes={Math.floor(DEFAULT_MEDIA_LIMITS.maxBytes / (1024 * 1024))}
        />
      )}
      <ProductForm {...p} shop={p.shop.shop} action={action} />
    </>
  );
}
