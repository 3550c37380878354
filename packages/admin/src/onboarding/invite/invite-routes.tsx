import {
  acceptInvitation,
  type InvitationRefusal,
  isAldeaError,
  listVillages,
  normalizeInvitationCode,
  openInvitation,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../../env.js';
import { clientAddress } from '../../http/client.js';
import { writeSessionCookie } from '../../http/cookies.js';
import { fieldErrors } from '../../http/field-errors.js';
import { readForm } from '../../http/form.js';
import { renderPage } from '../../ui/layout.js';
import { onbLinks, ot } from '../http.js';
import { AcceptPage, CodePage, RefusedPage } from './invite-pages.js';

type Refusal = InvitationRefusal | 'TEMPLATE_UNAVAILABLE';
const STATUS: Record<Refusal, 404 | 409 | 429> = {
  UNKNOWN: 404,
  WRONG_VILLAGE: 404,
  USED: 409,
  REVOKED: 409,
  EXPIRED: 409,
  THROTTLED: 429,
  TEMPLATE_UNAVAILABLE: 409,
};

function refused(c: Context<AdminEnv>, reason: Refusal) {
  const t = ot(c);
  return renderPage(
    c,
    <RefusedPage
      t={t}
      message={t(`invite.refused.${reason}`)}
      loginHref={c.get('links').login()}
      codeHref={onbLinks(c).inviteCode()}
    />,
    { title: t('invite.codeTitle'), status: STATUS[reason] },
  );
}

async function codePage(c: Context<AdminEnv>, values?: Record<string, string>, problem?: string) {
  const t = ot(c);
  const villages = await listVillages(c.get('platform'));
  return renderPage(
    c,
    <CodePage
      t={t}
      csrf={c.get('csrfToken')}
      action={onbLinks(c).inviteCode()}
      villages={villages}
      values={values}
      problem={problem}
    />,
    { title: t('invite.codeTitle'), status: problem ? 404 : 200 },
  );
}

/**
 * The seller's side of an invitation, open without signing in (the secret is
 * the permission): type a printed code, open a link or QR code, accept. On a
 * phone, with no JavaScript.
 */
export function inviteRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/invite', (c) => codePage(c));

  app.post('/invite', async (c) => {
    const { fields } = await readForm(c);
    const village = (fields.village ?? '').trim();
    const code = normalizeInvitationCode(fields.code ?? '');
    if (!village || !code) return codePage(c, fields, ot(c)('invite.refused.UNKNOWN'));
    return c.redirect(onbLinks(c).invite(village, `${code.slice(0, 5)}-${code.slice(5)}`), 303);
  });

  app.get('/invite/:village/:secret', async (c) => {
    const r = await openInvitation(c.get('platform'), {
      villageSlug: c.req.param('village'),
      secret: c.req.param('secret'),
      address: clientAddress(c),
    });
    if (!r.ok) return refused(c, r.reason);
    return renderPage(
      c,
      <AcceptPage
        t={ot(c)}
        csrf={c.get('csrfToken')}
        action={c.req.path}
        invitation={r.invitation}
        styles={onbLinks(c).asset()}
      />,
      { title: ot(c)('invite.title', { village: r.invitation.village.name }) },
    );
  });

  app.post('/invite/:village/:secret', async (c) => {
    const { fields } = await readForm(c);
    const input = {
      villageSlug: c.req.param('village'),
      secret: c.req.param('secret'),
      address: clientAddress(c),
    };
    const text = (name: string) => (fields[name] ?? '').trim() || undefined;
    try {
      const r = await acceptInvitation(
        c.get('platform'),
        {
          ...input,
          name: fields.name ?? '',
          password: fields.password ?? '',
          shopName: fields.shopName ?? '',
          locale: text('locale') as 'en' | undefined,
          currency: text('currency'),
          phone: text('phone'),
          email: text('email'),
        },
        {
          previousToken: c.get('sessionToken'),
          userAgent: c.req.header('user-agent'),
          session: c.get('deps').session,
        },
      );
      if (!r.ok) return refused(c, r.reason);
      writeSessionCookie(c, r.session.token, r.session.expiresAt);
      return c.redirect(`${onbLinks(c).onboarding(r.shopId)}?done=invite.welcome`, 303);
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION') && !isAldeaError(err, 'CONFLICT')) throw err;
      const opened = await openInvitation(c.get('platform'), input);
      if (!opened.ok) return refused(c, opened.reason);
      const errors = fieldErrors(c.get('t'), err.issues);
      if (isAldeaError(err, 'CONFLICT')) {
        for (const key of ['email', 'phone'])
          if (errors[key]) errors[key] = ot(c)('invite.contactTaken');
      }
      return renderPage(
        c,
        <AcceptPage
          t={ot(c)}
          csrf={c.get('csrfToken')}
          action={c.req.path}
          invitation={opened.invitation}
          values={fields}
          errors={errors}
          styles={onbLinks(c).asset()}
        />,
        {
          title: ot(c)('invite.title', { village: opened.invitation.village.name }),
          status: isAldeaError(err, 'CONFLICT') ? 409 : 400,
        },
      );
    }
  });

  return app;
}
