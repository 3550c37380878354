import {
  AldeaError,
  createShippingRate,
  createShippingZone,
  deleteShippingRate,
  deleteShippingZone,
  isAldeaError,
  listShippingZones,
  notFound,
  type ShippingRateView,
  type ShippingZoneView,
  updateShippingRate,
  updateShippingZone,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AdminEnv } from '../env.js';
import { readForm } from '../http/form.js';
import type { MessageKey } from '../messages/index.js';
import { requires } from '../middleware/requires.js';
import type { FormValues } from '../ui/fields.js';
import { renderPage } from '../ui/layout.js';
import { RatePage } from './rate-page.js';
import { rateValues, readRateForm, readZoneForm, shippingErrors } from './shipping-forms.js';
import { ZonePage } from './zone-page.js';
import { type FailedForm, type ShippingPageProps, ZonesPage } from './zones-page.js';

type C = Context<AdminEnv>;

const FLASHES: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'shipping.flash.zoneSaved',
  'shipping.flash.zoneDeleted',
  'shipping.flash.rateSaved',
  'shipping.flash.rateDeleted',
]);

function pageProps(c: C): ShippingPageProps {
  const shop = c.get('shop');
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    links: c.get('links'),
    csrf: c.get('csrfToken'),
    shopId: shop.shop.id,
    currency: shop.shop.baseCurrency,
  };
}

function show(c: C, content: Child, status: 200 | 400 | 409 = 200) {
  const k = c.req.query('ok') as MessageKey | undefined;
  return renderPage(c, content, {
    title: c.get('t')('shipping.title'),
    nav: 'shop',
    status,
    ...(k && FLASHES.has(k) ? { flash: c.get('t')(k) } : {}),
  });
}

function redirect(c: C, path: string, flash: MessageKey) {
  return c.redirect(`${c.get('links').shop(c.get('shop').shop.id, path)}?ok=${flash}`, 303);
}

/** The language a rate's name is typed in: the seller's, when the shop sells in it. */
function nameLocale(c: C): string {
  const shop = c.get('shop').shop;
  return shop.locales.includes(c.get('locale')) ? c.get('locale') : shop.defaultLocale;
}

/** The zone the URL names; another shop's (or no) zone is a 404 before any form is read. */
async function loadZone(c: C): Promise<ShippingZoneView> {
  const zone = (await listShippingZones(c.get('shop'))).find((z) => z.id === c.req.param('zoneId'));
  if (!zone) throw notFound('shipping zone');
  return zone;
}

async function loadRate(c: C): Promise<{ zone: ShippingZoneView; rate: ShippingRateView }> {
  const id = c.req.param('rateId');
  for (const zone of await listShippingZones(c.get('shop'))) {
    const rate = zone.rates.find((r) => r.id === id);
    if (rate) return { zone, rate };
  }
  throw notFound('shipping rate');
}

/** A refused form (VALIDATION 400, CONFLICT 409): the failure with the seller's input, or rethrow. */
function failure(c: C, err: unknown, values: FormValues): FailedForm & { status: 400 | 409 } {
  if (!isAldeaError(err, 'VALIDATION') && !isAldeaError(err, 'CONFLICT')) throw err;
  const currency = c.get('shop').shop.baseCurrency;
  return {
    values,
    errors: shippingErrors(c.get('t'), err.issues, currency),
    status: err.code === 'CONFLICT' ? 409 : 400,
  };
}

const invalid = (issues: AldeaError['issues']) =>
  new AldeaError('VALIDATION', 'invalid form', issues);

/**
 * Shipping zones (countries and tax) and their rates (weight band, price in the
 * shop's currency, delivery days, free-shipping threshold). Owner settings:
 * every route needs `settings.write`; core checks again and audits each price.
 */
