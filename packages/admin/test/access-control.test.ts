/**
 * The access-control suite, generated from the admin's route table: every
 * route and method the app has is checked, so a new route is covered without
 * anyone remembering to add a test. A route with a parameter this file does
 * not know fails the suite until someone says what to put in it.
 */
import { can, enqueueImport, type MediaStorage, type ShopAction } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Browser, makeWorld, request, signedIn, type World } from './support/world.js';

/** Routes anyone may reach signed out. Everything else sends them to the sign-in page. */
const PUBLIC = new Set([
  'GET /assets/:file',
  'GET /login',
  'POST /login',
  'POST /logout',
  'GET /reset',
  'POST /reset',
  'GET /reset/:token',
  'POST /reset/:token',
  // Onboarding: a seller opens an invitation before having an account.
  'GET /onboarding-assets/:file',
  'GET /invite',
  'POST /invite',
  'GET /invite/:village/:secret',
  'POST /invite/:village/:secret',
]);

interface Route {
  method: string;
  path: string;
  action?: ShopAction;
}

/** Every (method, path) of the admin, with the shop action its `requires` guard declares. */
function routeTable(w: World): Route[] {
  const byKey = new Map<string, Route>();
  for (const r of w.admin.routes) {
    if (r.method === 'ALL' || (r.path.endsWith('/*') && !r.path.includes('/media/'))) continue;
    const key = `${r.method} ${r.path}`;
    const route = byKey.get(key) ?? { method: r.method, path: r.path };
    const action = (r.handler as { action?: ShopAction }).action;
    if (action) route.action = action;
    byKey.set(key, route);
  }
  return [...byKey.values()];
}

type Ids = {
  shopId: string;
  jobId: string;
  productId: string;
  imageId: string;
  collectionId: string;
  mediaKey: string;
  orderId: string;
  zoneId: string;
  rateId: string;
  tokenId: string;
};

/** A queued background import per shop (made in `beforeAll`), for the `:jobId` routes. */
const importJobs = new Map<string, string>();
async function queueImport(f: World['a'], storage: MediaStorage): Promise<void> {
  const file = { name: 'products.csv', bytes: new TextEncoder().encode('sku,title_en,price\n') };
  const job = await enqueueImport(f.ctx, storage, { kind: 'products', mode: 'dry-run', file });
  importJobs.set(f.ctx.shop.id, job.id);
}

function idsOf(f: World['a']): Ids {
  return {
    shopId: f.ctx.shop.id,
    jobId: importJobs.get(f.ctx.shop.id) ?? 'job_none',
    productId: f.product.id,
    imageId: f.imageId,
    collectionId: f.collectionId,
    mediaKey: f.mediaKey,
    orderId: f.orderId,
    zoneId: f.zoneId,
    rateId: f.rateId,
    tokenId: f.tokenId,
  };
}

/** Fills a route's parameters; throws for a parameter nobody taught this suite. */
function fill(path: string, ids: Ids, extra: Record<string, string> = {}): string {
  return path.replace(/\*$/, ids.mediaKey).replace(/:(\w+)/g, (_, name: string) => {
    const value = { ...ids, ...extra }[name as keyof Ids];
    if (!value)
      throw new Error(`the access-control suite does not know the parameter :${name} (${path})`);
    return encodeURIComponent(value);
  });
}

const isShopRoute = (r: Route) => r.path.startsWith('/s/:shopId');

