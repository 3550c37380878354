import {
  createCohort,
  createShopFromTemplate,
  impactReport,
  impactReportCsv,
  isAldeaError,
  listCohorts,
  listSellerProgress,
  listShopTemplates,
  listTrainerVillages,
  listVillages,
  notFound,
  openShopForHelp,
  type PlatformContext,
  requireVillageAccess,
  saveShopTemplate,
  shopContext,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../../env.js';
import { fieldErrors } from '../../http/field-errors.js';
import { readForm } from '../../http/form.js';
import { renderPage } from '../../ui/layout.js';
import { flashOfKey, onbLinks, ot } from '../http.js';
import { ReportPage } from './report-page.js';
import { NewShopFromTemplatePage } from './template-page.js';
import { TrainerHomePage, VillagePage } from './village-pages.js';

/** The villages the signed-in person may run onboarding in: trained ones, or all for an operator. */
export async function myVillages(c: Context<AdminEnv>) {
  const platform = c.get('platform');
  const all = await listVillages(platform);
  if (c.get('session')?.user.isOperator) return all;
  const mine = new Set((await listTrainerVillages(platform)).map((v) => v.id));
  return all.filter((v) => mine.has(v.id));
}

async function villagePage(c: Context<AdminEnv>, errors?: Record<string, string | undefined>) {
  const platform = c.get('platform');
  const id = c.req.param('villageId')!;
  await requireVillageAccess(platform, id);
  const village = (await listVillages(platform)).find((v) => v.id === id)!;
  const stuckOnly = c.req.query('stuck') === '1';
  const links = onbLinks(c);
  const [cohorts, rows, templates] = await Promise.all([
    listCohorts(platform, id),
    listSellerProgress(platform, { villageId: id, stuckOnly }),
    listShopTemplates(platform).catch(() => []),
  ]);
  return renderPage(
    c,
    <VillagePage
      t={ot(c)}
      styles={links.asset()}
      csrf={c.get('csrfToken')}
      name={village.name}
      cohorts={cohorts}
      templates={templates}
      rows={rows}
      stuckOnly={stuckOnly}
      errors={errors}
      links={{
        self: links.village(id),
        cohort: (cid) => links.cohort(cid),
        newCohort: links.village(id, '/cohorts'),
        report: links.village(id, '/report'),
        template: (tid) => links.template(tid, '/shop'),
        help: links.helpShop,
        saveTemplate: links.saveTemplate,
      }}
    />,
    {
      title: ot(c)('village.title', { name: village.name }),
      flash: flashOfKey(c, [
        'village.cohortCreated',
        'template.saved',
        'template.created',
        'cohort.revoked',
      ]),
      status: errors ? 400 : 200,
    },
  );
}

async function reportOf(c: Context<AdminEnv>, platform: PlatformContext) {
  const villageId = c.req.param('villageId')!;
  const currency = (c.req.query('currency') ?? 'USD').toUpperCase();
  const cohortId = c.req.query('cohort') || undefined;
  const report = await impactReport(
    platform,
    cohortId ? { cohortId, currency } : { villageId, currency },
  );
  if (cohortId && report.scope.kind === 'cohort') {
    // The cohort must be this village's (the URL names the village).
    const cohorts = await listCohorts(platform, villageId);
    if (!cohorts.some((x) => x.id === cohortId)) throw notFound('cohort');
  }
  return { report, villageId, cohortId, currency };
}

/** The trainer's screens: villages, cohorts' progress, templates, the impact report. */
export function trainerRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/trainer', async (c) => {
    const villages = await myVillages(c);
    return renderPage(
      c,
      <TrainerHomePage
        t={ot(c)}
        styles={onbLinks(c).asset()}
        villages={villages}
        href={(id) => onbLinks(c).village(id)}
      />,
      { title: ot(c)('trainer.title') },
    );
  });

  app.get('/trainer/v/:villageId', (c) => villagePage(c));

  app.post('/trainer/v/:villageId/cohorts', async (c) => {
    const { fields } = await readForm(c);
    const villageId = c.req.param('villageId');
    try {
      await createCohort(c.get('platform'), { villageId, name: fields.name ?? '' });
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION') && !isAldeaError(err, 'CONFLICT')) throw err;
      return villagePage(c, fieldErrors(c.get('t'), err.issues));
    }
    return c.redirect(`${onbLinks(c).village(villageId)}?done=village.cohortCreated`, 303);
  });

  app.get('/trainer/v/:villageId/report', async (c) => {
    const platform = c.get('platform');
    const { report, villageId, cohortId, currency } = await reportOf(c, platform);
    const links = onbLinks(c);
    const query = `?currency=${currency}${cohortId ? `&cohort=${encodeURIComponent(cohortId)}` : ''}`;
    return renderPage(
      c,
      <ReportPage
        t={ot(c)}
        locale={c.get('locale')}
        styles={links.asset()}
        report={report}
        cohorts={await listCohorts(platform, villageId)}
        cohortId={cohortId}
        links={{
          self: links.village(villageId, '/report'),
          csv: `${links.village(villageId, '/report.csv')}${query}`,
          village: links.village(villageId),
        }}
      />,
      { title: ot(c)('report.title', { name: report.scope.name }) },
    );
  });

  app.get('/trainer/v/:villageId/report.csv', async (c) => {
    const { report } = await reportOf(c, c.get('platform'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="impact-${report.currency}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(impactReportCsv(report, c.get('locale')));
  });

  // A trainer steps into a seller's shop: written to that shop's log first.
  app.post('/trainer/shops/:shopId/help', async (c) => {
    const shop = await shopContext(c.get('platform'), c.req.param('shopId'));
    await openShopForHelp(shop);
    return c.redirect(onbLinks(c).onboarding(shop.shop.id), 303);
  });

  app.post('/trainer/shops/:shopId/template', async (c) => {
    const { fields } = await readForm(c);
    const shop = await shopContext(c.get('platform'), c.req.param('shopId'));
    if (shop.role !== 'trainer' && shop.role !== 'operator') throw notFound('shop');
    await saveShopTemplate(shop, { name: fields.name ?? shop.shop.slug });
    return c.redirect(`${onbLinks(c).village(shop.shop.villageId)}?done=template.saved`, 303);
  });

  const templateForm = async (
    c: Context<AdminEnv>,
    values?: Record<string, string>,
    errors?: Record<string, string | undefined>,
  ) => {
    const template = (await listShopTemplates(c.get('platform'))).find(
      (x) => x.id === c.req.param('templateId'),
    );
    if (!template) throw notFound('template');
    return renderPage(
      c,
      <NewShopFromTemplatePage
        t={ot(c)}
        csrf={c.get('csrfToken')}
        action={c.req.path}
        template={template}
        villages={await myVillages(c)}
        values={values}
        errors={errors}
      />,
      { title: ot(c)('template.newShop', { name: template.name }), status: errors ? 400 : 200 },
    );
  };

  app.get('/trainer/templates/:templateId/shop', (c) => templateForm(c));

  app.post('/trainer/templates/:templateId/shop', async (c) => {
    const { fields } = await readForm(c);
    try {
      await createShopFromTemplate(c.get('platform'), {
        templateId: c.req.param('templateId'),
        villageId: fields.villageId ?? '',
        slug: fields.slug ?? '',
        name: fields.name ?? '',
        baseCurrency: fields.baseCurrency?.trim() || undefined,
      });
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION') && !isAldeaError(err, 'CONFLICT')) throw err;
      return templateForm(c, fields, fieldErrors(c.get('t'), err.issues));
    }
    return c.redirect(`${onbLinks(c).village(fields.villageId ?? '')}?done=template.created`, 303);
  });

  return app;
}
