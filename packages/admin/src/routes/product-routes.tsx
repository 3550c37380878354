import {
  AldeaError,
  archiveProduct,
  createProduct,
  getProduct,
  isAldeaError,
  listProducts,
  type ProductDetail,
  pauseProduct,
  publishProduct,
  updateProduct,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { mergeOptionLabels, parseProductForm, productToValues } from '../forms/product-form.js';
import { readForm } from '../http/form.js';
import { requires } from '../middleware/requires.js';
import {
  PRODUCT_STATUSES,
  ProductListPage,
  type ProductStatus,
} from '../pages/product-list-page.js';
import { flashOf, renderPage } from '../ui/layout.js';
import { photoRoutes } from './photo-routes.js';
import { previewRoute } from './price-preview-route.js';
import { productIdOf, sellerLocale, showProductForm } from './product-page.js';

/** Re-shows the form for a preview or an extra row; null when the submit is a real save. */
async function notASave(c: Context<AdminEnv>, intent: string | undefined, product?: ProductDetail) {
  if (intent !== 'preview' && intent !== 'add-variant') return null;
  const form = await readForm(c);
  return showProductForm(c, {
    product,
    values: form.fields,
    selected: form.all('collectionIds'),
    extraRow: intent === 'add-variant',
  });
}

/**
 * Products: the list, create, edit (texts, options, versions, prices, stock,
 * collections), publish / pause / archive, the live price preview, and photos.
 */
export function productRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', requires('shop.read'), async (c) => {
    const shop = c.get('shop');
    const asked = c.req.query('status');
    const status = PRODUCT_STATUSES.includes(asked as ProductStatus)
      ? (asked as ProductStatus)
      : undefined;
    const page = await listProducts(shop, {
      limit: 24,
      cursor: c.req.query('cursor'),
      status,
      includeUnpublished: true,
    });
    const list = c.get('links').shop(shop.shop.id, '/products');
    const next = page.nextCursor
      ? `${list}?${status ? `status=${status}&` : ''}cursor=${page.nextCursor}`
      : null;
    const t = c.get('t');
    return renderPage(
      c,
      <ProductListPage
        t={t}
        links={c.get('links')}
        locale={c.get('locale')}
        shopId={shop.shop.id}
        items={page.items}
        status={status}
        nextHref={next}
      />,
      { title: t('products.title'), nav: 'shop', flash: flashOf(c) },
    );
  });

  app.get('/preview', requires('shop.read'), previewRoute());

  app.get('/new', requires('catalog.write'), (c) =>
    showProductForm(c, { values: {}, selected: [] }),
  );

  app.post('/new', requires('catalog.write'), async (c) => {
    const shop = c.get('shop');
    const form = await readForm(c);
    const early = await notASave(c, form.fields.intent);
    if (early) return early;
    const { input, issues } = parseProductForm(form, {
      locales: shop.shop.locales,
      sellerLocale: sellerLocale(c),
      buyerCurrencies: shop.shop.buyerCurrencies,
      baseCurrency: shop.shop.baseCurrency,
    });
    const again = (err: AldeaError) =>
      showProductForm(c, { values: form.fields, selected: form.all('collectionIds'), err });
    if (issues.length) return again(new AldeaError('VALIDATION', 'invalid form', issues));
    try {
      const { removeVariantIds: _none, ...create } = input;
      const product = await createProduct(shop, create);
      return c.redirect(
        `${c.get('links').product(shop.shop.id, product.id)}?ok=product.created`,
        303,
      );
    } catch (err) {
      if (isAldeaError(err, 'VALIDATION') || isAldeaError(err, 'CONFLICT')) return again(err);
      throw err;
    }
  });

  app.get('/:productId', requires('shop.read'), async (c) => {
    const shop = c.get('shop');
    const product = await getProduct(shop, productIdOf(c), { includeUnpublished: true });
    return showProductForm(c, {
      product,
      values: productToValues(product, sellerLocale(c)),
      selected: product.collections.map((x) => x.id),
    });
  });

  app.post('/:productId', requires('catalog.write'), async (c) => {
    const shop = c.get('shop');
    const product = await getProduct(shop, productIdOf(c), { includeUnpublished: true });
    const form = await readForm(c);
    const early = await notASave(c, form.fields.intent, product);
    if (early) return early;
    const locale = sellerLocale(c);
    const { input, issues } = parseProductForm(form, {
      locales: shop.shop.locales,
      sellerLocale: locale,
      buyerCurrencies: shop.shop.buyerCurrencies,
      baseCurrency: shop.shop.baseCurrency,
    });
    const again = (err: AldeaError) =>
      showProductForm(c, {
        product,
        values: form.fields,
        selected: form.all('collectionIds'),
        err,
      });
    if (issues.length) return again(new AldeaError('VALIDATION', 'invalid form', issues));
    // A language the seller emptied is removed; the others are upserted.
    const texts: Record<string, unknown> = { ...input.texts };
    for (const l of product.texts) if (!(l in texts)) texts[l] = null;
    try {
      await updateProduct(shop, product.id, {
        ...(input.slug ? { slug: input.slug } : {}),
        originCountry: input.originCountry ?? null,
        originPlace: input.originPlace,
        texts: texts as never,
        options: mergeOptionLabels(input.options ?? [], product.options, locale),
        variants: input.variants,
        removeVariantIds: input.removeVariantIds,
        collectionIds: input.collectionIds,
      });
    } catch (err) {
      if (isAldeaError(err, 'VALIDATION') || isAldeaError(err, 'CONFLICT')) return again(err);
      throw err;
    }
    return c.redirect(
      `${c.get('links').product(shop.shop.id, product.id)}?ok=product.updated`,
      303,
    );
  });

  app.post('/:productId/status', requires('catalog.write'), async (c) => {
    const shop = c.get('shop');
    // The product first: another shop's id is a 404 whatever the form says.
    const id = (await getProduct(shop, productIdOf(c), { includeUnpublished: true })).id;
    const { fields } = await readForm(c);
    const commands = {
      publish: [publishProduct, 'product.published'],
      pause: [pauseProduct, 'product.paused'],
      archive: [archiveProduct, 'product.archived'],
    } as const;
    const command = commands[fields.to as keyof typeof commands];
    if (!command) {
      throw new AldeaError('VALIDATION', 'unknown status change', [
        { path: 'to', message: 'field.invalid' },
      ]);
    }
    try {
      await command[0](shop, id);
    } catch (err) {
      if (!isAldeaError(err, 'CONFLICT') && !isAldeaError(err, 'VALIDATION')) throw err;
      const product = await getProduct(shop, id, { includeUnpublished: true });
      return showProductForm(c, {
        product,
        values: productToValues(product, sellerLocale(c)),
        selected: product.collections.map((x) => x.id),
        err: new AldeaError(err.code, err.message, [
          { path: '_form', message: 'product.cannotPublish' },
        ]),
      });
    }
    return c.redirect(`${c.get('links').product(shop.shop.id, id)}?ok=${command[1]}`, 303);
  });

  app.route('/:productId/photos', photoRoutes());
  return app;
}
