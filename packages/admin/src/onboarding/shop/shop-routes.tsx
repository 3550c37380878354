import {
  can,
  confirmConvertedAmounts,
  enqueueImport,
  getImportJob,
  getShopProgress,
  type ImportMode,
  importProducts,
  isAldeaError,
  listOpenConversions,
  listPreOnlinePrices,
  type OnboardingStep,
  setPreOnlinePrice,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../../env.js';
import { type FieldErrors, fieldErrors } from '../../http/field-errors.js';
import { readForm } from '../../http/form.js';
import { loadShop } from '../../middleware/load-shop.js';
import { requires } from '../../middleware/requires.js';
import { renderPage } from '../../ui/layout.js';
import { flashOfKey, onbLinks, ot, runsInBackground, uploadBytes, uploadSource } from '../http.js';
import { ImportJobPage } from '../import-job-page.js';
import { GettingStartedPage, ProductImportPage } from './getting-started-page.js';

const MODES: readonly ImportMode[] = ['dry-run', 'all-or-nothing', 'good-rows'];

/** Where each step is done in the admin. */
const STEP_PATHS: Record<OnboardingStep, string> = {
  profile: '/settings',
  first_product: '/products/new',
  prices: '/onboarding#prices',
  shipping: '/shipping',
  payment: '/payments',
  live: '/settings',
  first_order: '/orders',
  first_shipped: '/orders',
};

async function gettingStarted(
  c: Context<AdminEnv>,
  values?: Record<string, string>,
  errors?: FieldErrors,
) {
  const shop = c.get('shop');
  const links = c.get('links');
  const [progress, conversions, prices] = await Promise.all([
    getShopProgress(shop),
    listOpenConversions(shop),
    listPreOnlinePrices(shop),
  ]);
  const id = shop.shop.id;
  return renderPage(
    c,
    <GettingStartedPage
      t={ot(c)}
      locale={c.get('locale')}
      styles={onbLinks(c).asset()}
      csrf={c.get('csrfToken')}
      helping={shop.role === 'trainer' || shop.role === 'operator'}
      canWrite={can(shop.role, 'catalog.write')}
      progress={progress}
      stepHref={(s) =>
        s === 'prices' && conversions.length === 0
          ? links.shop(id, '/products')
          : links.shop(id, STEP_PATHS[s])
      }
      conversions={conversions}
      before={prices.find((p) => p.productId === null) ?? prices[0]}
      baseCurrency={shop.shop.baseCurrency}
      links={{
        confirm: onbLinks(c).onboarding(id, '/confirm'),
        before: onbLinks(c).onboarding(id, '/before-price'),
        import: onbLinks(c).onboarding(id, '/import'),
      }}
      values={values}
      errors={errors}
    />,
    {
      title: ot(c)('onboarding.title'),
      nav: 'shop',
      flash: flashOfKey(c, ['invite.welcome', 'onboarding.confirmed', 'onboarding.beforeSaved']),
      status: errors ? 400 : 200,
    },
  );
}

async function importPage(
  c: Context<AdminEnv>,
  extra: { report?: Awaited<ReturnType<typeof importProducts>>; error?: string } = {},
) {
  const shop = c.get('shop');
  return renderPage(
    c,
    <ProductImportPage
      t={ot(c)}
      locale={c.get('locale')}
      styles={onbLinks(c).asset()}
      csrf={c.get('csrfToken')}
      currency={shop.shop.baseCurrency}
      action={onbLinks(c).onboarding(shop.shop.id, '/import')}
      back={onbLinks(c).onboarding(shop.shop.id)}
      {...extra}
    />,
    { title: ot(c)('productImport.title'), nav: 'shop', status: extra.error ? 400 : 200 },
  );
}

/**
 * The seller's "getting started" page (progress and next step, computed from
 * the shop's data), confirming converted prices, the "price before going
 * online", and importing products from a spreadsheet. Under `/s/:shopId/…`
 * like every shop route: the shop is resolved as the signed-in person sees it.
 */
export function shopOnboardingRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('/s/:shopId/onboarding', loadShop());
  app.use('/s/:shopId/onboarding/*', loadShop());

  app.get('/s/:shopId/onboarding', requires('shop.read'), (c) => gettingStarted(c));

  app.post('/s/:shopId/onboarding/confirm', requires('catalog.write'), async (c) => {
    await confirmConvertedAmounts(c.get('shop'));
    return c.redirect(
      `${onbLinks(c).onboarding(c.get('shop').shop.id)}?done=onboarding.confirmed`,
      303,
    );
  });

  app.post('/s/:shopId/onboarding/before-price', requires('catalog.write'), async (c) => {
    const { fields } = await readForm(c);
    try {
      await setPreOnlinePrice(c.get('shop'), {
        price: fields.price ?? '',
        currency: fields.currency?.trim() || undefined,
        note: fields.note ?? '',
      });
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      return gettingStarted(
        c,
        fields,
        fieldErrors(c.get('t'), err.issues, { currency: fields.currency }),
      );
    }
    return c.redirect(
      `${onbLinks(c).onboarding(c.get('shop').shop.id)}?done=onboarding.beforeSaved`,
      303,
    );
  });

  app.get('/s/:shopId/onboarding/import', requires('catalog.write'), (c) => importPage(c));

  app.post('/s/:shopId/onboarding/import', requires('catalog.write'), async (c) => {
    const form = await readForm(c);
    const [file] = form.files('file');
    if (!file) return importPage(c, { error: ot(c)('import.noFile') });
    const [zip] = form.files('photos');
    const mode = MODES.find((m) => m === form.fields.mode) ?? 'dry-run';
    if (runsInBackground(c, [file, zip])) {
      const shop = c.get('shop');
      const job = await enqueueImport(shop, c.get('deps').storage, {
        kind: 'products',
        mode,
        file: await uploadBytes(file),
        ...(zip ? { photos: new Uint8Array(await zip.arrayBuffer()) } : {}),
      });
      return c.redirect(onbLinks(c).onboarding(shop.shop.id, `/import/${job.id}`), 303);
    }
    const report = await importProducts(c.get('shop'), await uploadSource(file), {
      mode,
      ...(zip ? { photos: { bytes: new Uint8Array(await zip.arrayBuffer()) } } : {}),
      storage: c.get('deps').storage,
    });
    return importPage(c, { report });
  });

  // A background import: progress until it is done, then the same page as a direct import.
  app.get('/s/:shopId/onboarding/import/:jobId', requires('catalog.write'), async (c) => {
    const shop = c.get('shop');
    const job = await getImportJob(shop, c.req.param('jobId'));
    if (job.status === 'done' && job.report) return importPage(c, { report: job.report });
    return renderPage(
      c,
      <ImportJobPage
        t={ot(c)}
        styles={onbLinks(c).asset()}
        job={job}
        back={onbLinks(c).onboarding(shop.shop.id, '/import')}
      />,
      { title: ot(c)('importJob.title', { file: job.file.name }), nav: 'shop' },
    );
  });

  return app;
}
