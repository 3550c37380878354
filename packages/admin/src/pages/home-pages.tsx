import type { AccessibleShop, Locale, TrainerVillage, Translate } from '@aldea/core';
import { LOCALES } from '@aldea/core';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField, SelectField } from '../ui/fields.js';

/** The shops a person works in, grouped by village. */
export function HomePage({
  t,
  links,
  shops,
  villages,
}: {
  t: Translate<MessageKey>;
  links: Links;
  shops: AccessibleShop[];
  villages: TrainerVillage[];
}) {
  return (
    <>
      <h1>{t('home.title')}</h1>
      {shops.length === 0 ? (
        <p class="card">{t('home.empty')}</p>
      ) : (
        <ul class="list">
          {shops.map((s) => (
            <li>
              <a href={links.shop(s.id)} class="row-link">
                <strong>{s.name}</strong>
                <span class={`badge ${s.status}`}>{t(`status.${s.status}`)}</span>
              </a>
              <span class="muted">
                {t('home.village', { name: s.villageName })} · {t(`role.${s.role}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {villages.length > 0 && (
        <section>
          <h2>{t('home.trainerOf')}</h2>
          <ul class="inline-list">
            {villages.map((v) => (
              <li>
                <a href={links.to(`/trainer/v/${encodeURIComponent(v.id)}`)}>{v.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The person's own account: language, and sign out everywhere. */
export function AccountPage({
  t,
  links,
  csrf,
  name,
  locale,
  sessions,
}: {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  name: string;
  locale: Locale;
  sessions: number;
}) {
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p>{name}</p>
      <section class="card">
        <form method="post" action={links.to('/account/language')}>
          <CsrfField token={csrf} />
          <SelectField
            name="locale"
            label={t('account.language')}
            value={locale}
            options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
          />
          <button type="submit">{t('common.save')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{t('account.signOutEverywhere')}</h2>
        <p>{t('account.sessions', { count: sessions })}</p>
        <p class="hint">{t('account.signOutEverywhereHint')}</p>
        <form method="post" action={links.to('/account/sign-out-everywhere')}>
          <CsrfField token={csrf} />
          <button type="submit" class="danger">
            {t('account.signOutEverywhere')}
          </button>
        </form>
      </section>
    </>
  );
}
