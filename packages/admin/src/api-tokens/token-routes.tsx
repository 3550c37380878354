import {
  type ApiTokenInfo,
  type CreatedApiToken,
  createApiToken,
  createPlatformApiToken,
  isAldeaError,
  listApiTokens,
  notFound,
  PLATFORM_API_SCOPES,
  type PlatformContext,
  revokeApiToken,
  SHOP_API_SCOPES,
  type ShopContext,
} from '@aldea/core';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import type { AdminEnv } from '../env.js';
import { readForm } from '../http/form.js';
import type { MessageKey } from '../messages/index.js';
import { operatorOnly } from '../middleware/operator-only.js';
import { requires } from '../middleware/requires.js';
import { renderPage } from '../ui/layout.js';
import {
  type FailedTokenForm,
  readTokenForm,
  type TokenFormInput,
  tokenFormErrors,
} from './token-form.js';
import { RevokeTokenPage, TokenCreatedPage, type TokenPlace, TokensPage } from './token-pages.js';

type C = Context<AdminEnv>;

const REVOKED: MessageKey = 'apiTokens.flash.revoked';

/** What differs between a shop's tokens and the platform's: who acts, where, with which scopes. */
interface TokenScreens {
  /** The route parameter naming a token (distinct names keep the access-control suite honest). */
  param: 'tokenId' | 'platformTokenId';
  nav: 'shop' | 'operator';
  /** The guard every route carries (the shop's `requires` is read by the access-control suite). */
  guard: MiddlewareHandler<AdminEnv>;
  ctx(c: C): ShopContext | PlatformContext;
  place(c: C): TokenPlace;
  create(c: C, input: TokenFormInput): Promise<CreatedApiToken>;
}

/** The token a URL names, among the context's own; anything else (another shop's) is a 404. */
async function loadToken(c: C, s: TokenScreens): Promise<ApiTokenInfo> {
  const id = tokenIdOf(c, s);
  const token = (await listApiTokens(s.ctx(c))).find((t) => t.id === id);
  if (!token) throw notFound('API token');
  return token;
}

function tokenIdOf(c: C, s: TokenScreens): string {
  const id = c.req.param(s.param);
  if (!id || !/^tok_[0-9a-z]{10,40}$/.test(id)) throw notFound('API token');
  return id;
}

function show(c: C, s: TokenScreens, content: Child, status: 200 | 400 = 200) {
  const t = c.get('t');
  const ok = c.req.query('ok');
  return renderPage(c, content, {
    title: t(s.place(c).title),
    nav: s.nav,
    status,
    ...(ok === REVOKED ? { flash: t(REVOKED) } : {}),
  });
}

async function listPage(c: C, s: TokenScreens, failed?: FailedTokenForm) {
  const tokens = await listApiTokens(s.ctx(c));
  const page = (
    <TokensPage
      t={c.get('t')}
      locale={c.get('locale')}
      csrf={c.get('csrfToken')}
      place={s.place(c)}
      tokens={tokens}
      failed={failed}
    />
  );
  return show(c, s, page, failed ? 400 : 200);
}

/**
 * List, create (the secret shown once, in the response to the form) and revoke
 * with a confirmation step. Core checks every permission again and audits.
 */
function tokenRoutes(s: TokenScreens): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const at = `/:${s.param}/revoke`;

  app.get('/', s.guard, (c) => listPage(c, s));

  app.post('/', s.guard, async (c) => {
    const form = await readForm(c);
    const input = readTokenForm(form);
    try {
      const created = await s.create(c, input);
      const page = <TokenCreatedPage t={c.get('t')} place={s.place(c)} {...created} />;
      return show(c, s, page);
    } catch (err) {
      if (!isAldeaError(err, 'VALIDATION')) throw err;
      const errors = tokenFormErrors(c.get('t'), err.issues);
      return listPage(c, s, { values: { name: input.name }, ticked: input.scopes, errors });
    }
  });

  app.get(at, s.guard, async (c) => {
    const token = await loadToken(c, s);
    const page = (
      <RevokeTokenPage t={c.get('t')} csrf={c.get('csrfToken')} place={s.place(c)} token={token} />
    );
    return show(c, s, page);
  });

  app.post(at, s.guard, async (c) => {
    await revokeApiToken(s.ctx(c), tokenIdOf(c, s));
    return c.redirect(`${s.place(c).home}?ok=${REVOKED}`, 303);
  });

  return app;
}

/**
 * A shop's API tokens, under `/s/:shopId/settings/api-tokens`: owners,
 * trainers and operators (`settings.write`); staff get 403, another shop's
 * token is a 404.
 */
export function shopTokenRoutes(): Hono<AdminEnv> {
  return tokenRoutes({
    param: 'tokenId',
    nav: 'shop',
    guard: requires('settings.write'),
    ctx: (c) => c.get('shop'),
    place: (c) => {
      const home = c.get('links').shop(c.get('shop').shop.id, '/settings/api-tokens');
      return {
        title: 'apiTokens.title',
        intro: 'apiTokens.intro',
        scopes: SHOP_API_SCOPES,
        home,
        revoke: (id) => `${home}/${encodeURIComponent(id)}/revoke`,
      };
    },
    create: (c, input) => createApiToken(c.get('shop'), input as never),
  });
}

/** The platform's own tokens (`fx:write`), under `/operator/api-tokens`: operators only. */
export function platformTokenRoutes(): Hono<AdminEnv> {
  return tokenRoutes({
    param: 'platformTokenId',
    nav: 'operator',
    // Mounted under the operator screens, which admit operators already; checked
    // here too so these routes stay closed wherever they are mounted.
    guard: operatorOnly(),
    ctx: (c) => c.get('operator'),
    place: (c) => {
      const home = c.get('links').operator('/api-tokens');
      return {
        title: 'apiTokens.platformTitle',
        intro: 'apiTokens.platformIntro',
        scopes: PLATFORM_API_SCOPES,
        home,
        revoke: (id) => `${home}/${encodeURIComponent(id)}/revoke`,
      };
    },
    create: (c, input) => createPlatformApiToken(c.get('operator'), input as never),
  });
}
