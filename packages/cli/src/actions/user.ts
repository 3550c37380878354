import {
  createUser,
  createUserAsOperator,
  grantMembership,
  parseInput,
  recordAudit,
  setTrainerAssignment,
  shopContext,
} from '@aldea/core';
import type { Command } from 'commander';
import { z } from 'zod';
import { withFlagNames } from '../flag-names.js';
import { type CliIo, printResult } from '../io.js';
import { cliContext, loadCliConfig, withDatabase } from '../runtime.js';
import { resolveVillage } from './village.js';

/** The roles `user create` gives. */
export const ROLES = ['owner', 'staff', 'trainer', 'operator'] as const;

/** The flags of `user create`, checked together: each role needs its own place. */
const UserCreateFlags = z
  .object({
    role: z.enum(ROLES),
    shop: z.string().min(1).optional(),
    village: z.string().min(1).optional(),
  })
  .superRefine((f, ctx) => {
    const needsShop = f.role === 'owner' || f.role === 'staff';
    if (needsShop && !f.shop) {
      ctx.addIssue({ code: 'custom', path: ['shop'], message: `required for the ${f.role} role` });
    }
    if (!needsShop && f.shop) {
      ctx.addIssue({ code: 'custom', path: ['shop'], message: `not used for the ${f.role} role` });
    }
    if (f.role === 'trainer' && !f.village) {
      ctx.addIssue({ code: 'custom', path: ['village'], message: 'required for the trainer role' });
    }
    if (f.role !== 'trainer' && f.village) {
      ctx.addIssue({
        code: 'custom',
        path: ['village'],
        message: `not used for the ${f.role} role (a shop implies its village)`,
      });
    }
  });

/** The options of `aldea user create`. */
export interface CreateUserOptions {
  name: string;
  email?: string;
  phone?: string;
  locale?: string;
  role: (typeof ROLES)[number];
  shop?: string;
  village?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const FLAGS = {
  role: '--role',
  shop: '--shop',
  village: '--village',
  name: '--name',
  email: '--email',
  phone: '--phone',
  locale: '--locale',
  password: '--password-stdin',
};

/** `aldea user create`. */
export async function createUserAction(
  io: CliIo,
  cmd: Command,
  opts: CreateUserOptions,
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const flags = await withFlagNames(FLAGS, async () =>
    parseInput(UserCreateFlags, { role: opts.role, shop: opts.shop, village: opts.village }),
  );
  const password = opts.passwordStdin ? await readStdin(io.stdin) : undefined;
  const created = await withDatabase(config, async (db) => {
    const op = await cliContext(db);
    // Resolve the place first: an unknown shop or village creates no user.
    const shop = flags.shop ? (await shopContext(op, flags.shop)).shop : undefined;
    const village = flags.village ? await resolveVillage(op, flags.village) : undefined;
    const input = {
      name: opts.name,
      ...(opts.email ? { email: opts.email } : {}),
      ...(opts.phone ? { phone: opts.phone } : {}),
      ...(opts.locale ? { locale: opts.locale as 'en' } : {}),
      isOperator: flags.role === 'operator',
    };
    // One transaction: a user without the role they were created for is never left behind.
    // (With a password, hashing holds the writer for a moment: fine for a one-off command.)
    return withFlagNames(FLAGS, () =>
      db.transaction(async (tx) => {
        const { id } =
          password === undefined
            ? await createUserAsOperator(op, input)
            : await createUser(op, { ...input, password });
        if (password !== undefined) {
          await recordAudit(tx, op, { action: 'user.create', entity: 'user', entityId: id });
        }
        if (shop)
          await grantMembership(op, { shopId: shop.id, userId: id, role: flags.role as 'owner' });
        if (village) await setTrainerAssignment(op, { villageId: village.id, userId: id }, true);
        return {
          id,
          role: flags.role,
          shop: shop ? { id: shop.id, slug: shop.slug } : null,
          village: village ? { id: village.id, slug: village.slug } : null,
          passwordSet: password !== undefined,
        };
      }),
    );
  });
  const place = created.shop
    ? ` of shop ${created.shop.slug}`
    : created.village
      ? ` of village ${created.village.slug}`
      : '';
  const hint = created.passwordSet
    ? ''
    : '\nNo password yet: they choose one with "Forgot password" on the sign-in page.';
  printResult(io, opts.json, created, `Created ${created.role}${place}: ${created.id}${hint}`);
}
