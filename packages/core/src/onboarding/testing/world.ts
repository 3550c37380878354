/**
 * Test helpers of the onboarding tests (not part of the public API): villages
 * with trainers, a link builder, a cheap password cost.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { setManualRate } from '../../fx/manual-rate.js';
import { type Clock, type PlatformContext, platformContext } from '../../tenancy/context.js';
import { assignTrainer, createUser } from '../../tenancy/users.js';
import { createVillage } from '../../tenancy/villages.js';
import type { InviteLinks } from '../invitation-view.js';

/** Cheap scrypt for tests only. */
export const TEST_COST = { logN: 10, r: 8, p: 1 } as const;
export const PASSWORD = 'correct horse battery';
export const uniq = () => randomBytes(4).toString('hex');

export const LINKS: InviteLinks = {
  inviteUrl: (village, secret) => `https://aldea.test/admin/invite/${village}/${secret}`,
};

/** A clock that stands still until moved. */
export function testClock(start = new Date('2026-11-25T10:00:00Z')): Clock & {
  advance(ms: number): void;
} {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A person acting in the platform (a trainer, an operator, anyone). */
export async function person(
  db: Database,
  clock: Clock,
  opts: { operator?: boolean; trainerOf?: string[]; locale?: 'en' | 'zh-CN' | 'es-MX' } = {},
): Promise<PlatformContext & { userId: string }> {
  const system = platformContext(db, { clock });
  const { id } = await createUser(system, {
    email: `p-${uniq()}@example.test`,
    name: 'Person',
    isOperator: opts.operator ?? false,
  });
  for (const v of opts.trainerOf ?? []) await assignTrainer(system, v, id);
  return {
    ...platformContext(db, {
      clock,
      locale: opts.locale ?? 'en',
      actor: { kind: 'user', userId: id },
    }),
    userId: id,
  };
}

/** Bainiu (CNY) and Comonfort (MXN) with a trainer each, and ECB-like rates. */
export async function twoVillages(db: Database, clock: ReturnType<typeof testClock> = testClock()) {
  const system = platformContext(db, { clock });
  const bainiu = await createVillage(system, {
    slug: `bainiu-${uniq()}`,
    country: 'CN',
    defaultLocale: 'zh-CN',
    defaultCurrency: 'CNY',
    texts: { 'zh-CN': { name: '白牛村' }, en: { name: 'Bainiu' } },
  });
  const comonfort = await createVillage(system, {
    slug: `comonfort-${uniq()}`,
    country: 'MX',
    defaultLocale: 'es-MX',
    defaultCurrency: 'MXN',
    texts: { 'es-MX': { name: 'Comonfort' }, en: { name: 'Comonfort' } },
  });
  // 1 EUR = 7.8 CNY = 20 MXN = 1.1 USD (round numbers: conversions are checked by hand).
  await setManualRate(system, { base: 'EUR', quote: 'CNY', rate: '7.8' });
  await setManualRate(system, { base: 'EUR', quote: 'MXN', rate: '20' });
  await setManualRate(system, { base: 'EUR', quote: 'USD', rate: '1.1' });
  const zhang = await person(db, clock, { trainerOf: [bainiu.id], locale: 'zh-CN' });
  const mariana = await person(db, clock, { trainerOf: [comonfort.id], locale: 'es-MX' });
  return { system, bainiu, comonfort, zhang, mariana, clock };
}
