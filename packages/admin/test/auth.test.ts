import { getSession, platformContext } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import {
  makeWorld,
  ORIGIN,
  PASSWORD,
  request,
  signedIn,
  textOf,
  type World,
} from './support/world.js';

/** Reads the cookies a response sets, by name. */
function cookies(res: Response): Record<string, { value: string; attrs: string }> {
  const out: Record<string, { value: string; attrs: string }> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair = '', ...attrs] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    out[name.trim()] = { value, attrs: attrs.join(';').toLowerCase() };
  }
  return out;
}

/** Opens the sign-in page like a browser: the pre-sign-in CSRF cookie and token. */
async function loginForm(w: World, headers: Record<string, string> = {}) {
  const page = await request(w, '/admin/login', { headers });
  const token = cookies(page).aldea_admin_csrf?.value ?? '';
  return { cookie: `aldea_admin_csrf=${token}`, csrf: token, html: await page.text() };
}

async function login(
  w: World,
  identifier: string,
  password: string,
  extra: { cookie?: string; headers?: Record<string, string> } = {},
) {
  const form = await loginForm(w);
  return request(w, '/admin/login', {
    browser: { cookie: [form.cookie, extra.cookie].filter(Boolean).join('; '), csrf: form.csrf },
    form: { identifier, password },
    headers: extra.headers,
  });
}

