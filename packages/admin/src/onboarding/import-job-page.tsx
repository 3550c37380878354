import type { ImportJobView, Translate } from '@aldea/core';
import type { OnboardingMessageKey } from './messages/index.js';

type T = Translate<OnboardingMessageKey>;

/** Seconds between reloads of a running import's page. */
export const IMPORT_REFRESH_SECONDS = 2;

/**
 * A background import that is not finished yet (queued or running), or that
 * failed: a progress bar with the phase in words, reloading itself every two
 * seconds without JavaScript until the job ends. A finished job is shown by
 * the import page itself, with the same report as a direct import.
 */
export function ImportJobPage(props: { t: T; styles: string; job: ImportJobView; back: string }) {
  const { t, job } = props;
  const failed = job.status === 'failed';
  const doing = job.phase ? t(`importJob.phase.${job.phase}`) : t('importJob.queued');
  return (
    <>
      <link rel="stylesheet" href={props.styles} />
      {!failed && <meta http-equiv="refresh" content={String(IMPORT_REFRESH_SECONDS)} />}
      <p class="small">
        <a href={props.back}>← {t('importJob.again')}</a>
      </p>
      <h1>{t('importJob.title', { file: job.file.name })}</h1>
      <section class="card" id="import-job">
        {failed ? (
          <>
            <p class="notice error" role="alert">
              {t('importJob.failed')}
            </p>
            <p>{t('importJob.failedHint')}</p>
            <p>
              <a class="button" href={props.back}>
                {t('importJob.again')}
              </a>
            </p>
          </>
        ) : (
          <>
            <p role="status">
              {doing} {t('importJob.percent', { percent: job.progress })}
            </p>
            <progress class="import-bar" max={100} value={job.progress}>
              {job.progress}%
            </progress>
            <p class="hint">{t('importJob.refresh')}</p>
          </>
        )}
      </section>
    </>
  );
}
