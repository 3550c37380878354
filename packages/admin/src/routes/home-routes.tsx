import {
  countUserSessions,
  listAccessibleShops,
  listTrainerVillages,
  matchLocale,
  notFound,
  setUserLocale,
  signOutEverywhere,
} from '@aldea/core';
import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { clearSessionCookie } from '../http/cookies.js';
import { readForm } from '../http/form.js';
import { AccountPage, HomePage } from '../pages/home-pages.js';
import { flashOf, renderPage } from '../ui/layout.js';

/** The signed-in person's home (their shops) and account. */
export function homeRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const platform = c.get('platform');
    const [shops, villages] = await Promise.all([
      listAccessibleShops(platform),
      listTrainerVillages(platform),
    ]);
    // One shop and nothing else to choose: go straight to it.
    if (shops.length === 1 && villages.length === 0 && !c.get('session')?.user.isOperator) {
      return c.redirect(c.get('links').shop(shops[0]!.id), 303);
    }
    const t = c.get('t');
    return renderPage(
      c,
      <HomePage t={t} links={c.get('links')} shops={shops} villages={villages} />,
      {
        title: t('home.title'),
        flash: flashOf(c),
      },
    );
  });

  app.get('/account', async (c) => {
    const session = c.get('session')!;
    const t = c.get('t');
    const sessions = await countUserSessions(c.get('platform'), session.user.id);
    return renderPage(
      c,
      <AccountPage
        t={t}
        links={c.get('links')}
        csrf={c.get('csrfToken')}
        name={session.user.name}
        locale={c.get('locale')}
        sessions={sessions}
      />,
      { title: t('account.title'), flash: flashOf(c) },
    );
  });

  app.post('/account/language', async (c) => {
    const { fields } = await readForm(c);
    const locale = matchLocale(fields.locale ?? '');
    if (!locale) throw notFound('language');
    await setUserLocale(c.get('platform'), locale);
    return c.redirect(`${c.get('links').to('/account')}?ok=common.saved`, 303);
  });

  app.post('/account/sign-out-everywhere', async (c) => {
    const session = c.get('session')!;
    await signOutEverywhere(c.get('platform'), session.user.id);
    clearSessionCookie(c);
    return c.redirect(`${c.get('links').login()}?ok=login.signedOut`, 303);
  });

  return app;
}
