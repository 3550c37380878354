import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { authorize } from '../auth/permissions.js';
import { cached } from '../catalog/prepared.js';
import { memoUntilWrite } from '../db/memo-until-write.js';
import { AldeaError } from '../errors.js';
import { LOCALES } from '../i18n/locales.js';
import { type PaymentInstructions, shopPaymentSettings } from '../schema/payments.js';
import type { ShopContext } from '../tenancy/context.js';
import { parseInput } from '../validation.js';

/** Payment methods confirmed by a person rather than a provider event. */
export const MANUAL_METHODS = ['bank_transfer', 'cash', 'pay_at_coop'] as const;
export type ManualMethod = (typeof MANUAL_METHODS)[number];

/** How a shop gets paid (defaults when it never said). */
export interface PaymentSettings {
  cardEnabled: boolean;
  stripeAccountId: string | null;
  platformFeeBps: number;
  manualMethods: ManualMethod[];
  instructions: PaymentInstructions;
  cardHoldMinutes: number;
  manualHoldHours: number;
  notifyEmail: string | null;
}

/** What a shop that set nothing gets: cards (when the platform has Stripe) and bank transfer. */
export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  cardEnabled: true,
  stripeAccountId: null,
  platformFeeBps: 0,
  manualMethods: ['bank_transfer'],
  instructions: {},
  cardHoldMinutes: 35,
  manualHoldHours: 120,
  notifyEmail: null,
};

function isManual(m: string): m is ManualMethod {
  return (MANUAL_METHODS as readonly string[]).includes(m);
}

/**
 * The shop's payment settings, or the defaults. One statement, then from memory
 * until the next commit (every order placed reads them). Do not mutate the result.
 */
export function getPaymentSettings(ctx: ShopContext): Promise<PaymentSettings> {
  return memoUntilWrite(ctx.db, `payment-settings:${ctx.shop.id}`, async () => {
    const db = ctx.db.read;
    const [row] = cached(db, 'payments.settings', () =>
      db
        .select()
        .from(shopPaymentSettings)
        .where(eq(shopPaymentSettings.shopId, sql.placeholder('shopId')))
        .prepare(),
    ).all({ shopId: ctx.shop.id });
    if (!row) return DEFAULT_PAYMENT_SETTINGS;
    return {
      cardEnabled: row.cardEnabled,
      stripeAccountId: row.stripeAccountId,
      platformFeeBps: row.platformFeeBps,
      manualMethods: row.manualMethods.filter(isManual),
      instructions: row.instructions,
      cardHoldMinutes: row.cardHoldMinutes,
      manualHoldHours: row.manualHoldHours,
      notifyEmail: row.notifyEmail,
    };
  });
}

const Instructions = z.partialRecord(
  z.enum(MANUAL_METHODS),
  z.partialRecord(z.enum(LOCALES), z.string().trim().max(2000)),
);

/** Changes to a shop's payment settings; omitted fields stay. */
export const PaymentSettingsInput = z.object({
  cardEnabled: z.boolean().optional(),
  stripeAccountId: z
    .string()
    .trim()
    .regex(/^acct_[A-Za-z0-9]{6,64}$/, 'a Stripe connected account id looks like acct_…')
    .nullable()
    .optional(),
  platformFeeBps: z.number().int().min(0).max(5000).optional(),
  manualMethods: z
    .array(z.enum(MANUAL_METHODS))
    .max(3)
    .transform((ms) => [...new Set(ms)])
    .optional(),
  instructions: Instructions.optional(),
  cardHoldMinutes: z.number().int().min(30, 'at least 30 minutes').max(1440).optional(),
  manualHoldHours: z.number().int().min(1).max(720, 'at most 30 days').optional(),
  notifyEmail: z.email().max(254).nullable().optional(),
});
export type PaymentSettingsInput = z.input<typeof PaymentSettingsInput>;

/**
 * Changes how the shop gets paid. Needs `settings.write`; the connected account
 * needs `payouts.manage`; the platform fee is the platform's to set (operator or
 * system). Audited.
 */
export async function setPaymentSettings(
  ctx: ShopContext,
  raw: PaymentSettingsInput,
): Promise<PaymentSettings> {
  authorize(ctx, 'settings.write');
  const input = parseInput(PaymentSettingsInput, raw);
  if (input.stripeAccountId !== undefined) authorize(ctx, 'payouts.manage');
  if (input.platformFeeBps !== undefined && ctx.role !== 'operator' && ctx.role !== 'system') {
    throw new AldeaError('FORBIDDEN', 'only the platform operator sets the platform fee');
  }
  const current = await getPaymentSettings(ctx);
  const next: PaymentSettings = { ...current, ...input } as PaymentSettings;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(shopPaymentSettings)
      .values({ shopId: ctx.shop.id, ...next, updatedAt: now })
      .onConflictDoUpdate({
        target: shopPaymentSettings.shopId,
        set: { ...input, updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      action: 'payments.settings.update',
      entity: 'shop',
      entityId: ctx.shop.id,
      data: input,
    });
  });
  return next;
}
