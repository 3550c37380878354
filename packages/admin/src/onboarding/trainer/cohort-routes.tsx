import {
  createInvitation,
  enqueueImport,
  getCohort,
  getImportJob,
  type ImportMode,
  type ImportReport,
  importSellers,
  invitationQrSvg,
  isAldeaError,
  issueInvitationsForPrint,
  listInvitations,
  listSellerProgress,
  listShopTemplates,
  listVillages,
  revokeInvitation,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../../env.js';
import { type FieldErrors, fieldErrors } from '../../http/field-errors.js';
import { readForm } from '../../http/form.js';
import { renderError } from '../../http/on-error.js';
import { renderPage } from '../../ui/layout.js';
import {
  flashOfKey,
  inviteLinks,
  inviteUrlBase,
  onbLinks,
  ot,
  runsInBackground,
  uploadBytes,
  uploadSource,
} from '../http.js';
import { ImportJobPage } from '../import-job-page.js';
import { CohortPage } from './cohort-page.js';
import { PrintPage } from './print-page.js';

const MODES: readonly ImportMode[] = ['dry-run', 'all-or-nothing', 'good-rows'];

async function cohortPage(
  c: Context<AdminEnv>,
  extra: {
    report?: ImportReport;
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: 200 | 400;
  } = {},
) {
  const platform = c.get('platform');
  const id = c.req.param('cohortId')!;
  const { cohort, village } = await getCohort(platform, id);
  const stuckOnly = c.req.query('stuck') === '1';
  const [rows, invitations, templates, villages] = await Promise.all([
    listSellerProgress(platform, { cohortId: id, stuckOnly }),
    listInvitations(platform, { cohortId: id }),
    listShopTemplates(platform).catch(() => []),
    listVillages(platform),
  ]);
  const links = onbLinks(c);
  return renderPage(
    c,
    <CohortPage
      t={ot(c)}
      locale={c.get('locale')}
      styles={links.asset()}
      csrf={c.get('csrfToken')}
      cohort={cohort}
      villageName={villages.find((v) => v.id === village.id)?.name ?? village.slug}
      rows={rows}
      stuckOnly={stuckOnly}
      invitations={invitations}
      templates={templates}
      report={extra.report}
      values={extra.values}
      errors={extra.errors}
      links={{
        self: links.cohort(id),
        village: links.village(village.id),
        invite: links.cohort(id, '/invite'),
        import: links.cohort(id, '/import'),
        print: links.cohort(id, '/print'),
        revoke: (inv) => links.invitation(inv, '/revoke'),
        help: links.helpShop,
        saveTemplate: links.saveTemplate,
      }}
    />,
    {
      title: ot(c)('cohort.title', { name: cohort.name }),
      flash: flashOfKey(c, ['cohort.invited', 'cohort.revoked']),
      status: extra.status ?? 200,
    },
  );
}

/** A cohort's page and its actions: invite one, import a sheet, print cards, revoke. */
export function cohortRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/trainer/c/:cohortId', (c) => cohortPage(c));

  app.post('/trainer/c/:cohortId/invite', async (c) => {
    const { fields } = await readForm(c);
    const id = c.req.param('cohortId');
    const { village } = await getCohort(c.get('platform'), id);
    const text = (name: string) => fields[name]?.trim() || undefined;
    try {
      await createInvitation(
        c.get('platform'),
        {
          villageId: village.id,
          cohortId: id,
          name: fields.name ?? '',
          phone: text('phone'),
          email: text('email'),
          shopName: fields.shopName ?? '',
          channel: fields.channel === 'print' ? 'print' : undefined,
          templateId: text('templateId'),
        },
        { links: inviteLinks(c) },
      );
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION') && !isAldeaError(err, 'RATE_LIMITED')) throw err;
      return cohortPage(c, {
        values: fields,
        errors: fieldErrors(c.get('t'), err.issues),
        status: 400,
      });
    }
    return c.redirect(`${onbLinks(c).cohort(id)}?done=cohort.invited`, 303);
  });

  app.post('/trainer/c/:cohortId/import', async (c) => {
    const form = await readForm(c);
    const id = c.req.param('cohortId');
    const { village } = await getCohort(c.get('platform'), id);
    const [file] = form.files('file');
    if (!file)
      return cohortPage(c, {
        values: form.fields,
        errors: { file: ot(c)('import.noFile') },
        status: 400,
      });
    const mode = MODES.find((m) => m === form.fields.mode) ?? 'dry-run';
    const options = {
      mode,
      villageId: village.id,
      cohortId: id,
      templateId: form.fields.templateId?.trim() || undefined,
      delivery: form.fields.delivery === 'print' ? ('print' as const) : ('auto' as const),
    };
    if (runsInBackground(c, [file])) {
      const job = await enqueueImport(c.get('platform'), c.get('deps').storage, {
        kind: 'sellers',
        ...options,
        file: await uploadBytes(file),
        inviteUrlBase: inviteUrlBase(c),
      });
      return c.redirect(onbLinks(c).cohort(id, `/import/${job.id}`), 303);
    }
    const report = await importSellers(c.get('platform'), await uploadSource(file), {
      ...options,
      links: inviteLinks(c),
    });
    const refused = mode !== 'dry-run' && !report.written && report.errors > 0;
    return cohortPage(c, { report, values: form.fields, status: refused ? 400 : 200 });
  });

  // A background import: progress until it is done, then the cohort page with its report.
  app.get('/trainer/c/:cohortId/import/:jobId', async (c) => {
    const id = c.req.param('cohortId');
    const job = await getImportJob(c.get('platform'), c.req.param('jobId'));
    if (job.cohortId !== id) return renderError(c, 404);
    if (job.status === 'done' && job.report) return cohortPage(c, { report: job.report });
    return renderPage(
      c,
      <ImportJobPage
        t={ot(c)}
        styles={onbLinks(c).asset()}
        job={job}
        back={onbLinks(c).cohort(id)}
      />,
      { title: ot(c)('importJob.title', { file: job.file.name }) },
    );
  });

  app.post('/trainer/c/:cohortId/print', async (c) => {
    const platform = c.get('platform');
    const id = c.req.param('cohortId');
    const { cohort, village } = await getCohort(platform, id);
    const issued = await issueInvitationsForPrint(
      platform,
      { cohortId: id },
      { links: inviteLinks(c) },
    );
    const cards = await Promise.all(
      issued.map(async (i) => ({
        name: i.invitation.name,
        code: i.code,
        expiresAt: i.invitation.expiresAt,
        qrSvg: await invitationQrSvg(i.url, {
          label: `${i.invitation.name} ${i.code}`,
          sizePx: 150,
        }),
      })),
    );
    const villageName =
      (await listVillages(platform)).find((v) => v.id === village.id)?.name ?? village.slug;
    const codeUrl = `${c.get('deps').publicUrl ?? new URL(c.req.url).origin}${onbLinks(c).inviteCode()}`;
    return renderPage(
      c,
      <PrintPage
        t={ot(c)}
        locale={c.get('locale')}
        styles={onbLinks(c).asset()}
        village={villageName}
        codeUrl={codeUrl}
        cards={cards}
        back={onbLinks(c).cohort(cohort.id)}
      />,
      { title: ot(c)('print.title', { village: villageName }) },
    );
  });

  app.post('/trainer/invitations/:invitationId/revoke', async (c) => {
    const revoked = await revokeInvitation(c.get('platform'), c.req.param('invitationId'));
    const back = revoked.cohortId
      ? onbLinks(c).cohort(revoked.cohortId)
      : onbLinks(c).village(revoked.villageId);
    return c.redirect(`${back}?done=cohort.revoked`, 303);
  });

  return app;
}
