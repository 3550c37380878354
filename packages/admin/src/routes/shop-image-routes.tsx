import { removeShopImage, setShopImage } from '@aldea/core';
import { type Context, Hono } from 'hono';
import type { AdminEnv } from '../env.js';
import { readForm } from '../http/form.js';
import { requires } from '../middleware/requires.js';
import type { ShopImageProblem } from '../pages/shop-images-section.js';
import { refusalText } from './photo-routes.js';

/** Re-renders the settings page with a refused upload next to its form (status 400). */
export type ShowSettingsWithProblem = (
  c: Context<AdminEnv>,
  problem: ShopImageProblem,
) => Promise<Response>;

const ROLES = ['logo', 'banner'] as const;

/**
 * The shop's logo and banner, under the settings: `POST /logo` and `/banner`
 * take one picture (multipart field `photos`; JSON answer to the page script,
 * HTML otherwise), `POST /logo/remove` and `/banner/remove` remove it. Core
 * ingests the upload and enforces `settings.write` (owner, trainer, operator).
 */
export function shopImageRoutes(showProblem: ShowSettingsWithProblem): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const owner = requires('settings.write');
  const done = (c: Context<AdminEnv>) =>
    c.redirect(
      `${c.get('links').shop(c.get('shop').shop.id, '/settings')}?ok=common.saved#branding`,
      303,
    );

  for (const role of ROLES) {
    app.post(`/${role}`, owner, async (c) => {
      const t = c.get('t');
      const form = await readForm(c);
      const [file, ...more] = form.files('photos');
      let problem: string | undefined;
      if (!file || more.length > 0) problem = t('branding.oneFile');
      else {
        const filename = file.name.slice(0, 120) || role;
        const result = await setShopImage(c.get('shop'), {
          role,
          bytes: new Uint8Array(await file.arrayBuffer()),
          filename,
          storage: c.get('deps').storage,
        });
        if (!result.ok) problem = refusalText(c, result, filename);
      }
      if ((c.req.header('accept') ?? '').includes('application/json')) {
        return c.json(
          { ok: !problem, added: problem ? 0 : 1, problems: problem ? [problem] : [] },
          problem ? 422 : 200,
        );
      }
      return problem ? showProblem(c, { role, message: problem }) : done(c);
    });

    app.post(`/${role}/remove`, owner, async (c) => {
      await removeShopImage(c.get('shop'), role);
      return done(c);
    });
  }
  return app;
}
