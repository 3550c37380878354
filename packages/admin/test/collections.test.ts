import { listCollections, listProducts } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeWorld, request, signedIn, textOf } from './support/world.js';

describe('collections', () => {
  it('creates a collection with products, edits it and deletes it (products stay)', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const base = `/admin/s/${w.a.ctx.shop.id}/collections`;
    const created = await request(w, `${base}/new`, {
      browser: owner,
      form: {
        'title.en': 'Large packs',
        'title.zh-CN': '大包装',
        slug: 'large-packs',
        productIds: [w.a.product.id],
      },
    });
    expect(created.status).toBe(303);
    const col = (await listCollections(w.a.ctx, { includeUnpublished: true })).find(
      (c) => c.slug === 'large-packs',
    )!;
    expect(col.titles).toEqual({ en: 'Large packs', 'zh-CN': '大包装' });
    const inIt = await listProducts(w.a.ctx, { collectionId: col.id, includeUnpublished: true });
    expect(inIt.items.map((p) => p.id)).toEqual([w.a.product.id]);

    const edited = await request(w, `${base}/${col.id}`, {
      browser: owner,
      form: { 'title.en': 'Big packs', slug: 'big-packs' },
    });
    expect(edited.status).toBe(303);
    const after = (await listCollections(w.a.ctx, { includeUnpublished: true })).find(
      (c) => c.id === col.id,
    )!;
    expect(after.slug).toBe('big-packs');
    expect(after.productCount).toBe(0);

    const deleted = await request(w, `${base}/${col.id}/delete`, {
      browser: owner,
      form: { confirm: 'yes' },
    });
    expect(deleted.status).toBe(303);
    expect(
      (await listCollections(w.a.ctx, { includeUnpublished: true })).some((c) => c.id === col.id),
    ).toBe(false);
    expect((await listProducts(w.a.ctx, { includeUnpublished: true })).items).toHaveLength(1);
  });

  it('keeps the input and names the field on a bad slug or a taken one; nothing half-saved', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const base = `/admin/s/${w.a.ctx.shop.id}/collections`;
    const bad = await request(w, `${base}/new`, {
      browser: owner,
      form: { 'title.en': 'Gifts', slug: 'Not A Slug!' },
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Not A Slug!"');
    expect(html).toContain('Use lower-case letters, digits and hyphens');
    const existing = (await listCollections(w.a.ctx, { includeUnpublished: true }))[0]!;
    const other = await request(w, `${base}/new`, {
      browser: owner,
      form: { 'title.en': 'Other', slug: 'other-one' },
    });
    expect(other.status).toBe(303);
    const otherId = (await listCollections(w.a.ctx, { includeUnpublished: true })).find(
      (c) => c.slug === 'other-one',
    )!.id;
    // Renaming onto a taken slug while moving products: neither change lands.
    const taken = await request(w, `${base}/${otherId}`, {
      browser: owner,
      form: { 'title.en': 'Renamed', slug: existing.slug, productIds: [w.a.product.id] },
    });
    expect(taken.status).toBe(409);
    expect(await textOf(taken)).toContain('This is already in use');
    const still = (await listCollections(w.a.ctx, { includeUnpublished: true })).find(
      (c) => c.id === otherId,
    )!;
    expect(still.title).toBe('Other');
    expect(still.productCount).toBe(0);
  });
});
