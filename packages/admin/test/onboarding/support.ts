import { createCohort, createInvitation, platformContext } from '@aldea/core';
import { type Browser, request, uniq, type World } from '../support/world.js';

export const LINKS = {
  inviteUrl: (v: string, s: string) => `http://localhost/admin/invite/${v}/${s}`,
};

/** A browser with no session: the pre-sign-in CSRF cookie and token, as the sign-in page hands them out. */
export async function anonymous(w: World): Promise<Browser> {
  const res = await request(w, '/admin/invite');
  const token = /aldea_admin_csrf=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { cookie: `aldea_admin_csrf=${token}`, csrf: token };
}

/** The trainer of village 1 acting in core (for setting up what the HTTP tests then use). */
export function trainerCtx(w: World) {
  return platformContext(w.db, { actor: { kind: 'user', userId: w.people.trainer1.id } });
}

export async function cohortWithInvitation(
  w: World,
  over: { phone?: string; email?: string; name?: string } = {},
) {
  const trainer = trainerCtx(w);
  const cohort = await createCohort(trainer, {
    villageId: w.villages.v1.id,
    name: `Spring ${uniq()}`,
  });
  const issued = await createInvitation(
    trainer,
    {
      villageId: w.villages.v1.id,
      cohortId: cohort.id,
      name: over.name ?? 'Wang Fang',
      shopName: '王芳山核桃',
      ...over,
    },
    { links: LINKS },
  );
  return { cohort, issued };
}

/** A multipart form with a CSV file (and other fields). */
export function csvForm(
  csv: string | Uint8Array,
  fields: Record<string, string>,
  name = 'sheet.csv',
  field = 'file',
): FormData {
  const body = new FormData();
  body.set(field, new File([csv], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
}
