import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeWorld, request, signedIn, textOf } from '../support/world.js';
import { cohortWithInvitation, csvForm } from './support.js';

const SELLERS = new URL('../../../core/test/fixtures/csv/sellers/', import.meta.url);

describe("the trainer's screens", () => {
  it('lists the villages a trainer trains and hides the others (404)', async () => {
    const w = await makeWorld();
    const trainer = await signedIn(w, w.people.trainer1);
    const home = await request(w, '/admin/trainer', { browser: trainer });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`/admin/trainer/v/${w.villages.v1.id}`);
    expect(
      (await request(w, `/admin/trainer/v/${w.villages.v1.id}`, { browser: trainer })).status,
    ).toBe(200);
    expect(
      (await request(w, `/admin/trainer/v/${w.villages.v2.id}`, { browser: trainer })).status,
    ).toBe(404);
    expect(
      (await request(w, `/admin/trainer/v/${w.villages.v2.id}/report`, { browser: trainer }))
        .status,
    ).toBe(404);
    const owner = await signedIn(w, w.people.ownerA);
    expect(
      (await request(w, `/admin/trainer/v/${w.villages.v1.id}`, { browser: owner })).status,
    ).toBe(404);
    const anon = await request(w, '/admin/trainer');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/admin\/login/);
  });

  it('creates a cohort, checks then imports a sellers sheet, prints QR cards and revokes', async () => {
    const w = await makeWorld();
    const trainer = await signedIn(w, w.people.trainer1);
    const created = await request(w, `/admin/trainer/v/${w.villages.v1.id}/cohorts`, {
      browser: trainer,
      form: { name: 'Workshop 1' },
    });
    expect(created.status).toBe(303);
    const cohort = (await w.db.read.get<{ id: string }>(
      sql`select id from cohorts where name = 'Workshop 1'`,
    ))!;
    const page = `/admin/trainer/c/${cohort.id}`;

    const malformed = readFileSync(new URL('sellers-malformed.csv', SELLERS));
    const checked = await request(w, `${page}/import`, {
      browser: trainer,
      body: csvForm(malformed, { mode: 'dry-run' }),
    });
    expect(checked.status).toBe(200);
    const text = (await textOf(checked)).replace(/&quot;/g, '"');
    expect(text).toContain('Row 3, column email: "juan(at)example" is not an email address.');
    expect(text).toContain('Row 8, column name: This cell starts with');
    expect(text).toContain('Checked: nothing was saved yet.');
    const none = await w.db.read.get<{ n: number }>(sql`select count(*) as n from invitations`);
    expect(none!.n).toBe(0);

    const sheet = readFileSync(new URL('sellers-30.csv', SELLERS));
    const imported = await request(w, `${page}/import`, {
      browser: trainer,
      body: csvForm(sheet, { mode: 'all-or-nothing', delivery: 'print' }),
    });
    expect(imported.status).toBe(200);
    expect(await textOf(imported)).toContain('30 row(s): 30 new');

    const printed = await request(w, `${page}/print`, { browser: trainer, form: {} });
    expect(printed.status).toBe(200);
    const sheetHtml = await printed.text();
    expect(sheetHtml.match(/<svg /g)).toHaveLength(30);
    expect(sheetHtml.match(/class="code">[0-9A-Z]{5}-[0-9A-Z]{5}</g)).toHaveLength(30);
    expect(sheetHtml).not.toMatch(/style="/);

    const one = (await w.db.read.get<{ id: string }>(sql`select id from invitations limit 1`))!;
    const revoked = await request(w, `/admin/trainer/invitations/${one.id}/revoke`, {
      browser: trainer,
      form: {},
    });
    expect(revoked.status).toBe(303);
    const state = await w.db.read.get<{ revoked_at: number | null }>(
      sql`select revoked_at from invitations where id = ${one.id}`,
    );
    expect(state!.revoked_at).not.toBeNull();
  });

  it("keeps another village's trainer out of a cohort and its invitations", async () => {
    const w = await makeWorld();
    const { cohort, issued } = await cohortWithInvitation(w);
    const outsider = await signedIn(w, w.people.ownerB);
    expect((await request(w, `/admin/trainer/c/${cohort.id}`, { browser: outsider })).status).toBe(
      404,
    );
    expect(
      (await request(w, `/admin/trainer/c/${cohort.id}/print`, { browser: outsider, form: {} }))
        .status,
    ).toBe(404);
    expect(
      (
        await request(w, `/admin/trainer/invitations/${issued.invitation.id}/revoke`, {
          browser: outsider,
          form: {},
        })
      ).status,
    ).toBe(404);
  });

  it('shows the impact report with SVG charts and a formula-safe CSV', async () => {
    const w = await makeWorld();
    const trainer = await signedIn(w, w.people.trainer1);
    const report = await request(w, `/admin/trainer/v/${w.villages.v1.id}/report?currency=EUR`, {
      browser: trainer,
    });
    expect(report.status).toBe(200);
    expect(await textOf(report)).toContain('Shops open');
    const csv = await request(w, `/admin/trainer/v/${w.villages.v1.id}/report.csv?currency=EUR`, {
      browser: trainer,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads UTF-8
    expect(bytes.subarray(3).toString('utf8').startsWith('shop,address,status')).toBe(true);
  });

  it('lets the trainer step into a shop to help (audited) and see its checklist', async () => {
    const w = await makeWorld();
    const trainer = await signedIn(w, w.people.trainer1);
    const shopId = w.a.ctx.shop.id;
    const help = await request(w, `/admin/trainer/shops/${shopId}/help`, {
      browser: trainer,
      form: {},
    });
    expect(help.status).toBe(303);
    expect(help.headers.get('location')).toBe(`/admin/s/${shopId}/onboarding`);
    const audit = await w.db.read.get<{ actor_role: string }>(
      sql`select actor_role from audit_log where shop_id = ${shopId} and action = 'onboarding.help.open'`,
    );
    expect(audit!.actor_role).toBe('trainer');
    const page = await request(w, `/admin/s/${shopId}/onboarding`, { browser: trainer });
    expect(page.status).toBe(200);
    expect(await textOf(page)).toContain('You are helping in this shop');
    const elsewhere = await request(w, `/admin/trainer/shops/${w.b.ctx.shop.id}/help`, {
      browser: trainer,
      form: {},
    });
    expect(elsewhere.status).toBe(404);
  });
});
