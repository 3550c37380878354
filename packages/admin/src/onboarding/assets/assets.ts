import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The onboarding stylesheet with a content-fingerprinted name (cached forever). */
export interface OnboardingAsset {
  body: string;
  file: string;
}

let cached: OnboardingAsset | undefined;

/** Loaded once per process. */
export function onboardingCss(): OnboardingAsset {
  if (!cached) {
    const body = readFileSync(new URL('./onboarding.css', import.meta.url), 'utf8');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    cached = { body, file: `onboarding.${hash}.css` };
  }
  return cached;
}
