import { z } from 'zod';
import { hashPassword } from '../auth/password.js';
import { conflictOnUnique } from '../db/unique-violation.js';
import { newId } from '../ids.js';
import { memberships, trainerAssignments, users } from '../schema/tenancy.js';
import { parseInput } from '../validation.js';
import type { PlatformContext, ShopContext } from './context.js';
import { LocaleCode } from './schemas.js';

export const CreateUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email('not a valid email address').max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'use the international format, e.g. +5214151234567')
      .optional(),
    name: z.string().trim().min(1).max(120),
    locale: LocaleCode.default('en'),
    password: z.string().min(10, 'use at least 10 characters').max(200).optional(),
    isOperator: z.boolean().default(false),
  })
  .refine((u) => u.email !== undefined || u.phone !== undefined, {
    message: 'give an email address or a phone number',
    path: ['email'],
  });
export type CreateUserInput = z.input<typeof CreateUserInput>;

/** Creates a user who can sign in to the admin (once they have a password). */
export async function createUser(
  ctx: PlatformContext,
  raw: CreateUserInput,
  opts: { passwordCost?: Parameters<typeof hashPassword>[1] } = {},
): Promise<{ id: string }> {
  const input = parseInput(CreateUserInput, raw);
  const now = ctx.clock.now();
  const id = newId('user', now.getTime());
  // Hash outside the transaction: it takes ~0.3 s and must not hold the writer.
  const passwordHash = input.password
    ? await hashPassword(input.password, opts.passwordCost)
    : null;
  await ctx.db.transaction((tx) =>
    conflictOnUnique(
      () =>
        tx.insert(users).values({
          id,
          email: input.email ?? null,
          phone: input.phone ?? null,
          name: input.name,
          locale: input.locale,
          passwordHash,
          isOperator: input.isOperator,
          createdAt: now,
          updatedAt: now,
        }),
      {
        users_email_uq: ['email', 'a user with this email already exists'],
        users_phone_uq: ['phone', 'a user with this phone number already exists'],
      },
    ),
  );
  return { id };
}

/** Makes a user an owner or staff member of the context's shop. */
export async function addMembership(
  ctx: ShopContext,
  userId: string,
  role: 'owner' | 'staff',
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) =>
    tx
      .insert(memberships)
      .values({ shopId: ctx.shop.id, userId, role, createdAt: now })
      .onConflictDoUpdate({ target: [memberships.shopId, memberships.userId], set: { role } }),
  );
}

/** Assigns a trainer to a village (operator action). */
export async function assignTrainer(
  ctx: PlatformContext,
  villageId: string,
  userId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) =>
    tx
      .insert(trainerAssignments)
      .values({ villageId, userId, createdAt: now })
      .onConflictDoNothing(),
  );
}
