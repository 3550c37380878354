import { eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { users } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';
import { LocaleCode } from '../tenancy/schemas.js';
import { parseInput } from '../validation.js';

/** Sets the signed-in person's admin language (their own account only). */
export async function setUserLocale(ctx: PlatformContext, locale: Locale): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AldeaError('UNAUTHENTICATED', 'sign in first');
  const value = parseInput(LocaleCode, locale);
  const userId = ctx.actor.userId;
  await ctx.db.transaction((tx) =>
    tx.update(users).set({ locale: value, updatedAt: ctx.clock.now() }).where(eq(users.id, userId)),
  );
}
