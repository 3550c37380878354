import { and, eq, isNull } from 'drizzle-orm';
import { notFound } from '../errors.js';
import { users } from '../schema/tenancy.js';
import type { PlatformContext } from '../tenancy/context.js';

declare const operatorBrand: unique symbol;

/**
 * A platform context proven to act for a platform operator (or the system:
 * CLI, seeder). Operator functions take it, so they cannot be called without
 * the check having been made.
 */
export type OperatorContext = PlatformContext & { readonly [operatorBrand]: true };

/**
 * Checks that the context's actor is a platform operator (or the system) and
 * returns the branded context. Anyone else gets NOT_FOUND: the operator screens
 * are not confirmed to exist.
 */
export async function operatorContext(ctx: PlatformContext): Promise<OperatorContext> {
  if (ctx.actor.kind === 'system') return ctx as OperatorContext;
  if (ctx.actor.kind !== 'user') throw notFound('page');
  const [row] = await ctx.db.read
    .select({ isOperator: users.isOperator })
    .from(users)
    .where(and(eq(users.id, ctx.actor.userId), isNull(users.disabledAt)));
  if (!row?.isOperator) throw notFound('page');
  return ctx as OperatorContext;
}

/** True when the actor is a platform operator (for showing the operator menu). */
export async function isOperator(ctx: PlatformContext): Promise<boolean> {
  return operatorContext(ctx).then(
    () => true,
    () => false,
  );
}