describe('the admin route table', () => {
  let w: World;
  let routes: Route[];
  let ownerA: Browser;
  let staffA: Browser;
  let trainer1: Browser;
  let nobody: Browser;
  let operator: Browser;

  beforeAll(async () => {
    w = await makeWorld();
    routes = routeTable(w);
    await queueImport(w.a, w.storage);
    await queueImport(w.b, w.storage);
    ownerA = await signedIn(w, w.people.ownerA);
    staffA = await signedIn(w, w.people.staffA);
    trainer1 = await signedIn(w, w.people.trainer1);
    nobody = await signedIn(w, w.people.nobody);
    operator = await signedIn(w, w.people.operator);
  });

  const userIds = () => ({
    userId: w.people.nobody.id,
    token: 'x'.repeat(43),
    file: 'nope.css',
    platformTokenId: w.platformTokenId,
    villageId: w.villages.v1.id,
    cohortId: 'coh_x',
    invitationId: 'inv_x',
    templateId: 'tpl_x',
  });

  it('is not empty, and every shop route declares the action it needs', () => {
    expect(routes.length).toBeGreaterThan(30);
    const undeclared = routes
      .filter((r) => isShopRoute(r) && !r.action)
      .map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('sends signed-out people to the sign-in page from every non-public route', async () => {
    const anon = await request(w, '/admin/login');
    const cookie = anon.headers.get('set-cookie') ?? '';
    const preCsrf = /aldea_admin_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
    for (const r of routes.filter((x) => !PUBLIC.has(`${x.method} ${x.path}`))) {
      const path = `/admin${fill(r.path, idsOf(w.a), userIds())}`;
      const res = await request(w, path, {
        method: r.method,
        browser: { cookie: `aldea_admin_csrf=${preCsrf}`, csrf: preCsrf },
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(303);
      expect(res.headers.get('location'), `${r.method} ${r.path}`).toMatch(/^\/admin\/login/);
    }
  });

  it("gives a user of shop A a 404 for shop B's ids, on every shop route and method", async () => {
    for (const r of routes.filter(isShopRoute)) {
      const res = await request(w, `/admin${fill(r.path, idsOf(w.b))}`, {
        method: r.method,
        browser: ownerA,
      });
      expect(res.status, `${r.method} ${r.path} with B's shop`).toBe(404);
    }
  });

  it("gives a 404 for shop B's product, photo or collection inside shop A's own URLs", async () => {
    const mixed = { ...idsOf(w.b), shopId: w.a.ctx.shop.id };
    for (const r of routes.filter(
      (x) =>
        isShopRoute(x) &&
        /:(productId|imageId|collectionId|orderId|zoneId|rateId|tokenId|jobId)|\*/.test(x.path),
    )) {
      const res = await request(w, `/admin${fill(r.path, mixed)}`, {
        method: r.method,
        browser: ownerA,
      });
      expect(res.status, `${r.method} ${r.path} with B's ids in A's shop`).toBe(404);
    }
  });

  it('refuses staff every owner-only action with a 403', async () => {
    const ownerOnly = routes.filter((r) => isShopRoute(r) && r.action && !can('staff', r.action));
    expect(ownerOnly.length).toBeGreaterThan(0);
    for (const r of ownerOnly) {
      const res = await request(w, `/admin${fill(r.path, idsOf(w.a))}`, {
        method: r.method,
        browser: staffA,
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
    }
  });

  it("answers the owner's own GET pages (the suite is not vacuous)", async () => {
    for (const r of routes.filter((x) => isShopRoute(x) && x.method === 'GET')) {
      const res = await request(w, `/admin${fill(r.path, idsOf(w.a))}`, { browser: ownerA });
      expect(res.status, `GET ${r.path}`).toBe(200);
    }
  });

  it('lets a trainer into every shop of their villages and no other', async () => {
    for (const r of routes.filter((x) => isShopRoute(x) && x.method === 'GET')) {
      const mine = await request(w, `/admin${fill(r.path, idsOf(w.a))}`, { browser: trainer1 });
      expect(mine.status, `GET ${r.path} in the trainer's village`).toBe(200);
      const theirs = await request(w, `/admin${fill(r.path, idsOf(w.b))}`, { browser: trainer1 });
      expect(theirs.status, `GET ${r.path} in another village`).toBe(404);
    }
    const home = await (await request(w, '/admin', { browser: trainer1 })).text();
    expect(home).toContain(w.a.ctx.shop.id);
    expect(home).not.toContain(w.b.ctx.shop.id);
  });

  it('hides the operator screens (404) from everyone but operators', async () => {
    const operatorRoutes = routes.filter((r) => r.path.startsWith('/operator'));
    expect(operatorRoutes.length).toBeGreaterThan(5);
    for (const r of operatorRoutes) {
      const path = `/admin${fill(r.path, idsOf(w.a), userIds())}`;
      for (const who of [ownerA, trainer1, nobody]) {
        const res = await request(w, path, { method: r.method, browser: who });
        expect(res.status, `${r.method} ${r.path}`).toBe(404);
      }
      if (r.method === 'GET') {
        const res = await request(w, path, { browser: operator });
        expect(res.status, `operator GET ${r.path}`).toBeLessThan(400);
      }
    }
  });

  it('gives someone with no shop a 404 in every shop', async () => {
    for (const r of routes.filter((x) => isShopRoute(x) && x.method === 'GET')) {
      const res = await request(w, `/admin${fill(r.path, idsOf(w.a))}`, { browser: nobody });
      expect(res.status, `GET ${r.path}`).toBe(404);
    }
  });
});
