import { LOCALES, missingMessageKeys, translator } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { catalogues } from './index.js';

describe('storefront message catalogues', () => {
  it('have every key in every language, and no stray ones', () => {
    expect(missingMessageKeys(catalogues)).toEqual([]);
  });

  it('keep every placeholder of the English source in each translation', () => {
    for (const locale of LOCALES) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect([locale, key, names(catalogues[locale][key])]).toEqual([
          locale,
          key,
          names(en[key]),
        ]);
      }
    }
  });

  it('pluralise with each language’s rules', () => {
    expect(translator(catalogues, 'es-MX').plural('product.fewLeft', 1)).toBe('Solo queda 1');
    expect(translator(catalogues, 'es-MX').plural('product.fewLeft', 3)).toBe('Solo quedan 3');
    expect(translator(catalogues, 'zh-CN').plural('product.fewLeft', 3)).toBe('仅剩 3 件');
  });
});
