import { describe, expect, it } from 'vitest';
import { defineCatalogues, missingMessageKeys, translator } from './messages.js';

const en = { hello: 'Hello, {name}', 'items.one': '{count} item', 'items.other': '{count} items' };
const zh = { hello: '你好，{name}', 'items.one': '{count} 件', 'items.other': '{count} 件' };
const es = {
  hello: 'Hola, {name}',
  'items.one': '{count} artículo',
  'items.other': '{count} artículos',
};

describe('translator', () => {
  const catalogues = defineCatalogues(en, { 'zh-CN': zh, 'es-MX': es });

  it('fills placeholders in the requested language', () => {
    expect(translator(catalogues, 'es-MX')('hello', { name: 'Lupita' })).toBe('Hola, Lupita');
    expect(translator(catalogues, 'zh-CN')('hello', { name: '王' })).toBe('你好，王');
  });

  it('picks plural forms with Intl.PluralRules', () => {
    const t = translator(catalogues, 'en');
    expect(t.plural('items', 1)).toBe('1 item');
    expect(t.plural('items', 3)).toBe('3 items');
    expect(translator(catalogues, 'es-MX').plural('items', 0)).toBe('0 artículos');
  });

  it('leaves unknown placeholders visible rather than inventing text', () => {
    expect(translator(catalogues, 'en')('hello')).toBe('Hello, {name}');
  });

  it('reports keys missing or extra in a translation', () => {
    const broken = defineCatalogues(en, {
      'zh-CN': { hello: '你好', 'items.one': '', 'items.other': '件' },
      'es-MX': { ...es, stray: 'x' } as typeof es,
    });
    expect(missingMessageKeys(broken)).toEqual([
      { locale: 'zh-CN', key: 'items.one', problem: 'missing' },
      { locale: 'es-MX', key: 'stray', problem: 'extra' },
    ]);
    expect(missingMessageKeys(catalogues)).toEqual([]);
  });
});