export function shippingRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const owner = requires('settings.write');

  app.get('/', owner, async (c) =>
    show(c, <ZonesPage {...pageProps(c)} zones={await listShippingZones(c.get('shop'))} />),
  );

  app.post('/zones', owner, async (c) => {
    const { fields } = await readForm(c);
    try {
      const form = readZoneForm(fields);
      if (!form.ok) throw invalid(form.issues);
      const zone = await createShippingZone(c.get('shop'), form.data);
      return redirect(c, `/shipping/zones/${zone.id}`, 'shipping.flash.zoneSaved');
    } catch (err) {
      const failed = failure(c, err, fields);
      const zones = await listShippingZones(c.get('shop'));
      return show(c, <ZonesPage {...pageProps(c)} zones={zones} failed={failed} />, failed.status);
    }
  });

  app.get('/zones/:zoneId', owner, async (c) =>
    show(c, <ZonePage {...pageProps(c)} zone={await loadZone(c)} />),
  );

  app.post('/zones/:zoneId', owner, async (c) => {
    const zone = await loadZone(c);
    const { fields } = await readForm(c);
    try {
      const form = readZoneForm(fields);
      if (!form.ok) throw invalid(form.issues);
      await updateShippingZone(c.get('shop'), zone.id, form.data);
      return redirect(c, `/shipping/zones/${zone.id}`, 'shipping.flash.zoneSaved');
    } catch (err) {
      const failed = failure(c, err, fields);
      return show(c, <ZonePage {...pageProps(c)} zone={zone} failed={failed} />, failed.status);
    }
  });

  app.post('/zones/:zoneId/delete', owner, async (c) => {
    const zone = await loadZone(c);
    await deleteShippingZone(c.get('shop'), zone.id);
    return redirect(c, '/shipping', 'shipping.flash.zoneDeleted');
  });

  app.get('/zones/:zoneId/rates/new', owner, async (c) =>
    show(
      c,
      <RatePage
        {...pageProps(c)}
        zone={await loadZone(c)}
        values={{ minWeightGrams: '0', deliveryDaysMin: '', deliveryDaysMax: '' }}
      />,
    ),
  );

  app.post('/zones/:zoneId/rates', owner, async (c) => {
    const zone = await loadZone(c);
    const { fields } = await readForm(c);
    const shop = c.get('shop');
    try {
      const form = readRateForm(fields, {
        currency: shop.shop.baseCurrency,
        locale: c.get('locale'),
        nameLocale: nameLocale(c),
      });
      if (!form.ok) throw invalid(form.issues);
      await createShippingRate(shop, { zoneId: zone.id, ...form.data });
      return redirect(c, `/shipping/zones/${zone.id}`, 'shipping.flash.rateSaved');
    } catch (err) {
      const failed = failure(c, err, fields);
      const page = <RatePage {...pageProps(c)} zone={zone} values={fields} failed={failed} />;
      return show(c, page, failed.status);
    }
  });

  app.get('/rates/:rateId', owner, async (c) => {
    const { zone, rate } = await loadRate(c);
    const values = rateValues(rate, nameLocale(c));
    return show(c, <RatePage {...pageProps(c)} zone={zone} rate={rate} values={values} />);
  });

  app.post('/rates/:rateId', owner, async (c) => {
    const { zone, rate } = await loadRate(c);
    const { fields } = await readForm(c);
    const shop = c.get('shop');
    try {
      const form = readRateForm(fields, {
        currency: shop.shop.baseCurrency,
        locale: c.get('locale'),
        nameLocale: nameLocale(c),
        names: rate.name as Record<string, string>,
      });
      if (!form.ok) throw invalid(form.issues);
      await updateShippingRate(shop, rate.id, form.data);
      return redirect(c, `/shipping/zones/${zone.id}`, 'shipping.flash.rateSaved');
    } catch (err) {
      const failed = failure(c, err, fields);
      const page = (
        <RatePage {...pageProps(c)} zone={zone} rate={rate} values={fields} failed={failed} />
      );
      return show(c, page, failed.status);
    }
  });

  app.post('/rates/:rateId/delete', owner, async (c) => {
    const { zone, rate } = await loadRate(c);
    await deleteShippingRate(c.get('shop'), rate.id);
    return redirect(c, `/shipping/zones/${zone.id}`, 'shipping.flash.rateDeleted');
  });

  return app;
}
