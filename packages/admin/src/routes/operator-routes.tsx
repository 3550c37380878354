import {
  AldeaError,
  createShopAsOperator,
  createUserAsOperator,
  createVillageAsOperator,
  findUserForOperator,
  grantMembership,
  importEcbRates,
  isAldeaError,
  listAllShops,
  listLatestRates,
  listUsers,
  listVillages,
  notFound,
  requestPasswordReset,
  setManualRate,
  setTrainerAssignment,
  setUserDisabled,
} from '@aldea/core';
import { type Context, Hono } from 'hono';
import { platformTokenRoutes } from '../api-tokens/token-routes.js';
import type { AdminEnv } from '../env.js';
import { fieldErrors } from '../http/field-errors.js';
import { optionalText, readForm } from '../http/form.js';
import { operatorOnly } from '../middleware/operator-only.js';
import { FxPage } from '../pages/fx-page.js';
import { ShopsPage, VillagesPage } from '../pages/operator-pages.js';
import { UsersPage } from '../pages/operator-users-page.js';
import type { FormValues } from '../ui/fields.js';
import { flashOf, renderPage } from '../ui/layout.js';

type Failed = { values: FormValues; err: AldeaError };

/** Runs an operator form: validation and conflicts re-render the page; success redirects. */
async function attempt(
  c: Context<AdminEnv>,
  run: (form: Awaited<ReturnType<typeof readForm>>) => Promise<unknown>,
  show: (failed: Failed) => Promise<Response>,
  done: string,
): Promise<Response> {
  const form = await readForm(c);
  try {
    await run(form);
  } catch (err) {
    if (isAldeaError(err, 'VALIDATION') || isAldeaError(err, 'CONFLICT')) {
      return show({ values: form.fields, err });
    }
    throw err;
  }
  return c.redirect(done, 303);
}

function common(c: Context<AdminEnv>, failed?: Failed) {
  return {
    t: c.get('t'),
    links: c.get('links'),
    csrf: c.get('csrfToken'),
    locale: c.get('locale'),
    values: failed?.values,
    errors: failed ? fieldErrors(c.get('t'), failed.err.issues) : undefined,
  };
}

const statusOf = (failed?: Failed) => (failed ? (failed.err.code === 'CONFLICT' ? 409 : 400) : 200);

function userIdOf(c: Context<AdminEnv>): string {
  const id = c.req.param('userId');
  if (!id || !/^usr_[0-9a-z]{10,40}$/.test(id)) throw notFound('user');
  return id;
}

