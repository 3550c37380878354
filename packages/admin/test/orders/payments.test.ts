import { getPaymentSettings, listAuditLog, manualProvider } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { makeWorld, request, signedIn, textOf } from '../support/world.js';

const form = (over: Record<string, string | string[]> = {}) => ({
  locale: 'en',
  methods: ['bank_transfer', 'cash'],
  'instructions.bank_transfer': 'Banorte, CLABE 0721 8000 1234 5678 90, Lupe Hernández',
  'instructions.cash': 'Pay the courier.',
  'instructions.pay_at_coop': '',
  holdDays: '3',
  notifyEmail: 'pedidos@example.mx',
  ...over,
});

describe('payment settings', () => {
  it('sets the ways to pay, instructions per language, the days to wait and the order email', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/payments`;
    const page = await textOf(await request(w, url, { browser: owner }));
    expect(page).toContain('How buyers pay');
    expect(page).toContain('Card payments are not set up on this platform');

    const res = await request(w, url, { browser: owner, form: form() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('ok=common.saved');
    const chinese = await request(w, url, {
      browser: owner,
      form: form({
        locale: 'zh-CN',
        'instructions.bank_transfer': '农业银行 6228 4800 1234',
        'instructions.cash': '',
      }),
    });
    expect(chinese.status).toBe(303);
    const settings = await getPaymentSettings(w.a.ctx);
    expect(settings).toMatchObject({
      manualMethods: ['bank_transfer', 'cash'],
      manualHoldHours: 72,
      notifyEmail: 'pedidos@example.mx',
      instructions: {
        bank_transfer: {
          en: 'Banorte, CLABE 0721 8000 1234 5678 90, Lupe Hernández',
          'zh-CN': '农业银行 6228 4800 1234',
        },
        cash: { en: 'Pay the courier.' },
      },
    });
    const zh = await request(w, `${url}?locale=zh-CN`, { browser: owner });
    expect(await zh.text()).toContain('农业银行 6228 4800 1234</textarea>');
    const log = (await listAuditLog(w.a.ctx)).items.map((e) => e.action);
    expect(log).toContain('payments.settings.update');
  });

  it('keeps the input when nothing is ticked, the days are out of range or the email is wrong', async () => {
    const w = await makeWorld();
    const owner = await signedIn(w, w.people.ownerA);
    const url = `/admin/s/${w.a.ctx.shop.id}/payments`;
    const before = await getPaymentSettings(w.a.ctx);
    const none = await request(w, url, {
      browser: owner,
      form: form({ methods: [], holdDays: '45' }),
    });
    expect(none.status).toBe(400);
    const html = await none.text();
    expect(html).toContain('Tick at least one way to pay.');
    expect(html).toContain('Type whole days from 1 to 30.');
    expect(html).toContain('Banorte, CLABE 0721 8000 1234 5678 90');
    expect(html).toContain('value="45"');
    const email = await request(w, url, {
      browser: owner,
      form: form({ notifyEmail: 'not-an-email' }),
    });
    expect(email.status).toBe(400);
    expect(await email.text()).toMatch(/name="notifyEmail"[^>]*aria-invalid="true"/);
    expect(await getPaymentSettings(w.a.ctx)).toEqual(before);
  });

  it('offers cards when the platform runs Stripe, and lets only the owner set the connected account', async () => {
    const card = {
      ...manualProvider,
      id: 'stripe' as const,
      checkoutOrigin: 'https://pay.test',
      getCheckout: () => Promise.reject(new Error('not used')),
      expireCheckout: () => Promise.reject(new Error('not used')),
      verifyWebhook: () => {
        throw new Error('not used');
      },
    };
    const w = await makeWorld({ payments: { manual: manualProvider, card } });
    const owner = await signedIn(w, w.people.ownerA);
    const staff = await signedIn(w, w.people.staffA);
    const url = `/admin/s/${w.a.ctx.shop.id}/payments`;
    const page = await request(w, url, { browser: owner });
    const html = await page.text();
    expect(html).toContain('value="card"');
    expect(html).toContain('Connected account id');

    const bad = await request(w, `${url}/stripe`, {
      browser: owner,
      form: { stripeAccountId: 'acct_!!' },
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('value="acct_!!"');
    expect(badHtml).toContain('A Stripe connected account id looks like acct_');
    const ok = await request(w, `${url}/stripe`, {
      browser: owner,
      form: { stripeAccountId: 'acct_1AbCdEfGh' },
    });
    expect(ok.status).toBe(303);
    expect((await getPaymentSettings(w.a.ctx)).stripeAccountId).toBe('acct_1AbCdEfGh');
    expect(await textOf(await request(w, url, { browser: owner }))).toContain(
      'Card payments go to acct_1AbCdEfGh.',
    );

    for (const [path, body] of [
      [`${url}/stripe`, { stripeAccountId: 'acct_StaffWasHere' }],
      [url, form()],
    ] as const) {
      expect((await request(w, path, { browser: staff, form: body })).status).toBe(403);
    }
    expect((await request(w, url, { browser: staff })).status).toBe(403);
    expect((await getPaymentSettings(w.a.ctx)).stripeAccountId).toBe('acct_1AbCdEfGh');
    // Another shop's owner reaches none of it.
    const ownerB = await signedIn(w, w.people.ownerB);
    const foreign = await request(w, `${url}/stripe`, {
      browser: ownerB,
      form: { stripeAccountId: '' },
    });
    expect(foreign.status).toBe(404);
  });
});