describe('sign-in', () => {
  it('signs in with the form and sets a HttpOnly, SameSite=Lax session cookie on the admin path', async () => {
    const w = await makeWorld();
    const res = await login(w, w.people.ownerA.email, PASSWORD);
    expect(res.status).toBe(303);
    const session = cookies(res).aldea_admin_session!;
    expect(session.value.length).toBeGreaterThan(30);
    expect(session.attrs).toContain('httponly');
    expect(session.attrs).toContain('samesite=lax');
    expect(session.attrs).toContain('path=/admin');
    expect(session.attrs).not.toContain('secure');
    const home = await request(w, res.headers.get('location')!, {
      browser: { cookie: `aldea_admin_session=${session.value}`, csrf: '' },
    });
    expect(home.status).toBeLessThan(400);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const w = await makeWorld({ trustProxy: true });
    const res = await login(w, w.people.ownerA.email, PASSWORD, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(cookies(res).aldea_admin_session!.attrs).toContain('secure');
    const forced = await makeWorld({ secureCookies: true });
    const res2 = await login(forced, forced.people.ownerA.email, PASSWORD);
    expect(cookies(res2).aldea_admin_session!.attrs).toContain('secure');
  });

  it('keeps the typed identifier and says the same thing for a wrong password and an unknown account', async () => {
    const w = await makeWorld();
    const wrong = await login(w, w.people.ownerA.email, 'not my password');
    const unknown = await login(w, 'ghost@example.com', 'not my password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await textOf(wrong);
    const b = await textOf(unknown);
    expect(a).toContain('do not match');
    expect(a.replace(w.people.ownerA.email, 'X')).toBe(
      b.replace('ghost@example.com', 'X').replace(/[0-9a-f-]{36}/g, ''),
    );
    expect(await (await login(w, w.people.ownerA.email, 'x')).text()).toContain(
      `value="${w.people.ownerA.email}"`,
    );
  });

  it('shows the sign-in page in Spanish from Accept-Language, and the errors too', async () => {
    const w = await makeWorld();
    const page = await request(w, '/admin/login', {
      headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' },
    });
    const text = await textOf(page);
    expect(text).toContain('Iniciar sesión');
    expect(text).toContain('Correo o número de teléfono');
    const form = await loginForm(w, { 'accept-language': 'es' });
    const empty = await request(w, '/admin/login', {
      browser: form,
      form: { identifier: '', password: '' },
      headers: { 'accept-language': 'es' },
    });
    expect(empty.status).toBe(400);
    expect(await textOf(empty)).toContain('Llena este campo.');
  });

  it('does not redirect to another site after sign-in', async () => {
    const w = await makeWorld();
    const form = await loginForm(w);
    for (const next of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/elsewhere',
    ]) {
      const res = await request(w, '/admin/login', {
        browser: form,
        form: { identifier: w.people.ownerA.email, password: PASSWORD, next },
      });
      expect(res.headers.get('location'), next).toBe('/admin');
    }
  });
});

describe('sessions', () => {
  it('never adopts a session id the browser brings (fixation)', async () => {
    const w = await makeWorld();
    const form = await loginForm(w);
    const res = await request(w, '/admin/login', {
      browser: {
        cookie: `${form.cookie}; aldea_admin_session=chosen-by-the-attacker`,
        csrf: form.csrf,
      },
      form: { identifier: w.people.ownerA.email, password: PASSWORD },
    });
    const fresh = cookies(res).aldea_admin_session!.value;
    expect(fresh).not.toBe('chosen-by-the-attacker');
    expect(await getSession(platformContext(w.db), 'chosen-by-the-attacker')).toBeUndefined();
  });

  it('rotates the session at sign-in: a session open in the browser before is ended (fixation)', async () => {
    const w = await makeWorld();
    // Someone signed in on a shared phone; the seller then signs in on it.
    const attacker = await signedIn(w, w.people.nobody);
    const planted = attacker.cookie.split('=')[1]!;
    const res = await request(w, '/admin/login', {
      browser: attacker,
      form: { identifier: w.people.ownerA.email, password: PASSWORD },
    });
    expect(res.status).toBe(303);
    const fresh = cookies(res).aldea_admin_session!.value;
    expect(fresh).not.toBe(planted);
    expect(await getSession(platformContext(w.db), planted)).toBeUndefined();
    const who = await getSession(platformContext(w.db), fresh);
    expect(who?.user.id).toBe(w.people.ownerA.id);
  });

  it('ends an idle session: the next page asks to sign in again', async () => {
    let now = new Date('2026-11-25T10:00:00Z');
    const clock = { now: () => now };
    const w = await makeWorld({ clock, session: { idleMs: 60 * 60_000 } });
    const form = await loginForm(w);
    const res = await request(w, '/admin/login', {
      browser: form,
      form: { identifier: w.people.ownerA.email, password: PASSWORD },
    });
    const browser = {
      cookie: `aldea_admin_session=${cookies(res).aldea_admin_session!.value}`,
      csrf: '',
    };
    const shop = `/admin/s/${w.a.ctx.shop.id}`;
    expect((await request(w, shop, { browser })).status).toBe(200);
    now = new Date(now.getTime() + 61 * 60_000);
    const later = await request(w, shop, { browser });
    expect(later.status).toBe(303);
    expect(later.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent(shop)}`);
  });

  it('signs out everywhere: every device of the user is signed out, others stay', async () => {
    const w = await makeWorld();
    const phone = await signedIn(w, w.people.ownerA);
    const laptop = await signedIn(w, w.people.ownerA);
    const colleague = await signedIn(w, w.people.staffA);
    const account = await textOf(await request(w, '/admin/account', { browser: phone }));
    expect(account).toContain('signed in on 2 device');
    const res = await request(w, '/admin/account/sign-out-everywhere', {
      browser: phone,
      form: {},
    });
    expect(res.status).toBe(303);
    for (const b of [phone, laptop]) {
      expect((await request(w, '/admin/account', { browser: b })).status).toBe(303);
    }
    expect((await request(w, '/admin/account', { browser: colleague })).status).toBe(200);
  });

  it('signs out this device', async () => {
    const w = await makeWorld();
    const b = await signedIn(w, w.people.ownerA);
    const res = await request(w, '/admin/logout', { browser: b, form: {} });
    expect(res.headers.get('location')).toBe('/admin/login?ok=login.signedOut');
    expect((await request(w, '/admin/account', { browser: b })).status).toBe(303);
  });
});

describe('CSRF', () => {
  it('refuses a cross-origin form post, even with the right session and token', async () => {
    const w = await makeWorld();
    const b = await signedIn(w, w.people.ownerA);
    const res = await request(w, '/admin/account/sign-out-everywhere', {
      browser: b,
      form: {},
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect((await request(w, '/admin/account', { browser: b })).status).toBe(200);
  });

  it('refuses a same-origin post without the per-session token, or with another session’s', async () => {
    const w = await makeWorld();
    const b = await signedIn(w, w.people.ownerA);
    const other = await signedIn(w, w.people.staffA);
    const missing = await request(w, '/admin/account/sign-out-everywhere', {
      browser: b,
      form: {},
      csrf: null,
    });
    expect(missing.status).toBe(403);
    expect(await textOf(missing)).toContain('This form expired');
    const foreign = await request(w, '/admin/account/sign-out-everywhere', {
      browser: b,
      form: {},
      csrf: other.csrf,
    });
    expect(foreign.status).toBe(403);
    expect((await request(w, '/admin/account', { browser: b })).status).toBe(200);
  });

  it('protects the sign-in form too (login CSRF)', async () => {
    const w = await makeWorld();
    const res = await request(w, '/admin/login', {
      form: { identifier: w.people.ownerA.email, password: PASSWORD },
      origin: ORIGIN,
    });
    expect(res.status).toBe(403);
    const cross = await request(w, '/admin/login', {
      browser: await loginForm(w),
      form: { identifier: w.people.ownerA.email, password: PASSWORD },
      origin: 'https://evil.example',
    });
    expect(cross.status).toBe(403);
  });
});

describe('login throttle through the form', () => {
  it('after 10 failures says "too many attempts" (429), also for the right password', async () => {
    const w = await makeWorld({ trustProxy: true });
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 10; i++) {
      expect((await login(w, w.people.ownerA.email, `wrong-${i}`, { headers })).status).toBe(401);
    }
    const locked = await login(w, w.people.ownerA.email, PASSWORD, { headers });
    expect(locked.status).toBe(429);
    expect(await textOf(locked)).toContain('Too many attempts');
    // The same answer from another address for this account…
    const elsewhere = await login(w, w.people.ownerA.email, PASSWORD, {
      headers: { 'x-forwarded-for': '198.51.100.3' },
    });
    expect(elsewhere.status).toBe(429);
    // …and from this address for another account.
    const other = await login(w, w.people.staffA.email, PASSWORD, { headers });
    expect(other.status).toBe(429);
    const fine = await login(w, w.people.staffA.email, PASSWORD, {
      headers: { 'x-forwarded-for': '198.51.100.3' },
    });
    expect(fine.status).toBe(303);
  });
});
