import {
  LOCALES,
  type PricingSettingsView,
  ROUNDING_RULES,
  type ShopImages,
  type ShopSettings,
  type Translate,
} from '@aldea/core';
import { ApiTokensCard } from '../api-tokens/token-pages.js';
import type { FieldErrors } from '../http/field-errors.js';
import type { Links } from '../links.js';
import type { MessageKey } from '../messages/index.js';
import {
  CheckboxField,
  CsrfField,
  FormProblem,
  type FormValues,
  SelectField,
  TextArea,
  TextField,
} from '../ui/fields.js';
import { ruleText } from './price-preview.js';
import { type ShopImageProblem, ShopImagesSection } from './shop-images-section.js';

/** Buyer currencies offered as checkboxes (others can be typed in the extra field). */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'MXN',
  'CAD',
  'AUD',
  'KRW',
  'SGD',
  'HKD',
  'CHF',
  'IDR',
  'ZAR',
  'BRL',
] as const;

export type SettingsSection =
  | 'profile'
  | 'languages'
  | 'currencies'
  | 'pricing'
  | 'domain'
  | 'status';

export interface SettingsPageProps {
  t: Translate<MessageKey>;
  links: Links;
  csrf: string;
  settings: ShopSettings;
  /** The language whose texts the profile form edits. */
  textLocale: string;
  /** The section that failed, with the input to show again. */
  failed?: { section: SettingsSection; values: FormValues; errors: FieldErrors };
  /** The margin and the rounding rule in force per converted currency. */
  pricing: PricingSettingsView;
  /** The logo and banner, and a refused upload of one of them to show again. */
  images: ShopImages;
  imageProblem?: ShopImageProblem | undefined;
  maxUploadMegabytes: number;
}

function valuesFor(p: SettingsPageProps, section: SettingsSection): FormValues | undefined {
  return p.failed?.section === section ? p.failed.values : undefined;
}
function errorsFor(p: SettingsPageProps, section: SettingsSection): FieldErrors | undefined {
  return p.failed?.section === section ? p.failed.errors : undefined;
}

