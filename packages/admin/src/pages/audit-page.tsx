import type { AuditEntryView, Locale, Translate } from '@aldea/core';
import type { MessageKey } from '../messages/index.js';
import { formatDateTime } from '../ui/format.js';

const ROLES = new Set(['owner', 'staff', 'trainer', 'operator', 'system']);

function summary(data: Record<string, unknown> | null): string {
  if (!data) return '';
  const text = JSON.stringify(data);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The shop's activity log, newest first, with a link to the next page. */
export function AuditPage({
  t,
  locale,
  items,
  nextHref,
}: {
  t: Translate<MessageKey>;
  locale: Locale;
  items: AuditEntryView[];
  nextHref: string | null;
}) {
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="hint">{t('audit.intro')}</p>
      {items.length === 0 ? (
        <p class="card">{t('audit.empty')}</p>
      ) : (
        <ol class="list audit">
          {items.map((e) => (
            <li>
              <p>
                <time datetime={e.createdAt.toISOString()}>
                  {formatDateTime(locale, e.createdAt)}
                </time>
              </p>
              <p>
                <strong>{e.actorName ?? t('audit.system')}</strong>
                {ROLES.has(e.actorRole) && (
                  <span class="muted"> · {t(`role.${e.actorRole as 'owner'}`)}</span>
                )}
              </p>
              <p>
                <code>{e.action}</code> <span class="muted">{e.entityId}</span>
              </p>
              {e.data && <p class="muted small">{summary(e.data)}</p>}
            </li>
          ))}
        </ol>
      )}
      {nextHref && (
        <p>
          <a href={nextHref} rel="next">
            {t('common.next')}
          </a>
        </p>
      )}
    </>
  );
}
