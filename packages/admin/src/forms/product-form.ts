import {
  type CreateProductInput,
  type FieldIssue,
  isAldeaError,
  type Locale,
  type ProductDetail,
  parseAmount,
  toDecimalString,
  type UpdateProductInput,
} from '@aldea/core';
import { z } from 'zod';
import type { FormValues } from '../ui/fields.js';

/** At most this many option axes in the form (the catalog allows 3). */
export const MAX_OPTIONS = 3;

/** What the product form posts, already split into flat named fields. */
export interface ProductFormFields {
  fields: Record<string, string>;
  all(name: string): string[];
}

/** Form field names are core's input paths, so errors land next to their fields. */
export const productField = {
  text: (locale: string, f: 'title' | 'description' | 'materials' | 'care' | 'source') =>
    `texts.${locale}.${f}`,
  optionName: (o: number) => `options.${o}.name`,
  variant: (i: number, f: string) => `variants.${i}.${f}`,
  optionValue: (i: number, o: number) => `variants.${i}.option.${o}`,
  fixedPrice: (i: number, currency: string) => `variants.${i}.fixedPrices.${currency}`,
};

const F = productField;
const VARIANT_INDEX = /^variants\.(\d{1,3})\./;

/** How many variant rows the values describe. */
export function variantRowCount(values: FormValues): number {
  let max = -1;
  for (const key of Object.keys(values)) {
    const m = VARIANT_INDEX.exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function rowIsEmpty(f: Record<string, string>, i: number): boolean {
  if (f[F.variant(i, 'id')]) return false;
  const keys = Object.keys(f).filter((k) => k.startsWith(`variants.${i}.`));
  return keys.every((k) => k.endsWith('.madeToOrder') || !f[k]?.trim());
}

/**
 * A count typed in a form ("12", full-width "１２" too): the message is a
 * message key, translated when shown.
 */
export const WholeNumberField = z
  .string()
  .transform((v) => v.normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .refine((v) => !v.startsWith('-'), 'field.nonNegative')
      .refine((v) => v === '' || /^\d{1,9}$/.test(v), 'field.number'),
  );

function wholeNumber(
  f: Record<string, string>,
  name: string,
  issues: FieldIssue[],
  fallback?: number,
): number {
  const parsed = WholeNumberField.safeParse(f[name] ?? '');
  if (!parsed.success) {
    issues.push({ path: name, message: parsed.error.issues[0]?.message ?? 'field.number' });
    return 0;
  }
  if (parsed.data === '') {
    if (fallback !== undefined) return fallback;
    issues.push({ path: name, message: 'field.required' });
    return 0;
  }
  return Number(parsed.data);
}

/** A SKU for a version the seller left without one: short, unique enough, readable. */
export function generatedSku(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 8; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return `A-${s}`;
}

/** The parsed form: core input (create or update) plus the issues found before core saw it. */
export interface ParsedProductForm {
  input: CreateProductInput & Pick<UpdateProductInput, 'removeVariantIds'>;
  issues: FieldIssue[];
}

/**
 * Turns the product form into core's product input. Only the form's own shape
 * is checked here (numbers, option values present); core validates the rest
 * and its issues come back with the same paths as these field names.
 *
 * Options are named in the seller's language; each version types its value,
 * and equal values become one option value.
 */
export function parseProductForm(
  form: ProductFormFields,
  ctx: {
    locales: readonly string[];
    sellerLocale: Locale;
    buyerCurrencies: readonly string[];
    baseCurrency: string;
  },
): ParsedProductForm {
  const f = form.fields;
  const issues: FieldIssue[] = [];
  const texts: CreateProductInput['texts'] = {};
  for (const locale of ctx.locales) {
    const title = f[F.text(locale, 'title')]?.trim() ?? '';
    const description = f[F.text(locale, 'description')] ?? '';
    const materials = f[F.text(locale, 'materials')] ?? '';
    const care = f[F.text(locale, 'care')] ?? '';
    const anything = title || description.trim() || materials.trim() || care.trim();
    if (!anything && locale !== ctx.sellerLocale) continue;
    if (!title) {
      issues.push({ path: F.text(locale, 'title'), message: 'field.required' });
      continue;
    }
    texts[locale as Locale] = {
      title,
      description,
      materials,
      care,
      source: f[F.text(locale, 'source')] === 'machine' ? 'machine' : 'human',
    };
  }

  const optionNames: string[] = [];
  for (let o = 0; o < MAX_OPTIONS; o++) {
    const name = f[F.optionName(o)]?.trim();
    if (name) optionNames.push(name);
    else break;
  }
  const values: string[][] = optionNames.map(() => []);

  const rows = variantRowCount(f);
  const variants: CreateProductInput['variants'] = [];
  const removeVariantIds: string[] = [];
  for (let i = 0; i < rows; i++) {
    if (rowIsEmpty(f, i)) continue;
    const id = f[F.variant(i, 'id')]?.trim();
    if (id && f[F.variant(i, 'remove')]) {
      removeVariantIds.push(id);
      continue;
    }
    const optionValues = optionNames.map((_, o) => {
      const label = f[F.optionValue(i, o)]?.trim() ?? '';
      if (!label) {
        issues.push({ path: F.optionValue(i, o), message: 'field.required' });
        return 0;
      }
      const known = values[o]!.indexOf(label);
      if (known >= 0) return known;
      values[o]!.push(label);
      return values[o]!.length - 1;
    });
    const fixedPrices: Record<string, number> = {};
    for (const currency of ctx.buyerCurrencies) {
      if (currency === ctx.baseCurrency) continue;
      const name = F.fixedPrice(i, currency);
      const text = f[name]?.trim();
      if (!text) continue;
      try {
        fixedPrices[currency] = parseAmount(text, currency, {
          locale: ctx.sellerLocale,
          path: name,
        }).amountMinor;
      } catch (err) {
        if (isAldeaError(err, 'VALIDATION')) issues.push(...err.issues);
        else throw err;
      }
    }
    const madeToOrder = Boolean(f[F.variant(i, 'madeToOrder')]);
    const processingDaysMin = wholeNumber(f, F.variant(i, 'processingDaysMin'), issues, 0);
    variants.push({
      ...(id ? { id } : {}),
      sku: f[F.variant(i, 'sku')]?.trim() || generatedSku(),
      price: f[F.variant(i, 'price')] ?? '',
      fixedPrices,
      stockOnHand: wholeNumber(f, F.variant(i, 'stockOnHand'), issues, 0),
      weightGrams: wholeNumber(f, F.variant(i, 'weightGrams'), issues),
      madeToOrder,
      processingDaysMin,
      processingDaysMax: wholeNumber(
        f,
        F.variant(i, 'processingDaysMax'),
        issues,
        processingDaysMin,
      ),
      optionValues,
    } as CreateProductInput['variants'][number]);
  }

  const options = optionNames.map((name, o) => ({
    name: { [ctx.sellerLocale]: name },
    values: values[o]!.map((label) => ({ [ctx.sellerLocale]: label })),
  }));
  const slug = f.slug?.trim();
  const originCountry = f.originCountry?.trim();
  return {
    input: {
      ...(slug ? { slug } : {}),
      ...(originCountry ? { originCountry } : {}),
      originPlace: f.originPlace ?? '',
      texts,
      options,
      variants,
      collectionIds: form.all('collectionIds'),
      removeVariantIds,
    },
    issues,
  };
}

/** Maps core's issue paths onto the form's fields where they differ. */
export function toFormPath(path: string): string {
  // A variant's option combination: point at its first option value.
  const combo = /^variants\.(\d+)\.optionValues(?:\.(\d+))?$/.exec(path);
  if (combo) return F.optionValue(Number(combo[1]), Number(combo[2] ?? 0));
  return path;
}

/** The form's values for an existing product (what the edit page shows before any submit). */
export function productToValues(p: ProductDetail, sellerLocale: string): FormValues {
  const v: FormValues = {
    slug: p.slug,
    originPlace: p.originPlace,
    originCountry: p.originCountry ?? '',
  };
  for (const [locale, t] of Object.entries(p.textsByLocale ?? {})) {
    if (!t) continue;
    v[F.text(locale, 'title')] = t.title;
    v[F.text(locale, 'description')] = t.description;
    v[F.text(locale, 'materials')] = t.materials;
    v[F.text(locale, 'care')] = t.care;
    v[F.text(locale, 'source')] = t.source;
  }
  p.options.forEach((o, i) => {
    v[F.optionName(i)] = o.names[sellerLocale] ?? o.name;
  });
  p.variants.forEach((variant, i) => {
    v[F.variant(i, 'id')] = variant.id;
    v[F.variant(i, 'sku')] = variant.sku;
    v[F.variant(i, 'price')] = toDecimalString({
      amountMinor: variant.priceMinor,
      currency: p.baseCurrency,
    });
    v[F.variant(i, 'stockOnHand')] = String(variant.stockOnHand);
    v[F.variant(i, 'weightGrams')] = String(variant.weightGrams);
    if (variant.madeToOrder) v[F.variant(i, 'madeToOrder')] = 'on';
    v[F.variant(i, 'processingDaysMin')] = String(variant.processingDaysMin);
    v[F.variant(i, 'processingDaysMax')] = String(variant.processingDaysMax);
    p.options.forEach((o, oi) => {
      const value = o.values.find((x) => variant.optionValueIds.includes(x.id));
      if (value) v[F.optionValue(i, oi)] = value.labels[sellerLocale] ?? value.label;
    });
    for (const [currency, amountMinor] of Object.entries(variant.fixedPrices)) {
      if (amountMinor !== undefined) {
        v[F.fixedPrice(i, currency)] = toDecimalString({ amountMinor, currency });
      }
    }
  });
  return v;
}

/**
 * Keeps what the seller wrote in other languages when they rename options in
 * theirs: names of the same option position, labels of values whose
 * seller-language label did not change.
 */
export function mergeOptionLabels(
  typed: NonNullable<CreateProductInput['options']>,
  existing: ProductDetail['options'],
  sellerLocale: string,
): NonNullable<CreateProductInput['options']> {
  return typed.map((o, i) => {
    const before = existing[i];
    if (!before) return o;
    return {
      name: { ...before.names, ...o.name },
      values: o.values.map((label) => {
        const same = before.values.find(
          (v) => (v.labels[sellerLocale] ?? v.label) === label[sellerLocale as keyof typeof label],
        );
        return same ? { ...same.labels, ...label } : label;
      }),
    };
  });
}
