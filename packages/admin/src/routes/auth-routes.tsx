import {
  isAldeaError,
  isResetTokenValid,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { clientAddress } from '../http/client.js';
import { clearSessionCookie, writeSessionCookie } from '../http/cookies.js';
import { type FieldErrors, fieldErrors } from '../http/field-errors.js';
import { readForm } from '../http/form.js';
import { safeNext } from '../links.js';
import { LoginPage, ResetPasswordPage, ResetRequestPage } from '../pages/auth-pages.js';
import { flashOf, renderPage } from '../ui/layout.js';

function common(c: Context<AdminEnv>) {
  return { t: c.get('t'), links: c.get('links'), csrf: c.get('csrfToken') };
}

/** The link in a reset message: from the configured public URL, never the Host header. */
function resetUrl(c: Context<AdminEnv>) {
  const origin = c.get('deps').publicUrl ?? new URL(c.req.url).origin;
  return (token: string) => `${origin}${c.get('links').to(`/reset/${token}`)}`;
}

/** Sign-in, sign-out and password reset: the routes that work without a session. */
export function authRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/login', (c) => {
    const t = c.get('t');
    if (c.get('session')) return c.redirect(safeNext(c.get('links'), c.req.query('next')), 303);
    const problem = c.req.query('expired') ? t('login.expired') : undefined;
    return renderPage(
      c,
      <LoginPage {...common(c)} next={c.req.query('next')} problem={problem} />,
      { title: t('login.title'), flash: flashOf(c) },
    );
  });

  app.post('/login', async (c) => {
    const t = c.get('t');
    const deps = c.get('deps');
    const { fields } = await readForm(c);
    const identifier = (fields.identifier ?? '').trim();
    const password = fields.password ?? '';
    const values = { identifier };
    const next = fields.next;
    const errors: FieldErrors = {};
    if (!identifier) errors.identifier = t('field.required');
    if (!password) errors.password = t('field.required');
    const again = (status: 400 | 401 | 429, problem?: string, errs?: FieldErrors) =>
      renderPage(
        c,
        <LoginPage {...common(c)} next={next} values={values} errors={errs} problem={problem} />,
        { title: t('login.title'), status },
      );
    if (Object.keys(errors).length) return again(400, undefined, errors);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn(
        c.get('platform'),
        { identifier, password, address: clientAddress(c) },
        {
          previousToken: c.get('sessionToken'),
          userAgent: c.req.header('user-agent'),
          throttle: deps.loginThrottle,
          session: deps.session,
        },
      );
    } catch (err) {
      // Too long or too short to be anyone's: the same answer as a wrong password.
      if (isAldeaError(err, 'VALIDATION')) return again(401, t('login.failed'));
      throw err;
    }
    if (!result.ok) {
      return result.reason === 'THROTTLED'
        ? again(429, t('login.throttled'))
        : again(401, t('login.failed'));
    }
    writeSessionCookie(c, result.session.token, result.session.expiresAt);
    return c.redirect(safeNext(c.get('links'), next), 303);
  });

  app.post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await signOut(c.get('platform'), token);
    clearSessionCookie(c);
    return c.redirect(`${c.get('links').login()}?ok=login.signedOut`, 303);
  });

  app.get('/reset', (c) =>
    renderPage(c, <ResetRequestPage {...common(c)} />, { title: c.get('t')('reset.title') }),
  );

  app.post('/reset', async (c) => {
    const t = c.get('t');
    const { fields } = await readForm(c);
    const identifier = (fields.identifier ?? '').trim();
    try {
      await requestPasswordReset(c.get('platform'), { identifier }, { resetUrl: resetUrl(c) });
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      return renderPage(
        c,
        <ResetRequestPage
          {...common(c)}
          values={{ identifier }}
          errors={fieldErrors(t, err.issues)}
        />,
        { title: t('reset.title'), status: 400 },
      );
    }
    return renderPage(c, <ResetRequestPage {...common(c)} sent />, { title: t('reset.title') });
  });

  app.get('/reset/:token', async (c) => {
    const token = c.req.param('token');
    const valid = await isResetTokenValid(c.get('platform'), token);
    return renderPage(c, <ResetPasswordPage {...common(c)} token={token} valid={valid} />, {
      title: c.get('t')('reset.newTitle'),
      status: valid ? 200 : 404,
    });
  });

  app.post('/reset/:token', async (c) => {
    const t = c.get('t');
    const token = c.req.param('token');
    const { fields } = await readForm(c);
    try {
      const r = await resetPassword(c.get('platform'), { token, password: fields.password ?? '' });
      if (r.ok) {
        clearSessionCookie(c);
        return c.redirect(`${c.get('links').login()}?ok=reset.done`, 303);
      }
      return renderPage(c, <ResetPasswordPage {...common(c)} token={token} valid={false} />, {
        title: t('reset.newTitle'),
        status: 404,
      });
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      const errors = fieldErrors(t, err.issues);
      if (errors.token) {
        return renderPage(c, <ResetPasswordPage {...common(c)} token={token} valid={false} />, {
          title: t('reset.newTitle'),
          status: 404,
        });
      }
      return renderPage(
        c,
        <ResetPasswordPage {...common(c)} token={token} valid errors={errors} />,
        { title: t('reset.newTitle'), status: 400 },
      );
    }
  });

  return app;
}
