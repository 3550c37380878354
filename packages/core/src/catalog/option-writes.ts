import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { productOptions, productOptionValues } from '../schema/catalog.js';
import type { ShopContext } from '../tenancy/context.js';
import type { OptionInput } from './product-schemas.js';

type ParsedOption = z.output<typeof OptionInput>;

/** A product's options and their value ids, in position order. */
export type OptionStructure = { id: string; valueIds: string[] }[];

/** Inserts options and their values; returns the value ids per option. */
export async function insertOptions(
  tx: Db,
  ctx: ShopContext,
  productId: string,
  options: ParsedOption[],
): Promise<OptionStructure> {
  const shopId = ctx.shop.id;
  const ms = ctx.clock.now().getTime();
  const structure: OptionStructure = [];
  for (const [position, option] of options.entries()) {
    const id = newId('option', ms);
    await tx.insert(productOptions).values({ shopId, id, productId, position, name: option.name });
    const values = option.values.map((label, p) => ({
      shopId,
      id: newId('optionValue', ms),
      optionId: id,
      position: p,
      label,
    }));
    await tx.insert(productOptionValues).values(values);
    structure.push({ id, valueIds: values.map((v) => v.id) });
  }
  return structure;
}

/** The product's current options (tenant-scoped). */
export async function loadOptionStructure(
  tx: Db,
  shopId: string,
  productId: string,
): Promise<OptionStructure> {
  const rows = await tx
    .select({ optionId: productOptions.id, valueId: productOptionValues.id })
    .from(productOptions)
    .leftJoin(
      productOptionValues,
      and(
        eq(productOptionValues.shopId, productOptions.shopId),
        eq(productOptionValues.optionId, productOptions.id),
      ),
    )
    .where(and(eq(productOptions.shopId, shopId), eq(productOptions.productId, productId)))
    .orderBy(asc(productOptions.position), asc(productOptionValues.position));
  const structure: OptionStructure = [];
  for (const r of rows) {
    let option = structure.at(-1);
    if (option?.id !== r.optionId) {
      option = { id: r.optionId, valueIds: [] };
      structure.push(option);
    }
    if (r.valueId) option.valueIds.push(r.valueId);
  }
  return structure;
}

/** True when `options` has as many options, and values per option, as `structure`. */
export function sameShape(structure: OptionStructure, options: ParsedOption[]): boolean {
  return (
    structure.length === options.length &&
    structure.every((o, i) => o.valueIds.length === options[i]?.values.length)
  );
}

/** Renames options and values in place (same shape), keeping their ids. */
export async function renameOptions(
  tx: Db,
  ctx: ShopContext,
  structure: OptionStructure,
  options: ParsedOption[],
): Promise<void> {
  const shopId = ctx.shop.id;
  for (const [i, o] of structure.entries()) {
    const input = options[i]!;
    await tx
      .update(productOptions)
      .set({ name: input.name })
      .where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, o.id)));
    for (const [j, valueId] of o.valueIds.entries()) {
      await tx
        .update(productOptionValues)
        .set({ label: input.values[j]! })
        .where(and(eq(productOptionValues.shopId, shopId), eq(productOptionValues.id, valueId)));
    }
  }
}

/** Deletes every option of a product (their values and variant links cascade). */
export async function deleteOptions(tx: Db, shopId: string, productId: string): Promise<void> {
  await tx
    .delete(productOptions)
    .where(and(eq(productOptions.shopId, shopId), eq(productOptions.productId, productId)));
}

/** Maps a variant's value indexes to value ids. Indexes were checked against the shape. */
export function valueIdsFor(structure: OptionStructure, indexes: number[]): string[] {
  return indexes.map((index, o) => structure[o]!.valueIds[index]!);
}
