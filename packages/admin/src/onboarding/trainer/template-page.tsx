import type { ShopTemplateView, Translate } from '@aldea/core';
import type { FieldErrors } from '../../http/field-errors.js';
import {
  CsrfField,
  FormProblem,
  type FormValues,
  SelectField,
  TextField,
} from '../../ui/fields.js';
import type { OnboardingMessageKey } from '../messages/index.js';

/** The form that opens a new shop from a template in one of the trainer's villages. */
export function NewShopFromTemplatePage(props: {
  t: Translate<OnboardingMessageKey>;
  csrf: string;
  action: string;
  template: ShopTemplateView;
  villages: { id: string; name: string; defaultCurrency: string }[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props;
  return (
    <section class="card narrow">
      <h1>{t('template.newShop', { name: props.template.name })}</h1>
      <p class="muted">
        {t('template.contents', {
          collections: props.template.collections,
          zones: props.template.shippingZones,
          products: props.template.products,
          currency: props.template.baseCurrency,
        })}
      </p>
      <FormProblem errors={props.errors} text={t('common.fix')} />
      <form method="post" action={props.action}>
        <CsrfField token={props.csrf} />
        <SelectField
          name="villageId"
          label={t('template.village')}
          values={props.values}
          errors={props.errors}
          options={props.villages.map((v) => ({
            value: v.id,
            label: `${v.name} (${v.defaultCurrency})`,
          }))}
        />
        <TextField
          name="name"
          label={t('template.shopName')}
          values={props.values}
          errors={props.errors}
          required
        />
        <TextField
          name="slug"
          label={t('template.slug')}
          values={props.values}
          errors={props.errors}
          required
        />
        <TextField
          name="baseCurrency"
          label={t('template.currency')}
          hint={t('common.optional')}
          values={props.values}
          errors={props.errors}
          maxlength={3}
        />
        <button type="submit" class="button primary">
          {t('template.create')}
        </button>
      </form>
    </section>
  );
}
