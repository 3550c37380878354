import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD, request, textOf } from '../support/world.js';
import { anonymous, cohortWithInvitation } from './support.js';

describe('accepting an invitation in the admin', () => {
  it('shows the prefilled page, opens the shop, signs the seller in and lands on "getting started"', async () => {
    const w = await makeWorld();
    const { issued } = await cohortWithInvitation(w, { phone: '+8613800138000' });
    const village = (await w.db.read.get<{ slug: string }>(
      sql`select slug from villages where id = ${w.villages.v1.id}`,
    ))!.slug;
    const anon = await anonymous(w);
    const page = await request(w, `/admin/invite/${village}/${issued.token}`, { browser: anon });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="Wang Fang"');
    expect(html).toContain('value="王芳山核桃"');
    expect(html).toContain('name="password"');

    const bad = await request(w, `/admin/invite/${village}/${issued.token}`, {
      browser: anon,
      form: {
        name: 'Wang Fang',
        shopName: '王芳山核桃',
        password: 'short',
        locale: 'zh-CN',
        currency: 'CNY',
      },
    });
    expect(bad.status).toBe(400);
    expect(await textOf(bad)).toMatch(/10/);

    const ok = await request(w, `/admin/invite/${village}/${issued.token}`, {
      browser: anon,
      form: {
        name: 'Wang Fang',
        shopName: '王芳山核桃',
        password: PASSWORD,
        locale: 'zh-CN',
        currency: 'CNY',
      },
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/s\/shop_[0-9a-z]+\/onboarding\?done=invite\.welcome$/);
    const session = /aldea_admin_session=([^;]+)/.exec(ok.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeTruthy();
    const welcome = await request(w, location, {
      browser: { cookie: `aldea_admin_session=${session}`, csrf: '' },
    });
    expect(welcome.status).toBe(200);
    const text = await textOf(welcome);
    // The seller chose Chinese: the page speaks it, welcomes them and shows the first step.
    expect(text).toContain('欢迎！您的店铺已经准备好了。');
    expect(text).toContain('开店入门');
    expect(text).toContain('已完成 0/8 步');
  });

  it('refuses used, unknown and other-village links with their own message and status', async () => {
    const w = await makeWorld();
    const { issued } = await cohortWithInvitation(w);
    const v1 = (await w.db.read.get<{ slug: string }>(
      sql`select slug from villages where id = ${w.villages.v1.id}`,
    ))!.slug;
    const v2 = (await w.db.read.get<{ slug: string }>(
      sql`select slug from villages where id = ${w.villages.v2.id}`,
    ))!.slug;
    const anon = await anonymous(w);
    const wrong = await request(w, `/admin/invite/${v2}/${issued.token}`, { browser: anon });
    expect(wrong.status).toBe(404);
    expect(await textOf(wrong)).toContain('another village');
    const unknown = await request(w, `/admin/invite/${v1}/ZZZZZ-ZZZZZ`, { browser: anon });
    expect(unknown.status).toBe(404);
    await request(w, `/admin/invite/${v1}/${issued.code}`, {
      browser: anon,
      form: {
        name: 'A',
        shopName: 'Shop A',
        password: PASSWORD,
        phone: '+8613900139000',
        locale: 'en',
        currency: 'CNY',
      },
    });
    const used = await request(w, `/admin/invite/${v1}/${issued.token}`, { browser: anon });
    expect(used.status).toBe(409);
    expect(await textOf(used)).toContain('already used');
  });

  it('opens a printed code typed by hand, and refuses a form without the CSRF token', async () => {
    const w = await makeWorld();
    const { issued } = await cohortWithInvitation(w);
    const v1 = (await w.db.read.get<{ slug: string }>(
      sql`select slug from villages where id = ${w.villages.v1.id}`,
    ))!.slug;
    const anon = await anonymous(w);
    const typed = await request(w, '/admin/invite', {
      browser: anon,
      form: { village: v1, code: issued.code.toLowerCase().replace('-', ' ') },
    });
    expect(typed.status).toBe(303);
    expect(typed.headers.get('location')).toBe(`/admin/invite/${v1}/${issued.code}`);
    const forged = await request(w, `/admin/invite/${v1}/${issued.code}`, {
      browser: anon,
      csrf: null,
      form: { name: 'X', shopName: 'X', password: PASSWORD, phone: '+8613700137000' },
    });
    expect(forged.status).toBe(403);
    const shops = await w.db.read.get<{ n: number }>(
      sql`select count(*) as n from shops where village_id = ${w.villages.v1.id}`,
    );
    expect(shops!.n).toBe(1); // only the fixture's shop A
  });
});
