import { AldeaError, can, getPaymentSettings, isAldeaError, setPaymentSettings } from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { readForm } from '../http/form.js';
import { requires } from '../middleware/requires.js';
import { flashOf, renderPage } from '../ui/layout.js';
import { paymentErrors, readMethodsForm } from './payment-form.js';
import { type FailedPaymentForm, PaymentPage } from './payment-page.js';

type C = Context<AdminEnv>;

/** The language the instructions form edits: asked for, else the seller's, else the shop's. */
function textLocale(c: C, asked: string | undefined): string {
  const shop = c.get('shop').shop;
  for (const l of [asked, c.get('locale')]) if (l && shop.locales.includes(l)) return l;
  return shop.defaultLocale;
}

async function show(c: C, locale: string, failed?: FailedPaymentForm & { status: 400 | 403 }) {
  const shop = c.get('shop');
  const t = c.get('t');
  return renderPage(
    c,
    <PaymentPage
      t={t}
      locale={c.get('locale')}
      links={c.get('links')}
      csrf={c.get('csrfToken')}
      shopId={shop.shop.id}
      settings={await getPaymentSettings(shop)}
      locales={shop.shop.locales}
      textLocale={locale}
      cardOffered={Boolean(c.get('deps').payments.card)}
      canManagePayouts={can(shop.role, 'payouts.manage')}
      {...(failed ? { failed } : {})}
    />,
    {
      title: t('payments.title'),
      nav: 'shop',
      flash: flashOf(c),
      status: failed?.status ?? 200,
    },
  );
}

function saved(c: C, locale: string, anchor: string) {
  const url = c.get('links').shop(c.get('shop').shop.id, '/payments');
  return c.redirect(`${url}?ok=common.saved&locale=${encodeURIComponent(locale)}#${anchor}`, 303);
}

/**
 * The shop's payment settings: which ways buyers pay, the instructions for the
 * manual ones per language, how long a manual payment may take, where new-order
 * emails go (`settings.write`), and the Stripe connected account (owner:
 * `payouts.manage`). Core checks both again and audits every change.
 */
export function paymentRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const owner = requires('settings.write');

  app.get('/', owner, (c) => show(c, textLocale(c, c.req.query('locale'))));

  app.post('/', owner, async (c) => {
    const form = await readForm(c);
    const shop = c.get('shop');
    const locale = textLocale(c, form.fields.locale);
    try {
      const read = readMethodsForm(form.fields, form.all('methods'), {
        current: await getPaymentSettings(shop),
        locale,
        cardOffered: Boolean(c.get('deps').payments.card),
      });
      if (!read.ok) throw new AldeaError('VALIDATION', 'invalid form', read.issues);
      await setPaymentSettings(shop, read.data);
      return saved(c, locale, 'methods');
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      return show(c, locale, {
        form: 'methods',
        values: form.fields,
        ticked: form.all('methods'),
        errors: paymentErrors(c.get('t'), err.issues),
        status: 400,
      });
    }
  });

  app.post('/stripe', requires('payouts.manage'), async (c) => {
    const { fields } = await readForm(c);
    const typed = (fields.stripeAccountId ?? '').trim();
    const locale = textLocale(c, undefined);
    try {
      await setPaymentSettings(c.get('shop'), { stripeAccountId: typed || null });
      return saved(c, locale, 'stripe');
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      return show(c, locale, {
        form: 'stripe',
        values: fields,
        ticked: [],
        errors: paymentErrors(c.get('t'), err.issues),
        status: 400,
      });
    }
  });

  return app;
}
