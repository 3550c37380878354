import { defineCatalogues, type Locale, type Translate, translator } from '@aldea/core';
import { type OnboardingMessageKey, onboardingEn } from './en.js';
import { onboardingEsMX } from './es-MX.js';
import { onboardingZhCN } from './zh-CN.js';

export type { OnboardingMessageKey };

/** The onboarding screens' strings in every shipped language. */
export const onboardingCatalogues = defineCatalogues(onboardingEn, {
  'zh-CN': onboardingZhCN,
  'es-MX': onboardingEsMX,
});

const cache = new Map<Locale, Translate<OnboardingMessageKey>>();

/** The onboarding screens' translate function for a locale (made once per locale). */
export function onboardingTranslator(locale: Locale): Translate<OnboardingMessageKey> {
  let t = cache.get(locale);
  if (!t) {
    t = translator(onboardingCatalogues, locale);
    cache.set(locale, t);
  }
  return t;
}
