import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { ShopContext } from '../../tenancy/context.js';
import type { ProblemList } from './problems.js';
import type { ProductDraft } from './product-groups.js';

/** An existing product a draft updates. */
export interface DraftUpdate {
  draft: ProductDraft;
  productId: string;
  /** The product has no photos yet: the draft's photos are added. */
  needsPhotos: boolean;
}

/** What one batch of drafts will do. */
export interface BatchPlan {
  create: ProductDraft[];
  update: DraftUpdate[];
  /** Existing products the file describes exactly as they are: nothing to write. */
  unchanged: ProductDraft[];
}

interface SkuRow {
  sku: string;
  product_id: string;
  images: number;
  title: string;
}

interface CurrentProduct {
  id: string;
  texts: string;
  variants: string;
  options: string;
}

/** The current texts, variants and options of products, as comparable JSON (one statement). */
async function currentProducts(
  db: Db,
  shopId: string,
  ids: string[],
): Promise<Map<string, CurrentProduct>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<CurrentProduct>(sql`
    select p.id,
      (select json_group_object(t.locale, json_array(t.title, t.description, t.materials, t.care))
         from product_texts t where t.shop_id = p.shop_id and t.product_id = p.id) as texts,
      (select json_group_object(v.sku, json_array(v.price_minor, v.stock_on_hand, v.weight_grams,
           v.made_to_order, v.processing_days_min, v.processing_days_max))
         from variants v where v.shop_id = p.shop_id and v.product_id = p.id) as variants,
      (select json_group_array(json_array(o.name, (select json_group_array(ov.label) from
           (select label from product_option_values ov where ov.shop_id = o.shop_id and ov.option_id = o.id
            order by ov.position) ov)))
         from (select * from product_options o where o.shop_id = p.shop_id and o.product_id = p.id
               order by o.position) o) as options
    from products p
    where p.shop_id = ${shopId} and p.id in (select value from json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Parses JSON text, and JSON text nested in it (SQLite passes nested aggregates as strings). */
function deepJson(value: unknown): unknown {
  if (typeof value === 'string' && /^[[{]/.test(value)) return deepJson(JSON.parse(value));
  if (Array.isArray(value)) return value.map(deepJson);
  return value;
}

/** True when the product already is what the draft describes (texts given, variants, options). */
function sameAsDraft(current: CurrentProduct, draft: ProductDraft): boolean {
  const texts = JSON.parse(current.texts ?? '{}') as Record<string, string[]>;
  for (const [locale, t] of Object.entries(draft.input.texts)) {
    if (!t) continue;
    const have = texts[locale];
    if (
      !have ||
      have[0] !== t.title ||
      have[1] !== t.description ||
      have[2] !== t.materials ||
      have[3] !== t.care
    ) {
      return false;
    }
  }
  const variants = JSON.parse(current.variants ?? '{}') as Record<string, number[]>;
  if (Object.keys(variants).length !== draft.input.variants.length) return false;
  for (const v of draft.input.variants) {
    const have = variants[v.sku];
    const want = [
      v.priceMinor,
      v.stockOnHand,
      v.weightGrams,
      v.madeToOrder ? 1 : 0,
      v.processingDaysMin,
      v.processingDaysMax ?? v.processingDaysMin,
    ];
    if (!have || have.some((x, i) => x !== want[i])) return false;
  }
  const options = deepJson(current.options ?? '[]');
  const want = draft.input.options.map((o) => [o.name, o.values]);
  return JSON.stringify(options) === JSON.stringify(want);
}

/**
 * Decides, for a batch of drafts, which products are new, which update an
 * existing product (matched by SKU: re-importing a file updates instead of
 * duplicating), and which are unchanged. A draft whose SKUs belong to two
 * different products is refused on the offending rows. Two statements.
 */
export async function planBatch(
  db: Db,
  ctx: ShopContext,
  drafts: ProductDraft[],
  problems: ProblemList,
): Promise<BatchPlan> {
  const plan: BatchPlan = { create: [], update: [], unchanged: [] };
  if (drafts.length === 0) return plan;
  const skus = drafts.flatMap((d) => d.input.variants.map((v) => v.sku));
  const rows = await db.all<SkuRow>(sql`
    select v.sku, v.product_id,
      (select count(*) from product_images i where i.shop_id = v.shop_id and i.product_id = v.product_id) as images,
      coalesce((select t.title from product_texts t where t.shop_id = v.shop_id and t.product_id = v.product_id
        order by t.locale = ${ctx.shop.defaultLocale} desc limit 1), '') as title
    from variants v
    where v.shop_id = ${ctx.shop.id} and v.sku in (select value from json_each(${JSON.stringify(skus)}))`);
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  const updates: DraftUpdate[] = [];
  for (const draft of drafts) {
    const hits = draft.input.variants.flatMap((v) => bySku.get(v.sku) ?? []);
    if (hits.length === 0) {
      plan.create.push(draft);
      continue;
    }
    const owner = hits[0]!;
    const strays = hits.filter((h) => h.product_id !== owner.product_id);
    for (const s of strays) {
      problems.error(draft.rowOfSku.get(s.sku) ?? draft.firstRow, 'sku', 'SKU_OTHER_PRODUCT', {
        value: s.sku,
        other: s.title || s.product_id,
      });
    }
    if (strays.length === 0)
      updates.push({ draft, productId: owner.product_id, needsPhotos: owner.images === 0 });
  }
  const current = await currentProducts(
    db,
    ctx.shop.id,
    updates.map((u) => u.productId),
  );
  for (const u of updates) {
    const now = current.get(u.productId);
    const photosToAdd = u.needsPhotos && u.draft.photos.length > 0;
    if (now && sameAsDraft(now, u.draft) && !photosToAdd) plan.unchanged.push(u.draft);
    else plan.update.push(u);
  }
  return plan;
}
