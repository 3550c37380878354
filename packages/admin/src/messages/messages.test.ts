import { LOCALES, missingMessageKeys } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { adminCatalogues, adminTranslator } from './index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin message catalogues', () => {
  it('has every key in every language (and no stray keys)', () => {
    expect(missingMessageKeys(adminCatalogues)).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    for (const locale of LOCALES) {
      const messages = adminCatalogues[locale] as Record<string, string>;
      for (const [key, source] of Object.entries(en)) {
        expect(placeholders(messages[key] ?? ''), `${locale} ${key}`).toEqual(placeholders(source));
      }
    }
  });

  it('translates into Chinese and Spanish', () => {
    expect(adminTranslator('zh-CN')('login.submit')).toBe('登录');
    expect(adminTranslator('es-MX')('login.submit')).toBe('Entrar');
  });
});
