import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogRowCounts,
  contextAs,
  makeMediaAsset,
  makeProduct,
} from '../../test/support/catalog-factories.js';
import { makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { ShopRole } from '../auth/permissions.js';
import type { Database } from '../db/database.js';
import type { ShopContext } from '../tenancy/context.js';
import { archiveProduct, pauseProduct, publishProduct } from './change-product-status.js';
import {
  createCollection,
  deleteCollection,
  setCollectionProducts,
  updateCollection,
} from './collection-commands.js';
import { getProduct } from './get-product.js';
import { listProducts } from './list-products.js';
import {
  addProductImage,
  removeProductImage,
  reorderProductImages,
  setProductImageAlt,
} from './product-images.js';
import { updateProduct } from './update-product.js';
import { setVariantPrice, setVariantStock } from './variant-commands.js';

let db: Database;
let owner: ShopContext;
beforeAll(async () => {
  db = await makeTestDb();
  owner = await makeShop(db);
});

/** Each command, run by `as` on fresh data the shop's system context made. */
const commands: [string, (as: ShopContext) => Promise<unknown>][] = [
  ['createProduct', (as) => makeProduct(as)],
  [
    'updateProduct',
    async (as) => updateProduct(as, (await makeProduct(owner)).id, { originPlace: 'x' }),
  ],
  [
    'publishProduct',
    async (as) => publishProduct(as, (await makeProduct(owner, { status: 'draft' })).id),
  ],
  ['pauseProduct', async (as) => pauseProduct(as, (await makeProduct(owner)).id)],
  ['archiveProduct', async (as) => archiveProduct(as, (await makeProduct(owner)).id)],
  [
    'setVariantStock',
    async (as) =>
      setVariantStock(as, (await makeProduct(owner)).variants[0]!.id, { stockOnHand: 1 }),
  ],
  [
    'setVariantPrice',
    async (as) =>
      setVariantPrice(as, (await makeProduct(owner)).variants[0]!.id, { priceMinor: 1 }),
  ],
  [
    'addProductImage',
    async (as) =>
      addProductImage(as, (await makeProduct(owner)).id, { mediaId: await makeMediaAsset(owner) }),
  ],
  [
    'reorderProductImages',
    async (as) => {
      const p = await makeProduct(owner);
      const i = await addProductImage(owner, p.id, { mediaId: await makeMediaAsset(owner) });
      return reorderProductImages(as, p.id, [i.id]);
    },
  ],
  [
    'setProductImageAlt',
    async (as) => {
      const i = await addProductImage(owner, (await makeProduct(owner)).id, {
        mediaId: await makeMediaAsset(owner),
      });
      return setProductImageAlt(as, i.id, { en: 'x' });
    },
  ],
  [
    'removeProductImage',
    async (as) => {
      const i = await addProductImage(owner, (await makeProduct(owner)).id, {
        mediaId: await makeMediaAsset(owner),
      });
      return removeProductImage(as, i.id);
    },
  ],
  [
    'createCollection',
    (as) =>
      createCollection(as, {
        slug: `c-${Math.random().toString(36).slice(2)}`,
        title: { en: 'C' },
      }),
  ],
  [
    'updateCollection',
    async (as) =>
      updateCollection(
        as,
        (
          await createCollection(owner, {
            slug: `u-${Math.random().toString(36).slice(2)}`,
            title: { en: 'C' },
          })
        ).id,
        { title: { en: 'D' } },
      ),
  ],
  [
    'setCollectionProducts',
    async (as) =>
      setCollectionProducts(
        as,
        (
          await createCollection(owner, {
            slug: `s-${Math.random().toString(36).slice(2)}`,
            title: { en: 'C' },
          })
        ).id,
        [],
      ),
  ],
  [
    'deleteCollection',
    async (as) =>
      deleteCollection(
        as,
        (
          await createCollection(owner, {
            slug: `d-${Math.random().toString(36).slice(2)}`,
            title: { en: 'C' },
          })
        ).id,
      ),
  ],
];

describe.each(['owner', 'staff', 'trainer', 'operator'] as ShopRole[])('a shop %s', (role) => {
  let as: ShopContext;
  beforeAll(async () => {
    as = await contextAs(owner, role);
  });
  it.each(commands)('may %s', async (_, run) => {
    await expect(run(as)).resolves.not.toThrow();
  });
  it('may read drafts', async () => {
    const draft = await makeProduct(owner, { status: 'draft' });
    await expect(getProduct(as, draft.id, { includeUnpublished: true })).resolves.toMatchObject({
      id: draft.id,
    });
    await expect(listProducts(as, { status: 'draft' })).resolves.toBeDefined();
  });
});

describe.each(['buyer', 'none'] as ShopRole[])('a %s', (role) => {
  let as: ShopContext;
  beforeAll(async () => {
    as = await contextAs(owner, role);
  });
  it.each(commands)('gets NOT_FOUND for %s', async (_, run) => {
    await expect(run(as)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  it('writes nothing when refused', async () => {
    const p = await makeProduct(owner);
    const before = await catalogRowCounts(owner);
    await expect(updateProduct(as, p.id, { originPlace: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(makeProduct(as)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await catalogRowCounts(owner)).toEqual(before);
  });
  it('sees only published products', async () => {
    const draft = await makeProduct(owner, { status: 'draft' });
    await expect(getProduct(as, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getProduct(as, draft.id, { includeUnpublished: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
