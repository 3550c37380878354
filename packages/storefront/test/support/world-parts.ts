/** The pieces of the storefront test world: its types, hostile texts and small builders. */
import {
  addProductImage,
  type CreateProductInput,
  type CreateShopInput,
  createProduct,
  createShop,
  type Database,
  ingestImage,
  type MediaStorage,
  type PlatformContext,
  type ProductDetail,
  type ShopContext,
  shopContext,
} from '@aldea/core';
import type { Hono } from 'hono';
import type { LogFields, StorefrontLogger } from '../../src/index.js';
import { makePhoto } from './photos.js';

/** Seller texts that try to inject markup: they must come out as text. */
export const XSS = {
  title: '<script>alert("t")</script>Nuez',
  description: '"><img src=x onerror=alert(1)><svg onload=alert(2)>',
  alt: '" onerror="alert(3)',
  shopName: '</title><script>alert(4)</script>',
} as const;

/** One captured log line. */
export interface LogLine extends LogFields {
  level: 'info' | 'error';
  event: string;
}

/** The seeded data of a test world, with the app serving it. */
export interface World {
  db: Database;
  storage: MediaStorage;
  dir: string;
  platform: PlatformContext;
  logs: LogLine[];
  app: Hono;
  bainiu: {
    villageId: string;
    wang: ShopContext;
    li: ShopContext;
    kernels: ProductDetail;
    giftBox: ProductDetail;
    soldOut: ProductDetail;
  };
  comonfort: {
    villageId: string;
    rojas: ShopContext;
    paused: ShopContext;
    molcajete: ProductDetail;
    tejolote: ProductDetail;
    spanishOnly: ProductDetail;
  };
  xss: { shop: ShopContext; product: ProductDetail };
}

export function capture(logs: LogLine[]): StorefrontLogger {
  return {
    info: (event, fields) => logs.push({ level: 'info', event, ...fields }),
    error: (event, fields) => logs.push({ level: 'error', event, ...fields }),
  };
}

export async function shop(
  platform: PlatformContext,
  input: CreateShopInput,
): Promise<ShopContext> {
  const ref = await createShop(platform, input);
  return shopContext(platform, ref.id);
}

export async function product(
  ctx: ShopContext,
  storage: MediaStorage,
  input: CreateProductInput,
  photos: { kind: 'mortar' | 'nuts'; alt: Partial<Record<string, string>> }[] = [],
): Promise<ProductDetail> {
  const created = await createProduct(ctx, input);
  for (const photo of photos) {
    const ingested = await ingestImage(ctx, {
      bytes: await makePhoto(photo.kind),
      filename: 'photo.jpg',
      storage,
    });
    if (!ingested.ok) throw new Error(`photo refused: ${ingested.reason}`);
    await addProductImage(ctx, created.id, { mediaId: ingested.asset.id, alt: photo.alt });
  }
  return created;
}
