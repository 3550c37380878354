import { listCountries } from '@aldea/core';
import type { CheckoutUi } from '../ui.js';
import { Field, type FieldErrors, Notice, Steps } from './parts.js';

/** What the contact form shows: the buyer's input (kept on error) and the errors. */
export interface ContactForm {
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
}

/** Step 1: email and shipping address, validated per country by core. */
export function ContactPage({ ui, form }: { ui: CheckoutUi; form: ContactForm }) {
  const { t } = ui;
  const v = (name: string) => form.values[name] ?? '';
  const countryError = form.errors.country;
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <Steps ui={ui} current="contact" />
      <h2>{t('contact.title')}</h2>
      {Object.keys(form.errors).length > 0 && <Notice kind="bad" text={t('checkout.fix')} />}
      <form
        method="post"
        action={ui.links.shop('/checkout/contact')}
        class="checkout-form"
        novalidate
      >
        <Field
          name="email"
          type="email"
          label={t('contact.email')}
          hint={t('contact.emailHint')}
          value={v('email')}
          errors={form.errors}
          autocomplete="email"
          required
          maxlength={254}
        />
        <Field
          name="name"
          label={t('contact.name')}
          value={v('name')}
          errors={form.errors}
          autocomplete="name"
          required
          maxlength={100}
        />
        <div class="field">
          <label for="f-country">{t('contact.country')}</label>
          <select
            id="f-country"
            name="country"
            required
            autocomplete="country"
            aria-invalid={countryError ? 'true' : undefined}
            aria-describedby={countryError ? 'f-country-error' : undefined}
          >
            <option value="">—</option>
            {listCountries(ui.locale).map((c) => (
              <option value={c.code} selected={c.code === v('country').toUpperCase()}>
                {c.name}
              </option>
            ))}
          </select>
          {countryError && (
            <span class="field-error" id="f-country-error">
              {countryError}
            </span>
          )}
        </div>
        <Field
          name="line1"
          label={t('contact.line1')}
          value={v('line1')}
          errors={form.errors}
          autocomplete="address-line1"
          required
        />
        <Field
          name="line2"
          label={t('contact.line2')}
          value={v('line2')}
          errors={form.errors}
          autocomplete="address-line2"
        />
        <Field
          name="city"
          label={t('contact.city')}
          value={v('city')}
          errors={form.errors}
          autocomplete="address-level2"
          required
          maxlength={80}
        />
        <Field
          name="region"
          label={t('contact.region')}
          value={v('region')}
          errors={form.errors}
          autocomplete="address-level1"
          maxlength={80}
        />
        <Field
          name="postalCode"
          label={t('contact.postalCode')}
          value={v('postalCode')}
          errors={form.errors}
          autocomplete="postal-code"
          maxlength={16}
        />
        <Field
          name="phone"
          type="tel"
          label={t('contact.phone')}
          value={v('phone')}
          errors={form.errors}
          autocomplete="tel"
          maxlength={24}
        />
        <p>
          <button class="btn" type="submit">
            {t('checkout.continue')}
          </button>
        </p>
      </form>
      <p>
        <a href={ui.links.shop('/cart')}>{t('checkout.cart')}</a>
      </p>
    </>
  );
}
