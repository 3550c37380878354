import {
  LOCALES,
  type Locale,
  type OperatorUserRow,
  type Translate,
  type VillageView,
} from '@aldea/core';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import { CsrfField, FormProblem, type FormValues, SelectField, TextField } from '../ui/fields.js';

/** Every user with where they work; create users, add them to shops, make trainers, disable. */
export function UsersPage(p: {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  locale: Locale;
  users: OperatorUserRow[];
  villages: VillageView[];
  q: string | undefined;
  nextHref: string | null;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t, links, csrf, values, errors } = p;
  const userAction = (id: string, what: string) => links.operator(`/users/${id}/${what}`);
  return (
    <>
      <h1>{t('operator.users')}</h1>
      <form method="get" action={links.operator('/users')} class="inline">
        <TextField name="q" label={t('common.search')} value={p.q ?? ''} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <ul class="list users">
        {p.users.map((u) => (
          <li>
            <p>
              <strong>{u.name}</strong>{' '}
              {u.isOperator && <span class="badge">{t('role.operator')}</span>}
              {u.disabled && <span class="badge paused">{t('operator.disabled')}</span>}
              {!u.hasPassword && <span class="badge">{t('operator.noPassword')}</span>}
            </p>
            <p class="muted small">
              {[u.email, u.phone].filter(Boolean).join(' · ')} · <code>{u.id}</code>
            </p>
            <p class="small">
              {u.memberships.map((m) => `${m.shopSlug} (${t(`role.${m.role}`)})`).join(', ')}
              {u.trainerOf.length > 0 &&
                ` · ${t('role.trainer')}: ${u.trainerOf.map((v) => v.villageSlug).join(', ')}`}
            </p>
            <details>
              <summary>{t('common.edit')}</summary>
              <form method="post" action={userAction(u.id, 'membership')} class="inline">
                <CsrfField token={csrf} />
                <TextField name="shopId" label={t('operator.shopId')} />
                <SelectField
                  name="role"
                  label={t('operator.role')}
                  options={[
                    { value: 'owner', label: t('role.owner') },
                    { value: 'staff', label: t('role.staff') },
                  ]}
                />
                <button type="submit">{t('operator.grant')}</button>
              </form>
              <form method="post" action={userAction(u.id, 'trainer')} class="inline">
                <CsrfField token={csrf} />
                <SelectField
                  name="villageId"
                  label={t('operator.villageId')}
                  options={p.villages.map((v) => ({ value: v.id, label: v.name }))}
                />
                <button type="submit">{t('operator.assignTrainer')}</button>
              </form>
              <form method="post" action={userAction(u.id, 'reset')} class="inline">
                <CsrfField token={csrf} />
                <button type="submit">{t('operator.sendReset')}</button>
              </form>
              <form
                method="post"
                action={userAction(u.id, u.disabled ? 'enable' : 'disable')}
                class="inline"
              >
                <CsrfField token={csrf} />
                <button type="submit" class={u.disabled ? '' : 'danger'}>
                  {u.disabled ? t('operator.enable') : t('operator.disable')}
                </button>
              </form>
            </details>
          </li>
        ))}
      </ul>
      {p.nextHref && (
        <p>
          <a href={p.nextHref}>{t('common.next')}</a>
        </p>
      )}
      <section class="card">
        <h2>{t('operator.newUser')}</h2>
        <FormProblem errors={errors} text={t('common.fixErrors')} />
        <form method="post" action={links.operator('/users')} novalidate>
          <CsrfField token={csrf} />
          <TextField name="name" label={t('operator.userName')} values={values} errors={errors} />
          <TextField
            name="email"
            type="email"
            label={t('operator.email')}
            values={values}
            errors={errors}
          />
          <TextField
            name="phone"
            type="tel"
            label={t('operator.phone')}
            values={values}
            errors={errors}
          />
          <SelectField
            name="locale"
            label={t('operator.userLocale')}
            options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
            values={values}
            errors={errors}
          />
          <button type="submit" class="primary">
            {t('common.create')}
          </button>
        </form>
      </section>
    </>
  );
}
