import { eq } from 'drizzle-orm';
import { AldeaError } from '../errors.js';
import { memberships, users } from '../schema/tenancy.js';
import { CreateShopInput, type CreateVillageInput } from '../tenancy/schemas.js';
import { createShop } from '../tenancy/shops.js';
import { createVillage } from '../tenancy/villages.js';
import { parseInput } from '../validation.js';
import { auditAsOperator } from './audit-as-operator.js';
import type { OperatorContext } from './operator-context.js';

/** Creates a village (operator screen), audited. */
export async function createVillageAsOperator(
  op: OperatorContext,
  input: CreateVillageInput,
): Promise<{ id: string; slug: string }> {
  return op.db.transaction(async (tx) => {
    const village = await createVillage(op, input);
    await auditAsOperator(tx, op, {
      action: 'village.create',
      entity: 'village',
      entityId: village.id,
      data: { slug: village.slug },
    });
    return village;
  });
}

/**
 * Creates a shop in a village and, optionally, makes a user its owner — one
 * transaction (no shop without its owner when one was named), audited.
 */
export async function createShopAsOperator(
  op: OperatorContext,
  input: CreateShopInput,
  opts: { ownerUserId?: string } = {},
): Promise<{ id: string; slug: string }> {
  // Validate first, so a bad form never opens a transaction.
  parseInput(CreateShopInput, input);
  const now = op.clock.now();
  return op.db.transaction(async (tx) => {
    const shop = await createShop(op, input);
    if (opts.ownerUserId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.id, opts.ownerUserId));
      if (!owner) {
        throw new AldeaError('VALIDATION', 'no such user', [
          { path: 'ownerUserId', message: 'no such user', code: 'not_found' },
        ]);
      }
      await tx
        .insert(memberships)
        .values({ shopId: shop.id, userId: owner.id, role: 'owner', createdAt: now });
    }
    await auditAsOperator(
      tx,
      op,
      {
        action: 'shop.create',
        entity: 'shop',
        entityId: shop.id,
        data: { slug: shop.slug, ownerUserId: opts.ownerUserId ?? null },
      },
      shop.id,
    );
    return { id: shop.id, slug: shop.slug };
  });
}
