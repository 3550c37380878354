import type { SeedData } from './seed-data.ts';

/** One demo account, as printed at start. */
export interface DemoLogin {
  role: 'operator' | 'trainer' | 'artisan';
  name: string;
  email: string;
  password: string;
  /** What the account looks after: a village or a shop slug. */
  scope: string;
}

/** Every demo account of the seed data: the operator, a trainer per village, an artisan per shop. */
export function demoLogins(data: SeedData): DemoLogin[] {
  const out: DemoLogin[] = [{ role: 'operator', scope: 'platform', ...pick(data.operator) }];
  for (const v of data.villages) {
    out.push({ role: 'trainer', scope: `village ${v.village.slug}`, ...pick(v.trainer) });
    for (const s of v.shops)
      out.push({ role: 'artisan', scope: `shop ${s.slug}`, ...pick(s.owner) });
  }
  return out;
}

function pick(u: { name: string; email: string; password: string }) {
  return { name: u.name, email: u.email, password: u.password };
}

/**
 * The text printed when the demo is up: where to go, and who to sign in as.
 *
 * @example
 * console.log(startBanner({ url: 'http://localhost:3000', logins }));
 */
export function startBanner(opts: { url: string; logins: DemoLogin[] }): string {
  const width = Math.max(...opts.logins.map((l) => l.email.length));
  const lines = [
    '',
    '  Aldea demo is running',
    '',
    `  Storefront   ${opts.url}/`,
    `  Admin        ${opts.url}/admin`,
    `  Health       ${opts.url}/healthz`,
    '',
    '  Demo logins (sample accounts on a sample database; do not reuse these passwords):',
  ];
  for (const l of opts.logins) {
    lines.push(
      `    ${l.role.padEnd(8)}  ${l.email.padEnd(width)}  ${l.password.padEnd(22)}  ${l.scope}`,
    );
  }
  lines.push('', '  Stop with Ctrl+C.', '');
  return lines.join('\n');
}
