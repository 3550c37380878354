import type { Context } from 'hono';

const URLENCODED = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/**
 * The named string fields of a posted form, trimmed ('' when absent). A plain
 * form (urlencoded, what every checkout step posts) is read as text and split
 * by URLSearchParams: a tenth of the cost of the general multipart parser,
 * which the rest still go through. The last value of a repeated name wins,
 * as with `parseBody`'s default.
 */
export async function formFields(
  c: Context,
  names: readonly string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (URLENCODED.test(c.req.header('content-type') ?? '')) {
    const params = new URLSearchParams(await c.req.text());
    for (const name of names) out[name] = params.getAll(name).at(-1)?.trim() ?? '';
    return out;
  }
  const body = await c.req.parseBody();
  for (const name of names) {
    const v = body[name];
    out[name] = typeof v === 'string' ? v.trim() : '';
  }
  return out;
}
