import {
  AldeaError,
  type CollectionView,
  createCollection,
  deleteCollection,
  isAldeaError,
  listCollections,
  listProducts,
  notFound,
  setCollectionProducts,
  updateCollection,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { fieldErrors } from '../http/field-errors.js';
import { readForm, type SubmittedForm } from '../http/form.js';
import { requires } from '../middleware/requires.js';
import { CollectionFormPage, CollectionListPage } from '../pages/collection-pages.js';
import type { FormValues } from '../ui/fields.js';
import { flashOf, renderPage } from '../ui/layout.js';

async function collectionOf(c: Context<AdminEnv>): Promise<CollectionView> {
  const id = c.req.param('collectionId');
  const all = await listCollections(c.get('shop'), { includeUnpublished: true });
  const found = all.find((x) => x.id === id);
  if (!found) throw notFound('collection');
  return found;
}

function toValues(col: CollectionView): FormValues {
  const v: FormValues = { slug: col.slug };
  for (const [l, title] of Object.entries(col.titles)) v[`title.${l}`] = title;
  for (const [l, d] of Object.entries(col.descriptions)) v[`description.${l}`] = d;
  return v;
}

function fromForm(form: SubmittedForm, locales: readonly string[]) {
  const title: Record<string, string> = {};
  const description: Record<string, string> = {};
  for (const l of locales) {
    const t = form.fields[`title.${l}`]?.trim();
    if (t) title[l] = t;
    const d = form.fields[`description.${l}`]?.trim();
    if (d) description[l] = d;
  }
  return { slug: form.fields.slug?.trim() ?? '', title, description };
}

async function showForm(
  c: Context<AdminEnv>,
  opts: { collection?: CollectionView; values: FormValues; selected: string[]; err?: AldeaError },
) {
  const shop = c.get('shop');
  const t = c.get('t');
  const products = await listProducts(shop, { limit: 100, includeUnpublished: true });
  // "title" (no language at all) is shown on the seller's own language.
  const issues = (opts.err?.issues ?? []).map((i) =>
    i.path === 'title'
      ? { ...i, path: `title.${shop.shop.defaultLocale}`, message: 'field.required' }
      : i,
  );
  return renderPage(
    c,
    <CollectionFormPage
      t={t}
      links={c.get('links')}
      csrf={c.get('csrfToken')}
      shopId={shop.shop.id}
      locales={shop.shop.locales}
      collection={opts.collection}
      values={opts.values}
      errors={opts.err ? fieldErrors(t, issues) : undefined}
      products={products.items}
      selected={opts.selected}
    />,
    {
      title: opts.collection?.title ?? t('collections.new'),
      nav: 'shop',
      flash: flashOf(c),
      status: opts.err ? (opts.err.code === 'CONFLICT' ? 409 : 400) : 200,
    },
  );
}

/** The shop's collections: list, create, edit (texts, slug, products), delete. */
export function collectionRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requires('shop.read');
  const write = requires('catalog.write');

  app.get('/', read, async (c) => {
    const shop = c.get('shop');
    const t = c.get('t');
    const collections = await listCollections(shop, { includeUnpublished: true });
    return renderPage(
      c,
      <CollectionListPage
        t={t}
        links={c.get('links')}
        shopId={shop.shop.id}
        collections={collections}
      />,
      { title: t('collections.title'), nav: 'shop', flash: flashOf(c) },
    );
  });

  app.get('/new', write, (c) => showForm(c, { values: {}, selected: [] }));

  app.post('/new', write, async (c) => {
    const shop = c.get('shop');
    const form = await readForm(c);
    const selected = form.all('productIds');
    try {
      await createCollection(shop, { ...fromForm(form, shop.shop.locales), productIds: selected });
    } catch (err) {
      if (isAldeaError(err, 'VALIDATION') || isAldeaError(err, 'CONFLICT')) {
        return showForm(c, { values: form.fields, selected, err });
      }
      throw err;
    }
    return c.redirect(
      `${c.get('links').shop(shop.shop.id, '/collections')}?ok=collections.saved`,
      303,
    );
  });

  app.get('/:collectionId', read, async (c) => {
    const collection = await collectionOf(c);
    const inIt = await listProducts(c.get('shop'), {
      limit: 100,
      collectionId: collection.id,
      includeUnpublished: true,
    });
    return showForm(c, {
      collection,
      values: toValues(collection),
      selected: inIt.items.map((p) => p.id),
    });
  });

  app.post('/:collectionId', write, async (c) => {
    const shop = c.get('shop');
    const collection = await collectionOf(c);
    const form = await readForm(c);
    const selected = form.all('productIds');
    const input = fromForm(form, shop.shop.locales);
    try {
      // One transaction: the texts and the products change together or not at all.
      await shop.db.transaction(async () => {
        await updateCollection(shop, collection.id, input);
        await setCollectionProducts(shop, collection.id, selected);
      });
    } catch (err) {
      if (isAldeaError(err, 'VALIDATION') || isAldeaError(err, 'CONFLICT')) {
        return showForm(c, { collection, values: form.fields, selected, err });
      }
      throw err;
    }
    return c.redirect(
      `${c.get('links').shop(shop.shop.id, '/collections')}?ok=collections.saved`,
      303,
    );
  });

  app.post('/:collectionId/delete', write, async (c) => {
    const shop = c.get('shop');
    const collection = await collectionOf(c);
    const { fields } = await readForm(c);
    if (fields.confirm !== 'yes') {
      throw new AldeaError('VALIDATION', 'confirm', [
        { path: 'confirm', message: 'field.required' },
      ]);
    }
    await deleteCollection(shop, collection.id);
    return c.redirect(
      `${c.get('links').shop(shop.shop.id, '/collections')}?ok=collections.deleted`,
      303,
    );
  });

  return app;
}
