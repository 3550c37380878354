import { and, eq } from 'drizzle-orm';
import { authorize } from '../auth/permissions.js';
import { products, productTexts, variants } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import { auditCatalogChange } from './audit-change.js';
import { loadProductDetail } from './get-product.js';
import { loadProductForWrite } from './product-links.js';
import { nextStatus, type StatusCommand } from './product-status.js';
import type { ProductDetail } from './views.js';

async function changeStatus(
  ctx: ShopContext,
  productId: string,
  command: StatusCommand,
): Promise<ProductDetail> {
  authorize(ctx, 'catalog.write');
  const shopId = ctx.shop.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const product = await loadProductForWrite(tx, shopId, productId);
    const ofProduct = <T extends typeof variants | typeof productTexts>(t: T) =>
      and(eq(t.shopId, shopId), eq(t.productId, productId));
    const vs = await tx.select({ id: variants.id }).from(variants).where(ofProduct(variants));
    const ts = await tx
      .select({ locale: productTexts.locale })
      .from(productTexts)
      .where(ofProduct(productTexts));
    const status = nextStatus(product.status, command, {
      variantCount: vs.length,
      hasTitle: ts.length > 0,
    });
    await tx
      .update(products)
      .set({
        status,
        updatedAt: now,
        ...(status === 'active' && !product.publishedAt ? { publishedAt: now } : {}),
      })
      .where(and(eq(products.shopId, shopId), eq(products.id, productId)));
    await auditCatalogChange(tx, ctx, {
      action: `product.${command}`,
      entity: 'product',
      entityId: productId,
      data: { from: product.status, to: status },
    });
    const detail = await loadProductDetail(
      tx,
      ctx,
      { id: productId },
      { includeUnpublished: true },
    );
    return detail!;
  });
}

/**
 * Makes a draft or paused product visible to buyers. Needs at least one
 * variant and a title. Requires `catalog.write`.
 * @throws AldeaError CONFLICT (illegal transition, nothing to sell), NOT_FOUND
 */
export function publishProduct(ctx: ShopContext, productId: string): Promise<ProductDetail> {
  return changeStatus(ctx, productId, 'publish');
}

/** Hides an active product from buyers for now (it can be published again). */
export function pauseProduct(ctx: ShopContext, productId: string): Promise<ProductDetail> {
  return changeStatus(ctx, productId, 'pause');
}

/** Retires a product for good: hidden from buyers, kept for past orders. */
export function archiveProduct(ctx: ShopContext, productId: string): Promise<ProductDetail> {
  return changeStatus(ctx, productId, 'archive');
}
