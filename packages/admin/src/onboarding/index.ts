import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { requireUser } from '../middleware/require-user.js';
import { onboardingCss } from './assets/assets.js';
import { inviteRoutes } from './invite/invite-routes.js';
import { shopOnboardingRoutes } from './shop/shop-routes.js';
import { cohortRoutes } from './trainer/cohort-routes.js';
import { trainerRoutes } from './trainer/trainer-routes.js';

export { onboardingCatalogues } from './messages/index.js';

/**
 * Everything of trainer onboarding, mounted at the admin's root before the
 * sign-in wall: the public invitation pages (the secret is the permission) and
 * the stylesheet; then, signed in, the trainer's screens (`/trainer/…`) and
 * the seller's "getting started" and product import (`/s/:shopId/onboarding…`).
 */
export function onboardingRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/onboarding-assets/:file', (c) => {
    const css = onboardingCss();
    if (c.req.param('file') !== css.file) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(css.body);
  });
  app.route('/', inviteRoutes());
  for (const path of [
    '/trainer',
    '/trainer/*',
    '/s/:shopId/onboarding',
    '/s/:shopId/onboarding/*',
  ]) {
    app.use(path, requireUser());
  }
  app.route('/', trainerRoutes());
  app.route('/', cohortRoutes());
  app.route('/', shopOnboardingRoutes());
  return app;
}
