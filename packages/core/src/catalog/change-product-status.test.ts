import { beforeAll, describe, expect, it } from 'vitest';
import { contextAs, makeProduct } from '../../test/support/catalog-factories.js';
import { fixedClock, makeShop } from '../../test/support/factories.js';
import { makeTestDb } from '../../test/support/test-db.js';
import type { Database } from '../db/database.js';
import { archiveProduct, pauseProduct, publishProduct } from './change-product-status.js';
import { createProduct } from './create-product.js';
import { getProduct } from './get-product.js';

let db: Database;
beforeAll(async () => {
  db = await makeTestDb();
});

describe('publish, pause, archive', () => {
  it('moves a product through its life, publishedAt set once', async () => {
    const clock = fixedClock();
    const ctx = await makeShop(db, {}, { clock });
    const buyer = await contextAs(ctx, 'buyer');
    const p = await makeProduct(ctx, { status: 'draft' });
    await expect(getProduct(buyer, p.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    clock.advance(60_000);
    const published = await publishProduct(ctx, p.id);
    expect(published).toMatchObject({ status: 'active', publishedAt: clock.now() });
    await expect(getProduct(buyer, p.id)).resolves.toMatchObject({ status: 'active' });
    clock.advance(60_000);
    expect((await pauseProduct(ctx, p.id)).status).toBe('paused');
    await expect(getProduct(buyer, p.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    clock.advance(60_000);
    const again = await publishProduct(ctx, p.id);
    expect(again.publishedAt).toEqual(published.publishedAt);
    expect((await archiveProduct(ctx, p.id)).status).toBe('archived');
    await expect(getProduct(buyer, p.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses illegal transitions with CONFLICT and changes nothing', async () => {
    const ctx = await makeShop(db);
    const p = await makeProduct(ctx, { status: 'draft' });
    await expect(pauseProduct(ctx, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await archiveProduct(ctx, p.id);
    await expect(publishProduct(ctx, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(archiveProduct(ctx, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getProduct(ctx, p.id, { includeUnpublished: true })).status).toBe('archived');
  });

  it('refuses to publish a product without variants', async () => {
    const ctx = await makeShop(db);
    const p = await createProduct(ctx, { texts: { en: { title: 'Empty' } }, variants: [] });
    await expect(publishProduct(ctx, p.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [expect.objectContaining({ path: 'variants' })],
    });
    expect((await getProduct(ctx, p.id, { includeUnpublished: true })).status).toBe('draft');
  });

  it('NOT_FOUND for an unknown product', async () => {
    const ctx = await makeShop(db);
    await expect(publishProduct(ctx, 'prod_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
