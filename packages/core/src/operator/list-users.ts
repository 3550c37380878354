import { and, asc, eq, gt, inArray, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, shops, trainerAssignments, users, villages } from '../schema/tenancy.js';
import { parseInput } from '../validation.js';
import type { OperatorContext } from './operator-context.js';

/** A user on the operator's list, with where they work. */
export interface OperatorUserRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string;
  isOperator: boolean;
  disabled: boolean;
  hasPassword: boolean;
  memberships: { shopId: string; shopSlug: string; role: 'owner' | 'staff' }[];
  trainerOf: { villageId: string; villageSlug: string }[];
  createdAt: Date;
}

/** Input of {@link listUsers}: a search and an id keyset page. */
export const ListUsersInput = z.object({
  /** Part of the name, email or phone. */
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The last id of the previous page. */
  after: z.string().max(64).optional(),
});
export type ListUsersInput = z.input<typeof ListUsersInput>;

/** Every user of the platform (operator read), one page at a time. Three statements. */
export async function listUsers(
  op: OperatorContext,
  raw: ListUsersInput = {},
): Promise<{ items: OperatorUserRow[]; nextAfter: string | null }> {
  const input = parseInput(ListUsersInput, raw);
  const q = input.q ? `%${input.q.replace(/[%_]/g, '').toLowerCase()}%` : undefined;
  const rows = await op.db.read
    .select()
    .from(users)
    .where(
      and(
        q ? or(like(users.name, q), like(users.email, q), like(users.phone, q)) : undefined,
        input.after ? gt(users.id, input.after) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    items: await withWorkplaces(op, page),
    nextAfter: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

type UserRow = typeof users.$inferSelect;

/** Adds memberships and trainer villages to user rows: two statements for any number of users. */
async function withWorkplaces(op: OperatorContext, page: UserRow[]): Promise<OperatorUserRow[]> {
  const ids = page.map((u) => u.id);
  const [member, trainer] = ids.length
    ? await Promise.all([
        op.db.read
          .select({
            userId: memberships.userId,
            shopId: memberships.shopId,
            shopSlug: shops.slug,
            role: memberships.role,
          })
          .from(memberships)
          .innerJoin(shops, eq(shops.id, memberships.shopId))
          .where(inArray(memberships.userId, ids)),
        op.db.read
          .select({
            userId: trainerAssignments.userId,
            villageId: villages.id,
            villageSlug: villages.slug,
          })
          .from(trainerAssignments)
          .innerJoin(villages, eq(villages.id, trainerAssignments.villageId))
          .where(inArray(trainerAssignments.userId, ids)),
      ])
    : [[], []];
  return page.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    locale: u.locale,
    isOperator: u.isOperator,
    disabled: u.disabledAt !== null,
    hasPassword: u.passwordHash !== null,
    memberships: member
      .filter((m) => m.userId === u.id)
      .map(({ shopId, shopSlug, role }) => ({ shopId, shopSlug, role })),
    trainerOf: trainer
      .filter((t) => t.userId === u.id)
      .map(({ villageId, villageSlug }) => ({ villageId, villageSlug })),
    createdAt: u.createdAt,
  }));
}

/** One user as the operator's list shows them, or undefined. Three statements. */
export async function findUserForOperator(
  op: OperatorContext,
  userId: string,
): Promise<OperatorUserRow | undefined> {
  const rows = await op.db.read.select().from(users).where(eq(users.id, userId));
  return (await withWorkplaces(op, rows))[0];
}
