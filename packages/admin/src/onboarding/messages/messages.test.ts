import { missingMessageKeys } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { onboardingCatalogues } from './index.js';

describe('onboarding messages', () => {
  it('has every key in every language, and no extra ones', () => {
    expect(missingMessageKeys(onboardingCatalogues)).toEqual([]);
  });
});
