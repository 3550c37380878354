import { ONBOARDING_STEPS, type ShopProgress } from '@aldea/core';
import type { Context } from 'hono';
import type { AdminEnv } from '../../env.js';
import { onbLinks, ot } from '../http.js';

/**
 * The seller's next onboarding step, for the shop dashboard: where a seller
 * lands every day, so the checklist is never more than one tap away. Nothing
 * once every step is done.
 */
export function NextStepCard({ c, progress }: { c: Context<AdminEnv>; progress: ShopProgress }) {
  if (!progress.next) return null;
  const t = ot(c);
  const href = onbLinks(c).onboarding(progress.shopId);
  return (
    <section class="card">
      <h2>
        <a href={href}>{t('onboarding.title')}</a>
      </h2>
      <p>
        <strong>{t(`step.${progress.next}`)}</strong> — {t(`stepHelp.${progress.next}`)}
      </p>
      <p class="muted">
        {t('onboarding.steps', { done: progress.doneCount, total: ONBOARDING_STEPS.length })}{' '}
        <a class="button primary" href={href}>
          {t('stepHelp.go')}
        </a>
      </p>
    </section>
  );
}