/** The platform operator's screens: villages, shops, users, exchange rates. Operators only (404 otherwise). */
export function operatorRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use(operatorOnly());

  app.get('/', (c) => c.redirect(c.get('links').operator('/villages'), 303));

  const villagesPage = async (c: Context<AdminEnv>, failed?: Failed) =>
    renderPage(
      c,
      <VillagesPage {...common(c, failed)} villages={await listVillages(c.get('operator'))} />,
      {
        title: c.get('t')('operator.villages'),
        nav: 'operator',
        flash: flashOf(c),
        status: statusOf(failed),
      },
    );

  app.get('/villages', (c) => villagesPage(c));
  app.post('/villages', (c) =>
    attempt(
      c,
      ({ fields: f }) =>
        createVillageAsOperator(c.get('operator'), {
          slug: f.slug ?? '',
          country: f.country ?? '',
          defaultLocale: (f.defaultLocale ?? '') as never,
          defaultCurrency: f.defaultCurrency ?? '',
          texts: f.name?.trim()
            ? { [f.defaultLocale ?? 'en']: { name: f.name, region: f.region ?? '' } }
            : {},
        }),
      (failed) => villagesPage(c, failed),
      `${c.get('links').operator('/villages')}?ok=operator.created`,
    ),
  );

  const shopsPage = async (c: Context<AdminEnv>, failed?: Failed) => {
    const op = c.get('operator');
    const villageId = c.req.query('village') || undefined;
    const page = await listAllShops(op, { villageId, after: c.req.query('after'), limit: 50 });
    const base = c.get('links').operator('/shops');
    const next = page.nextAfter
      ? `${base}?${villageId ? `village=${villageId}&` : ''}after=${encodeURIComponent(page.nextAfter)}`
      : null;
    return renderPage(
      c,
      <ShopsPage
        {...common(c, failed)}
        villages={await listVillages(op)}
        villageId={villageId}
        shops={page.items}
        nextHref={next}
      />,
      {
        title: c.get('t')('operator.shops'),
        nav: 'operator',
        flash: flashOf(c),
        status: statusOf(failed),
      },
    );
  };

  app.get('/shops', (c) => shopsPage(c));
  app.post('/shops', (c) =>
    attempt(
      c,
      ({ fields: f }) =>
        createShopAsOperator(
          c.get('operator'),
          {
            villageId: f.villageId ?? '',
            slug: f.slug ?? '',
            baseCurrency: f.baseCurrency ?? '',
            defaultLocale: (f.defaultLocale ?? '') as never,
            texts: f.name?.trim() ? { [f.defaultLocale ?? 'en']: { name: f.name } } : {},
          },
          { ownerUserId: optionalText(f, 'ownerUserId') },
        ),
      (failed) => shopsPage(c, failed),
      `${c.get('links').operator('/shops')}?ok=operator.created`,
    ),
  );

  const usersPage = async (c: Context<AdminEnv>, failed?: Failed) => {
    const op = c.get('operator');
    const q = c.req.query('q') || undefined;
    const page = await listUsers(op, { q, after: c.req.query('after'), limit: 50 });
    const base = c.get('links').operator('/users');
    const next = page.nextAfter
      ? `${base}?${q ? `q=${encodeURIComponent(q)}&` : ''}after=${page.nextAfter}`
      : null;
    return renderPage(
      c,
      <UsersPage
        {...common(c, failed)}
        users={page.items}
        villages={await listVillages(op)}
        q={q}
        nextHref={next}
      />,
      {
        title: c.get('t')('operator.users'),
        nav: 'operator',
        flash: flashOf(c),
        status: statusOf(failed),
      },
    );
  };
  const usersDone = (c: Context<AdminEnv>, ok = 'operator.updated') =>
    `${c.get('links').operator('/users')}?ok=${ok}`;

  app.get('/users', (c) => usersPage(c));
  app.post('/users', (c) =>
    attempt(
      c,
      ({ fields: f }) =>
        createUserAsOperator(c.get('operator'), {
          name: f.name ?? '',
          email: optionalText(f, 'email'),
          phone: optionalText(f, 'phone'),
          locale: (f.locale ?? 'en') as never,
        }),
      (failed) => usersPage(c, failed),
      usersDone(c, 'operator.created'),
    ),
  );
  app.post('/users/:userId/membership', (c) =>
    attempt(
      c,
      ({ fields: f }) =>
        grantMembership(c.get('operator'), {
          userId: userIdOf(c),
          shopId: f.shopId?.trim() ?? '',
          role: f.role === 'staff' ? 'staff' : 'owner',
        }),
      (failed) => usersPage(c, failed),
      usersDone(c),
    ),
  );
  app.post('/users/:userId/trainer', (c) =>
    attempt(
      c,
      ({ fields: f }) =>
        setTrainerAssignment(
          c.get('operator'),
          { userId: userIdOf(c), villageId: f.villageId ?? '' },
          true,
        ),
      (failed) => usersPage(c, failed),
      usersDone(c),
    ),
  );
  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/users/:userId/${path}`, (c) =>
      attempt(
        c,
        () => setUserDisabled(c.get('operator'), { userId: userIdOf(c), disabled }),
        (failed) => usersPage(c, failed),
        usersDone(c),
      ),
    );
  }
  app.post('/users/:userId/reset', async (c) => {
    const op = c.get('operator');
    const id = userIdOf(c);
    const user = await findUserForOperator(op, id);
    const identifier = user?.email ?? user?.phone;
    if (!identifier) throw notFound('user');
    const origin = c.get('deps').publicUrl ?? new URL(c.req.url).origin;
    await requestPasswordReset(
      op,
      { identifier },
      {
        resetUrl: (token) => `${origin}${c.get('links').to(`/reset/${token}`)}`,
      },
    );
    return c.redirect(usersDone(c, 'operator.resetSent'), 303);
  });

  const fxPage = async (c: Context<AdminEnv>, failed?: Failed, imported?: string) =>
    renderPage(
      c,
      <FxPage
        {...common(c, failed)}
        rates={await listLatestRates(c.get('operator'))}
        imported={imported}
      />,
      {
        title: c.get('t')('fx.title'),
        nav: 'operator',
        flash: flashOf(c),
        status: statusOf(failed),
      },
    );

  app.get('/fx', (c) => fxPage(c));
  app.post('/fx/manual', (c) =>
    attempt(
      c,
      ({ fields: f }) =>
        setManualRate(c.get('operator'), {
          base: f.base ?? '',
          quote: f.quote ?? '',
          rate: (f.rate ?? '').trim(),
        }),
      (failed) => fxPage(c, failed),
      `${c.get('links').operator('/fx')}?ok=fx.saved`,
    ),
  );
  app.post('/fx/import', async (c) => {
    const form = await readForm(c);
    const [file] = form.files('file');
    try {
      if (!file) {
        return fxPage(c, {
          values: {},
          err: new AldeaError('VALIDATION', 'no file', [
            { path: 'file', message: 'field.required' },
          ]),
        });
      }
      const result = await importEcbRates(c.get('operator'), { xml: await file.text() });
      return fxPage(c, undefined, c.get('t')('fx.imported', { count: result.inserted }));
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      return fxPage(c, {
        values: {},
        err: new AldeaError('VALIDATION', err.message, [
          { path: 'file', message: 'field.invalid' },
        ]),
      });
    }
  });

  app.route('/api-tokens', platformTokenRoutes());
  return app;
}
