import { describe, expect, it } from 'vitest';
import { makeWorld, ORIGIN, request, textOf, type World } from './support/world.js';

async function preForm(w: World, path: string) {
  const page = await request(w, path);
  const token = /aldea_admin_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { cookie: `aldea_admin_csrf=${token}`, csrf: token, page };
}

/** The reset links in the outbox (what the mail worker would send). */
async function outboxLinks(w: World): Promise<string[]> {
  const rows = await w.db.read.query.outbox.findMany();
  return rows.filter((r) => r.kind === 'auth.password-reset').map((r) => String(r.payload.url));
}

describe('password reset', () => {
  it('sends a link through the outbox, built from the public URL and not the Host header', async () => {
    const w = await makeWorld({ publicUrl: 'https://aldea.example' });
    const form = await preForm(w, '/admin/reset');
    const res = await request(w, '/admin/reset', {
      browser: form,
      form: { identifier: w.people.ownerA.email },
      headers: { host: 'evil.example' },
    });
    expect(res.status).toBe(200);
    expect(await textOf(res)).toContain('a link is on its way');
    const [link] = await outboxLinks(w);
    expect(link).toMatch(/^https:\/\/aldea\.example\/admin\/reset\/[A-Za-z0-9_-]{43}$/);
  });

  it('answers an unknown account exactly like a known one', async () => {
    const w = await makeWorld();
    const form = await preForm(w, '/admin/reset');
    const known = await request(w, '/admin/reset', {
      browser: form,
      form: { identifier: w.people.ownerA.email },
    });
    const unknown = await request(w, '/admin/reset', {
      browser: form,
      form: { identifier: 'ghost@example.com' },
    });
    const strip = (s: string) => s.replace(/[0-9a-f-]{36}/g, '');
    expect(strip(await textOf(known))).toBe(strip(await textOf(unknown)));
    expect(await outboxLinks(w)).toHaveLength(1);
  });

  it('sets a new password with the link once; the old sessions end; the link then says it expired', async () => {
    const w = await makeWorld();
    const form = await preForm(w, '/admin/reset');
    await request(w, '/admin/reset', {
      browser: form,
      form: { identifier: w.people.ownerA.email },
    });
    const path = new URL((await outboxLinks(w))[0]!).pathname;
    const page = await preForm(w, path);
    expect(page.page.status).toBe(200);
    const short = await request(w, path, { browser: page, form: { password: 'short' } });
    expect(short.status).toBe(400);
    expect(await textOf(short)).toContain('Use at least 10 characters.');
    const done = await request(w, path, {
      browser: page,
      form: { password: 'a brand new password' },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/login?ok=reset.done');
    const again = await request(w, path);
    expect(again.status).toBe(404);
    expect(await textOf(again)).toContain('expired or was already used');
    // The new password works through the form.
    const login = await preForm(w, '/admin/login');
    const signIn = await request(w, '/admin/login', {
      browser: login,
      form: { identifier: w.people.ownerA.email, password: 'a brand new password' },
      origin: ORIGIN,
    });
    expect(signIn.status).toBe(303);
  });
});
