import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogRowCounts,
  contextAs,
  makeMediaAsset,
  makeProduct,
} from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import type { ShopContext } from '../tenancy/context.js';
import { archiveProduct, pauseProduct, publishProduct } from './change-product-status.js';
import {
  createCollection,
  deleteCollection,
  setCollectionProducts,
  updateCollection,
} from './collection-commands.js';
import { getCollectionBySlug, listCollections } from './collection-reads.js';
import { createProduct } from './create-product.js';
import { findVariants } from './find-variants.js';
import { findProduct, findProductBySlug, getProduct, getProductBySlug } from './get-product.js';
import { listProducts } from './list-products.js';
import {
  addProductImage,
  removeProductImage,
  reorderProductImages,
  setProductImageAlt,
} from './product-images.js';
import { searchProducts } from './search-products.js';
import { updateProduct } from './update-product.js';
import { setVariantPrice, setVariantStock } from './variant-commands.js';
import type { CollectionView, ImageView, ProductDetail } from './views.js';

let db: Database;
let a: ShopContext;
let b: ShopContext;
let product: ProductDetail;
let image: ImageView;
let collection: CollectionView;
let mediaOfA: string;
let mediaOfB: string;
let productOfB: ProductDetail;
let collectionOfB: CollectionView;

beforeAll(async () => {
  db = await makeTestDb();
  a = await makeShop(db);
  // Shop B's own owner, in the same village: the closest neighbour there is.
  b = await contextAs(await makeShop(db, { villageId: a.shop.villageId }), 'owner');
  product = await makeProduct(a, { texts: { en: { title: 'Secret molcajete of shop A' } } });
  mediaOfA = await makeMediaAsset(a);
  image = await addProductImage(a, product.id, { mediaId: mediaOfA });
  collection = await createCollection(a, {
    slug: 'a-only',
    title: { en: 'A' },
    productIds: [product.id],
  });
  mediaOfB = await makeMediaAsset(b);
  productOfB = await makeProduct(b);
  collectionOfB = await createCollection(b, { slug: 'b-only', title: { en: 'B' } });
});

const variantId = () => product.variants[0]!.id;

describe('shop B cannot read shop A’s catalog', () => {
  const notFound: [string, () => Promise<unknown>][] = [
    ['getProduct', () => getProduct(b, product.id)],
    ['getProduct (admin)', () => getProduct(b, product.id, { includeUnpublished: true })],
    ['getProductBySlug', () => getProductBySlug(b, product.slug)],
    [
      'getProductBySlug (admin)',
      () => getProductBySlug(b, product.slug, { includeUnpublished: true }),
    ],
    ['getCollectionBySlug', () => getCollectionBySlug(b, collection.slug)],
  ];
  it.each(notFound)('%s → NOT_FOUND', async (_, read) => {
    await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('find*, listings, search and variants come back without it', async () => {
    expect(await findProduct(b, product.id)).toBeUndefined();
    expect(await findProductBySlug(b, product.slug)).toBeUndefined();
    const all = await listProducts(b, { includeUnpublished: true, limit: 100 });
    expect(all.items.map((p) => p.id)).toEqual([productOfB.id]);
    expect((await listProducts(b, { collectionId: collection.id })).items).toEqual([]);
    expect((await searchProducts(b, { q: 'Secret molcajete' })).items).toEqual([]);
    expect((await searchProducts(b, { q: 'Secret', includeUnpublished: true })).items).toEqual([]);
    expect(await findVariants(b, [variantId()])).toEqual([]);
    expect((await listCollections(b, { includeUnpublished: true })).map((c) => c.id)).toEqual([
      collectionOfB.id,
    ]);
  });
});

describe('shop B cannot change shop A’s catalog', () => {
  const writes: [string, () => Promise<unknown>][] = [
    ['updateProduct', () => updateProduct(b, product.id, { originPlace: 'hacked' })],
    ['publishProduct', () => publishProduct(b, product.id)],
    ['pauseProduct', () => pauseProduct(b, product.id)],
    ['archiveProduct', () => archiveProduct(b, product.id)],
    ['setVariantStock', () => setVariantStock(b, variantId(), { stockOnHand: 0 })],
    ['setVariantPrice', () => setVariantPrice(b, variantId(), { priceMinor: 1 })],
    [
      'updateProduct with A’s variant id',
      () => updateProduct(b, productOfB.id, { removeVariantIds: [variantId()] }),
    ],
    ['addProductImage on A’s product', () => addProductImage(b, product.id, { mediaId: mediaOfB })],
    [
      'addProductImage of A’s photo',
      () => addProductImage(b, productOfB.id, { mediaId: mediaOfA }),
    ],
    ['reorderProductImages', () => reorderProductImages(b, product.id, [image.id])],
    ['setProductImageAlt', () => setProductImageAlt(b, image.id, { en: 'hacked' })],
    ['removeProductImage', () => removeProductImage(b, image.id)],
    ['updateCollection', () => updateCollection(b, collection.id, { slug: 'hacked' })],
    ['setCollectionProducts on A’s collection', () => setCollectionProducts(b, collection.id, [])],
    [
      'setCollectionProducts with A’s product',
      () => setCollectionProducts(b, collectionOfB.id, [product.id]),
    ],
    ['deleteCollection', () => deleteCollection(b, collection.id)],
    ['createProduct in A’s collection', () => makeProduct(b, { collectionIds: [collection.id] })],
    [
      'createCollection with A’s product',
      () => createCollection(b, { slug: 'steal', title: { en: 'S' }, productIds: [product.id] }),
    ],
  ];
  it.each(writes)('%s → NOT_FOUND, nothing changed in either shop', async (_, write) => {
    const before = [await catalogRowCounts(a), await catalogRowCounts(b)];
    const seen = await getProduct(a, product.id, { includeUnpublished: true });
    await expect(write()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect([await catalogRowCounts(a), await catalogRowCounts(b)]).toEqual(before);
    expect(await getProduct(a, product.id, { includeUnpublished: true })).toEqual(seen);
  });

  it('the same slug and SKU may exist in both shops', async () => {
    const twin = await createProduct(b, {
      slug: product.slug,
      texts: { en: { title: 'Twin' } },
      variants: [{ sku: product.variants[0]!.sku, priceMinor: 1, stockOnHand: 1, weightGrams: 1 }],
    });
    expect((await getProductBySlug(b, product.slug, { includeUnpublished: true })).id).toBe(
      twin.id,
    );
    expect((await getProductBySlug(a, product.slug)).id).toBe(product.id);
  });
});