function Profile(p: SettingsPageProps) {
  const { t, links, settings } = p;
  const texts = settings.texts[p.textLocale];
  const values = valuesFor(p, 'profile');
  const errors = errorsFor(p, 'profile');
  const action = links.shop(settings.id, '/settings/profile');
  return (
    <section class="card" id="profile">
      <h2>{t('settings.profile')}</h2>
      <nav class="pills" aria-label={t('lang.label')}>
        {settings.locales.map((l) => (
          <a
            href={`${links.shop(settings.id, '/settings')}?locale=${l}#profile`}
            aria-current={l === p.textLocale ? 'true' : undefined}
            lang={l}
          >
            {t(`lang.${l as (typeof LOCALES)[number]}`)}
          </a>
        ))}
      </nav>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <form method="post" action={action} lang={p.textLocale}>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="locale" value={p.textLocale} />
        <TextField
          name="texts.name"
          label={t('settings.name')}
          value={texts?.name}
          values={values}
          errors={errors}
          maxlength={120}
          required
        />
        <TextField
          name="texts.tagline"
          label={t('settings.tagline')}
          value={texts?.tagline}
          values={values}
          errors={errors}
          maxlength={200}
        />
        <TextArea
          name="texts.story"
          label={t('settings.story')}
          hint={t('settings.storyHint')}
          value={texts?.story}
          values={values}
          errors={errors}
          rows={6}
        />
        <TextArea
          name="texts.shippingPolicy"
          label={t('settings.shippingPolicy')}
          value={texts?.shippingPolicy}
          values={values}
          errors={errors}
        />
        <TextArea
          name="texts.returnsPolicy"
          label={t('settings.returnsPolicy')}
          value={texts?.returnsPolicy}
          values={values}
          errors={errors}
        />
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function Languages(p: SettingsPageProps) {
  const { t, links, settings } = p;
  const errors = errorsFor(p, 'languages');
  return (
    <section class="card" id="languages">
      <h2>{t('settings.languages')}</h2>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <form method="post" action={links.shop(settings.id, '/settings/languages')}>
        <CsrfField token={p.csrf} />
        <SelectField
          name="defaultLocale"
          label={t('settings.defaultLocale')}
          value={settings.defaultLocale}
          values={valuesFor(p, 'languages')}
          errors={errors}
          options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        />
        <fieldset>
          <legend>{t('settings.locales')}</legend>
          {LOCALES.map((l) => (
            <CheckboxField
              name="locales"
              value={l}
              label={t(`lang.${l}`)}
              checked={settings.locales.includes(l)}
            />
          ))}
        </fieldset>
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}

function Currencies(p: SettingsPageProps) {
  const { t, links, settings } = p;
  const errors = errorsFor(p, 'currencies');
  const offered = new Set(settings.buyerCurrencies);
  const choices = [...new Set([...COMMON_CURRENCIES, ...settings.buyerCurrencies])].filter(
    (c) => c !== settings.baseCurrency,
  );
  return (
    <section class="card" id="currencies">
      <h2>{t('settings.currencies')}</h2>
      <p>{t('settings.baseCurrency', { currency: settings.baseCurrency })}</p>
      <p class="hint">{t('settings.currenciesHint')}</p>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <form method="post" action={links.shop(settings.id, '/settings/currencies')}>
        <CsrfField token={p.csrf} />
        <fieldset class="columns">
          <legend class="visually-hidden">{t('settings.currencies')}</legend>
          {choices.map((code) => (
            <CheckboxField
              name="currencies"
              value={code}
              label={code}
              checked={offered.has(code)}
            />
          ))}
        </fieldset>
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}

function Pricing(p: SettingsPageProps) {
  const { t, links, settings, pricing } = p;
  const errors = errorsFor(p, 'pricing');
  const values = valuesFor(p, 'pricing');
  const percent = (pricing.marginBps / 100).toString();
  return (
    <section class="card" id="pricing">
      <h2>{t('settings.rounding')}</h2>
      <FormProblem errors={errors} text={t('common.fixErrors')} />
      <form method="post" action={links.shop(settings.id, '/settings/margin')}>
        <CsrfField token={p.csrf} />
        <TextField
          name="percent"
          label={t('settings.margin')}
          hint={t('settings.marginHint')}
          inputmode="decimal"
          value={percent}
          values={values}
          errors={errors}
        />
        <button type="submit">{t('common.save')}</button>
      </form>
      {pricing.rules.map((rule) => (
        <form method="post" action={links.shop(settings.id, '/settings/rounding')}>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="currency" value={rule.currency} />
          <SelectField
            name="rounding"
            label={t('settings.roundingRule', { currency: rule.currency })}
            value={rule.rounding}
            values={values?.currency === rule.currency ? values : undefined}
            errors={values?.currency === rule.currency ? errors : undefined}
            options={ROUNDING_RULES.map((r) => ({ value: r, label: ruleText(t, r, false) }))}
          />
          <CheckboxField
            name="neverBelow"
            label={t('settings.neverBelow')}
            checked={rule.neverBelow}
          />
          <button type="submit">{t('common.save')}</button>
        </form>
      ))}
    </section>
  );
}

function Domain(p: SettingsPageProps) {
  const { t, links, settings } = p;
  return (
    <section class="card" id="domain">
      <h2>{t('settings.domain')}</h2>
      <form method="post" action={links.shop(settings.id, '/settings/domain')}>
        <CsrfField token={p.csrf} />
        <TextField
          name="domain"
          label={t('settings.domainLabel')}
          hint={t('settings.domainHint')}
          value={settings.customDomain ?? ''}
          values={valuesFor(p, 'domain')}
          errors={errorsFor(p, 'domain')}
          inputmode="text"
          maxlength={253}
        />
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}

function Status(p: SettingsPageProps) {
  const { t, links, settings } = p;
  const live = settings.status === 'live';
  return (
    <section class="card" id="status">
      <h2>{t('settings.status')}</h2>
      <p>{t('settings.statusNow', { status: t(`status.${settings.status}`) })}</p>
      <p class="hint">{t('settings.pauseHint')}</p>
      <form method="post" action={links.shop(settings.id, '/settings/status')}>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="status" value={live ? 'paused' : 'live'} />
        <button type="submit" class={live ? 'danger' : 'primary'}>
          {live ? t('settings.pause') : t('settings.goLive')}
        </button>
      </form>
    </section>
  );
}

/** Every shop setting the owner manages, one form per section. */
export function SettingsPage(p: SettingsPageProps) {
  return (
    <>
      <h1>{p.t('settings.title')}</h1>
      <Profile {...p} />
      <ShopImagesSection
        t={p.t}
        links={p.links}
        csrf={p.csrf}
        shopId={p.settings.id}
        images={p.images}
        problem={p.imageProblem}
        maxMegabytes={p.maxUploadMegabytes}
      />
      <Languages {...p} />
      <Currencies {...p} />
      <Pricing {...p} />
      <Domain {...p} />
      <Status {...p} />
      <ApiTokensCard t={p.t} href={p.links.shop(p.settings.id, '/settings/api-tokens')} />
    </>
  );
}
