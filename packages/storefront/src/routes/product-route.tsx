import { getProductBySlug, notFound, type Translate } from '@aldea/core';
import { Hono } from 'hono';
import { fallbackFile, mediaHref } from '../components/picture.js';
import type { AppEnv } from '../env.js';
import { cachePage } from '../http/cache.js';
import { cachedPage } from '../http/page-cache.js';
import type { MessageKey } from '../messages/index.js';
import { type ProductNotice, ProductPage, preselect } from '../pages/product-page.js';
import { productJsonLd } from '../seo/product-json-ld.js';
import { priceNote } from './price-note.js';
import { loadShopFrame, shopMeta } from './shop-data.js';

const MAX_SLUG = 200;

/** The flash a cart action left in the query string (`?added=1`, `?error=stock&left=2`). */
export function noticeFromQuery(
  query: (key: string) => string | undefined,
  t: Translate<MessageKey>,
  cartHref: string,
): ProductNotice | undefined {
  if (query('added') === '1') {
    return { kind: 'ok', text: t('cart.added'), linkHref: cartHref, linkText: t('nav.cart') };
  }
  const error = query('error');
  if (error === 'stock') {
    const left = Number(query('left'));
    const count = Number.isSafeInteger(left) && left >= 0 && left < 1e6 ? left : 0;
    return count === 0
      ? { kind: 'bad', text: t('cart.soldOut') }
      : { kind: 'bad', text: t.plural('cart.notEnough', count) };
  }
  if (error === 'full') return { kind: 'bad', text: t('cart.full') };
  return undefined;
}

/** `/p/:product`: the product page with its JSON-LD. */
export function productRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/p/:product', cachedPage('shop'), async (c) => {
    const slug = c.req.param('product');
    if (slug.length > MAX_SLUG) throw notFound('product');
    const [frame, product] = await Promise.all([
      loadShopFrame(c),
      getProductBySlug(c.get('shop'), slug),
    ]);
    const links = c.get('links');
    const url = links.canonical(frame.ui.locale);
    const images = product.images
      .map((img) => fallbackFile(img, 1200))
      .filter((f) => f !== undefined)
      .map((f) => links.absolute(mediaHref(f.key)));
    const notice = noticeFromQuery((k) => c.req.query(k), frame.ui.t, links.shop('/cart'));
    if (notice) c.header('Cache-Control', 'private, no-store');
    else cachePage(c);
    return c.render(
      <ProductPage
        ui={frame.ui}
        product={product}
        pricer={frame.pricer}
        shopName={frame.view.name}
        addAction={links.shop('/cart/add')}
        selectedVariantId={preselect(product, frame.pricer, c.req.query('variant'))}
        notice={notice}
        priceNote={priceNote(frame.ui, frame.pricer)}
      />,
      {
        ...shopMeta(c, frame),
        title: product.title,
        description: product.description.slice(0, 200) || frame.view.tagline,
        index: !notice,
        crumbs: [{ label: frame.view.name, href: links.shop() }, { label: product.title }],
        og: { type: 'product', image: images[0] },
        jsonLd: productJsonLd({
          product,
          pricer: frame.pricer,
          url,
          images,
          shopName: frame.view.name,
        }),
      },
    );
  });
  return app;
}
