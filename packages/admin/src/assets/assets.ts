import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One static file of the admin with a content-fingerprinted name. */
export interface Asset {
  body: string;
  type: string;
  /** `admin.<hash>.css`: changes whenever the content does, so it caches forever. */
  file: string;
}

function load(name: string, ext: string, type: string): Asset {
  const body = readFileSync(new URL(`./${name}.${ext}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, type, file: `${name}.${hash}.${ext}` };
}

let cached: { css: Asset; js: Asset } | undefined;

/** The admin's stylesheet and its one small script, loaded once per process. */
export function adminAssets(): { css: Asset; js: Asset } {
  cached ??= {
    css: load('admin', 'css', 'text/css; charset=utf-8'),
    js: load('admin', 'js', 'text/javascript; charset=utf-8'),
  };
  return cached;
}
