import { describe, expect, it } from 'vitest';
import { localizedTexts } from './localized-option.js';

describe('localizedTexts', () => {
  it('puts unprefixed values in the default locale and prefixed ones in theirs', () => {
    expect(
      localizedTexts('zh-CN', {
        name: ['白牛村', 'en=Bainiu'],
        region: ["en=Lin'an, Hangzhou"],
        story: undefined,
      }),
    ).toEqual({ 'zh-CN': { name: '白牛村' }, en: { name: 'Bainiu', region: "Lin'an, Hangzhou" } });
  });

  it('keeps an "=" that is not a locale prefix as text', () => {
    expect(localizedTexts('en', { name: ['a=b'] })).toEqual({ en: { name: 'a=b' } });
  });
});
