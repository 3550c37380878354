import { describe, expect, it } from 'vitest';
import {
  mergeOptionLabels,
  parseProductForm,
  toFormPath,
  variantRowCount,
} from './product-form.js';

const ctx = {
  locales: ['es-MX', 'en'],
  sellerLocale: 'es-MX' as const,
  buyerCurrencies: ['MXN', 'USD', 'EUR'],
  baseCurrency: 'MXN',
};

function form(fields: Record<string, string>, all: Record<string, string[]> = {}) {
  return { fields, all: (n: string) => all[n] ?? [] };
}

describe('parseProductForm', () => {
  it('turns flat fields into core input: texts, one version, typed price passed through', () => {
    const { input, issues } = parseProductForm(
      form({
        'texts.es-MX.title': ' Molcajete ',
        'texts.es-MX.description': 'De piedra',
        'variants.0.price': '850',
        'variants.0.stockOnHand': '３',
        'variants.0.weightGrams': '4200',
      }),
      ctx,
    );
    expect(issues).toEqual([]);
    expect(input.texts).toEqual({
      'es-MX': {
        title: 'Molcajete',
        description: 'De piedra',
        materials: '',
        care: '',
        source: 'human',
      },
    });
    expect(input.variants).toHaveLength(1);
    expect(input.variants[0]).toMatchObject({
      price: '850',
      stockOnHand: 3,
      weightGrams: 4200,
      madeToOrder: false,
      processingDaysMin: 0,
      processingDaysMax: 0,
      optionValues: [],
    });
    expect(input.variants[0]!.sku).toMatch(/^A-[0-9A-Z]{8}$/);
  });

  it('names each bad field with a message key, and needs a title in the seller’s language only', () => {
    const { issues } = parseProductForm(
      form({
        'texts.es-MX.title': '',
        'texts.en.description': 'only a description',
        'variants.0.price': '1',
        'variants.0.stockOnHand': '-1',
        'variants.0.weightGrams': '4.5 kg',
        'variants.0.fixedPrices.USD': '12.345',
      }),
      ctx,
    );
    expect(
      issues.map((i) => [i.path, i.message.startsWith('field.') ? i.message : i.code]),
    ).toEqual([
      ['texts.es-MX.title', 'field.required'],
      ['texts.en.title', 'field.required'],
      ['variants.0.fixedPrices.USD', 'too_many_decimals'],
      ['variants.0.stockOnHand', 'field.nonNegative'],
      ['variants.0.weightGrams', 'field.number'],
    ]);
  });

  it('builds options from the values each version typed, equal values once', () => {
    const { input, issues } = parseProductForm(
      form({
        'texts.es-MX.title': 'Molcajete',
        'options.0.name': 'Tamaño',
        'options.1.name': 'Acabado',
        'variants.0.option.0': 'Chico',
        'variants.0.option.1': 'Natural',
        'variants.0.price': '850',
        'variants.0.weightGrams': '3000',
        'variants.1.option.0': 'Grande',
        'variants.1.option.1': 'Natural',
        'variants.1.price': '1350',
        'variants.1.weightGrams': '6000',
        'variants.2.option.0': 'Grande',
        'variants.2.option.1': '',
        'variants.2.price': '1400',
        'variants.2.weightGrams': '6000',
      }),
      ctx,
    );
    expect(issues).toEqual([{ path: 'variants.2.option.1', message: 'field.required' }]);
    expect(input.options).toEqual([
      { name: { 'es-MX': 'Tamaño' }, values: [{ 'es-MX': 'Chico' }, { 'es-MX': 'Grande' }] },
      { name: { 'es-MX': 'Acabado' }, values: [{ 'es-MX': 'Natural' }] },
    ]);
    expect(input.variants.map((v) => v.optionValues)).toEqual([
      [0, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it('skips empty rows, removes ticked existing versions, reads fixed prices in minor units', () => {
    const { input, issues } = parseProductForm(
      form(
        {
          'texts.es-MX.title': 'Molcajete',
          'variants.0.id': 'var_1',
          'variants.0.sku': 'MOL-1',
          'variants.0.price': '850',
          'variants.0.weightGrams': '3000',
          'variants.0.fixedPrices.USD': '45',
          'variants.0.madeToOrder': 'on',
          'variants.0.processingDaysMin': '5',
          'variants.1.id': 'var_2',
          'variants.1.remove': 'on',
          'variants.2.price': '',
          'variants.2.sku': '',
        },
        { collectionIds: ['col_1'] },
      ),
      ctx,
    );
    expect(issues).toEqual([]);
    expect(input.variants).toEqual([
      expect.objectContaining({
        id: 'var_1',
        sku: 'MOL-1',
        fixedPrices: { USD: 4500 },
        madeToOrder: true,
        processingDaysMin: 5,
        processingDaysMax: 5,
      }),
    ]);
    expect(input.removeVariantIds).toEqual(['var_2']);
    expect(input.collectionIds).toEqual(['col_1']);
  });
});

describe('form helpers', () => {
  it('counts variant rows and maps core paths onto fields', () => {
    expect(variantRowCount({ 'variants.0.price': '1', 'variants.4.sku': 'x', other: 'y' })).toBe(5);
    expect(variantRowCount({})).toBe(0);
    expect(toFormPath('variants.2.optionValues')).toBe('variants.2.option.0');
    expect(toFormPath('variants.2.optionValues.1')).toBe('variants.2.option.1');
    expect(toFormPath('variants.2.price')).toBe('variants.2.price');
  });

  it('keeps other languages of option names and unchanged values when renaming', () => {
    const existing = [
      {
        id: 'opt_1',
        name: 'Tamaño',
        names: { 'es-MX': 'Tamaño', en: 'Size' },
        values: [
          { id: 'v1', label: 'Chico', labels: { 'es-MX': 'Chico', en: 'Small' } },
          { id: 'v2', label: 'Grande', labels: { 'es-MX': 'Grande', en: 'Large' } },
        ],
      },
    ];
    const merged = mergeOptionLabels(
      [{ name: { 'es-MX': 'Medida' }, values: [{ 'es-MX': 'Chico' }, { 'es-MX': 'Enorme' }] }],
      existing as never,
      'es-MX',
    );
    expect(merged).toEqual([
      {
        name: { 'es-MX': 'Medida', en: 'Size' },
        values: [{ 'es-MX': 'Chico', en: 'Small' }, { 'es-MX': 'Enorme' }],
      },
    ]);
  });
});
