import {
  AldeaError,
  type ApiTokenInfo,
  createApiToken,
  createPlatformApiToken,
  isAldeaError,
  listApiTokens,
  notFound,
  type OperatorContext,
  revokeApiToken,
  type ShopContext,
  shopContext,
} from '@aldea/core';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { withFlagNames } from '../flag-names.js';
import { type CliIo, note, printResult } from '../io.js';
import { cliContext, loadCliConfig, withDatabase } from '../runtime.js';

/** Whose tokens a `token` command works on: one shop's, or the platform's. */
export interface TokenOwnerOptions {
  shop?: string;
  platform?: boolean;
}

/** The options of `aldea token create`. */
export interface TokenCreateOptions extends TokenOwnerOptions {
  name: string;
  scope: string[];
  json?: boolean;
}

const FLAGS = { name: '--name', scopes: '--scope' };

/** Checked before the database is opened: exactly one of `--shop` and `--platform` (commander refuses both). */
function checkOwner(opts: TokenOwnerOptions): void {
  if (!opts.shop && !opts.platform) {
    throw new CliError(EXIT.USAGE, 'say whose tokens: --shop <id|slug> or --platform');
  }
}

/** The context that manages the tokens: the shop's (as the CLI's system actor) or the platform's. */
async function ownerContext(
  op: OperatorContext,
  opts: TokenOwnerOptions,
): Promise<{ ctx: ShopContext | OperatorContext; label: string }> {
  if (!opts.shop) return { ctx: op, label: 'the platform' };
  try {
    const ctx = await shopContext(op, opts.shop);
    return { ctx, label: `shop ${ctx.shop.slug}` };
  } catch (err) {
    if (isAldeaError(err, 'NOT_FOUND')) throw notFound(`shop "${opts.shop}"`);
    throw err;
  }
}

/** `--scope a --scope b,c` → `['a', 'b', 'c']`. */
function scopesOf(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((s) => s.trim());
}

/** Names the scope that was refused (`"orders:delete" is not a scope here: one of …`). */
async function namingBadScopes<T>(scopes: string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!isAldeaError(err, 'VALIDATION')) throw err;
    const issues = err.issues.map((i) => {
      const at = /^scopes\.(\d+)$/.exec(i.path);
      const bad = at ? scopes[Number(at[1])] : undefined;
      return bad === undefined
        ? i
        : { ...i, message: `"${bad}" is not allowed here: ${i.message}` };
    });
    throw new AldeaError('VALIDATION', err.message, issues, { cause: err });
  }
}

const minute = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')}Z` : '');

/** `aldea token create`: prints the secret alone on stdout (or everything with `--json`). */
export async function createTokenAction(
  io: CliIo,
  cmd: Command,
  opts: TokenCreateOptions,
): Promise<void> {
  checkOwner(opts);
  const { config } = loadCliConfig(io, cmd);
  const scopes = scopesOf(opts.scope);
  const { created, label } = await withDatabase(config, async (db) => {
    const owner = await ownerContext(await cliContext(db), opts);
    const input = { name: opts.name, scopes: scopes as never[] };
    const created = await withFlagNames(FLAGS, () =>
      namingBadScopes(scopes, () =>
        'shop' in owner.ctx
          ? createApiToken(owner.ctx, input)
          : createPlatformApiToken(owner.ctx, input),
      ),
    );
    return { created, label: owner.label };
  });
  const { apiToken } = created;
  note(
    io,
    opts.json,
    `Created token "${apiToken.name}" (${apiToken.id}) for ${label} with ${apiToken.scopes.join(', ')}.\n` +
      'Copy it now: it is shown only this once (only its hash is stored).',
  );
  printResult(io, opts.json, created, created.token);
}

/** `aldea token list`. */
export async function listTokensAction(
  io: CliIo,
  cmd: Command,
  opts: TokenOwnerOptions & { json?: boolean },
): Promise<void> {
  checkOwner(opts);
  const { config } = loadCliConfig(io, cmd);
  const tokens = await withDatabase(config, async (db) =>
    listApiTokens((await ownerContext(await cliContext(db), opts)).ctx),
  );
  const rows = tokens.map((t) =>
    [
      t.id.padEnd(30),
      t.prefix.padEnd(17),
      (t.revokedAt ? 'revoked' : 'active').padEnd(8),
      minute(t.createdAt).padEnd(18),
      (minute(t.lastUsedAt) || 'never').padEnd(18),
      t.scopes.join(','),
      ` ${t.name}`,
    ].join(' '),
  );
  const header = ['ID'.padEnd(30), 'PREFIX'.padEnd(17), 'STATUS'.padEnd(8)]
    .concat(['CREATED'.padEnd(18), 'LAST USED'.padEnd(18), 'SCOPES  NAME'])
    .join(' ');
  printResult(io, opts.json, tokens, rows.length ? [header, ...rows].join('\n') : 'No tokens yet.');
}

/** `aldea token revoke`: revoking a revoked token changes nothing and says so. */
export async function revokeTokenAction(
  io: CliIo,
  cmd: Command,
  tokenId: string,
  opts: TokenOwnerOptions & { json?: boolean },
): Promise<void> {
  checkOwner(opts);
  const { config } = loadCliConfig(io, cmd);
  const { before, after } = await withDatabase(config, async (db) => {
    const { ctx, label } = await ownerContext(await cliContext(db), opts);
    const before: ApiTokenInfo | undefined = (await listApiTokens(ctx)).find(
      (t) => t.id === tokenId,
    );
    if (!before) throw notFound(`token "${tokenId}" of ${label}`);
    return { before, after: await revokeApiToken(ctx, tokenId) };
  });
  const human = before.revokedAt
    ? `Token "${after.name}" (${after.prefix}) was already revoked at ${minute(before.revokedAt)}; nothing changed.`
    : `Revoked token "${after.name}" (${after.prefix}): programs using it are refused from now on.`;
  printResult(io, opts.json, after, human);
}
