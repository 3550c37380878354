import {
  AldeaError,
  DEFAULT_MEDIA_LIMITS,
  getPricingSettings,
  getShopImages,
  getShopSettings,
  isAldeaError,
  setBuyerCurrencies,
  setCustomDomain,
  setFxMargin,
  setRoundingRule,
  setShopLanguages,
  setShopStatus,
  updateShopProfile,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { fieldErrors } from '../http/field-errors.js';
import { readForm } from '../http/form.js';
import { requires } from '../middleware/requires.js';
import { SettingsPage, type SettingsSection } from '../pages/settings-page.js';
import type { ShopImageProblem } from '../pages/shop-images-section.js';
import type { FormValues } from '../ui/fields.js';
import { flashOf, renderPage } from '../ui/layout.js';
import { shopImageRoutes } from './shop-image-routes.js';

async function show(
  c: Context<AdminEnv>,
  textLocale?: string,
  failed?: { section: SettingsSection; values: FormValues; err: AldeaError },
  imageProblem?: ShopImageProblem,
) {
  const t = c.get('t');
  const shop = c.get('shop');
  const [settings, pricing, images] = await Promise.all([
    getShopSettings(shop),
    getPricingSettings(shop),
    getShopImages(shop),
  ]);
  const asked = textLocale ?? c.req.query('locale');
  const locale = asked && settings.locales.includes(asked) ? asked : settings.defaultLocale;
  return renderPage(
    c,
    <SettingsPage
      t={t}
      links={c.get('links')}
      csrf={c.get('csrfToken')}
      settings={settings}
      pricing={pricing}
      textLocale={locale}
      images={images}
      imageProblem={imageProblem}
      maxUploadMegabytes={Math.floor(DEFAULT_MEDIA_LIMITS.maxBytes / (1024 * 1024))}
      failed={
        failed && {
          section: failed.section,
          values: failed.values,
          errors: fieldErrors(t, failed.err.issues),
        }
      }
    />,
    {
      title: t('settings.title'),
      nav: 'shop',
      flash: flashOf(c),
      status: failed ? (failed.err.code === 'CONFLICT' ? 409 : 400) : imageProblem ? 400 : 200,
    },
  );
}

/**
 * Runs one settings form: on a validation or conflict error the page comes
 * back with the input kept and the error next to the field; on success, PRG.
 */
async function submit(
  c: Context<AdminEnv>,
  section: SettingsSection,
  run: (fields: Record<string, string>, all: (n: string) => string[]) => Promise<unknown>,
  locale?: (fields: Record<string, string>) => string | undefined,
) {
  const form = await readForm(c);
  try {
    await run(form.fields, form.all);
  } catch (err) {
    if (isAldeaError(err, 'VALIDATION') || isAldeaError(err, 'CONFLICT')) {
      return show(c, locale?.(form.fields), { section, values: form.fields, err });
    }
    throw err;
  }
  const shop = c.get('shop');
  const q = locale?.(form.fields) ? `&locale=${encodeURIComponent(locale(form.fields)!)}` : '';
  return c.redirect(
    `${c.get('links').shop(shop.shop.id, '/settings')}?ok=common.saved${q}#${section}`,
    303,
  );
}

/** The owner's shop settings: profile per language, languages, currencies, domain, pause. */
export function settingsRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const owner = requires('settings.write');

  app.get('/', owner, (c) => show(c));
  app.route(
    '/',
    shopImageRoutes((c, problem) => show(c, undefined, undefined, problem)),
  );

  app.post('/profile', owner, (c) =>
    submit(
      c,
      'profile',
      (f) =>
        updateShopProfile(c.get('shop'), {
          locale: (f.locale ?? '') as never,
          texts: {
            name: f['texts.name'] ?? '',
            tagline: f['texts.tagline'] ?? '',
            story: f['texts.story'] ?? '',
            shippingPolicy: f['texts.shippingPolicy'] ?? '',
            returnsPolicy: f['texts.returnsPolicy'] ?? '',
          },
        }),
      (f) => f.locale,
    ),
  );

  app.post('/languages', owner, (c) =>
    submit(c, 'languages', (f, all) =>
      setShopLanguages(c.get('shop'), {
        defaultLocale: (f.defaultLocale ?? '') as never,
        locales: all('locales') as never,
      }),
    ),
  );

  app.post('/currencies', owner, (c) =>
    submit(c, 'currencies', (_f, all) =>
      setBuyerCurrencies(c.get('shop'), { currencies: all('currencies') }),
    ),
  );

  app.post('/margin', owner, (c) =>
    submit(c, 'pricing', (f) => setFxMargin(c.get('shop'), { percent: (f.percent ?? '').trim() })),
  );

  app.post('/rounding', owner, (c) =>
    submit(c, 'pricing', (f) =>
      setRoundingRule(c.get('shop'), {
        currency: f.currency ?? '',
        rounding: (f.rounding ?? '') as never,
        neverBelow: Boolean(f.neverBelow),
      }),
    ),
  );

  app.post('/domain', owner, (c) =>
    submit(c, 'domain', (f) =>
      setCustomDomain(c.get('shop'), { domain: f.domain?.trim() ? f.domain : null }),
    ),
  );

  app.post('/status', owner, (c) =>
    submit(c, 'status', (f) => {
      if (f.status !== 'live' && f.status !== 'paused') {
        throw new AldeaError('VALIDATION', 'unknown status', [
          { path: 'status', message: 'unknown status' },
        ]);
      }
      return setShopStatus(c.get('shop'), { status: f.status });
    }),
  );

  return app;
}
