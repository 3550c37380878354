import { join } from 'node:path';
import {
  authenticateApiToken,
  createShop,
  createVillage,
  inspectDatabaseFile,
  openSqlite,
  platformContext,
} from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { memoryIo } from './support/memory-io.js';
import { json, runAldea, workspace, workspaceWith } from './support/run-aldea.js';

const TOKEN = /^aldea_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/;

interface TokenJson {
  id: string;
  shopId: string | null;
  name: string;
  prefix: string;
  scopes: string[];
  revokedAt: string | null;
}

/** A migrated database with a village and the shop `lin-hickory`, made through core. */
let template: string;
beforeAll(async () => {
  template = join(workspace().dir, 'template.db');
  const db = openSqlite({ file: template });
  await db.migrate();
  const platform = platformContext(db);
  const village = await createVillage(platform, {
    slug: 'bainiu',
    country: 'CN',
    defaultLocale: 'zh-CN',
    defaultCurrency: 'CNY',
    texts: { 'zh-CN': { name: '白牛村' } },
  });
  await createShop(platform, {
    villageId: village.id,
    slug: 'lin-hickory',
    baseCurrency: 'CNY',
    defaultLocale: 'zh-CN',
    texts: { 'zh-CN': { name: '林家山核桃' } },
  });
  await db.close();
});

const tokenRows = (db: string) => inspectDatabaseFile(db).rowCounts.api_tokens;

/** Whether a token string still opens the API (read straight from the file). */
async function authenticates(file: string, token: string) {
  const db = openSqlite({ file });
  try {
    return await authenticateApiToken(platformContext(db), token);
  } finally {
    await db.close();
  }
}

describe('aldea token (shop)', () => {
  it('creates a token, prints only the secret on stdout, lists it without the secret, revokes it', async () => {
    const ws = workspaceWith(template);
    const made = await runAldea(
      [
        ...['token', 'create', '--shop', 'lin-hickory', '--name', 'stock sync'],
        ...['--scope', 'catalog:write', '--scope', 'orders:read,orders:write'],
      ],
      { cwd: ws.dir },
    );
    expect(made.code).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(TOKEN);
    expect(made.stderr).toContain('Created token "stock sync"');
    expect(made.stderr).toContain('shown only this once');
    expect(await authenticates(ws.db, token)).toMatchObject({
      name: 'stock sync',
      scopes: ['catalog:write', 'orders:read', 'orders:write'],
    });

    const list = await runAldea(['token', 'list', '--shop', 'lin-hickory'], { cwd: ws.dir });
    expect(list.code).toBe(0);
    // Created, and last used (by the check above), to the minute.
    expect(list.stdout).toMatch(
      /tok_\w+\s+aldea_[0-9a-f]{10}\s+active\s+(\S+ \d\d:\d\dZ\s+){2}catalog:write,orders:read/,
    );
    expect(list.stdout).not.toContain(token);

    const listed = json<TokenJson[]>(
      await runAldea(['token', 'list', '--shop', 'lin-hickory', '--json'], { cwd: ws.dir }),
    );
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token.slice(-43));
    const id = listed[0]!.id;

    const revoked = await runAldea(['token', 'revoke', id, '--shop', 'lin-hickory', '--json'], {
      cwd: ws.dir,
    });
    expect(revoked.code).toBe(0);
    expect(json<TokenJson>(revoked)).toMatchObject({ id, revokedAt: expect.any(String) });
    expect(await authenticates(ws.db, token)).toBeUndefined();
    const again = await runAldea(['token', 'revoke', id, '--shop', 'lin-hickory'], { cwd: ws.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already revoked');
  });

  it('prints the token with its details as JSON', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(
      [
        'token',
        'create',
        '--shop',
        'lin-hickory',
        '--name',
        'export',
        '--scope',
        'orders:read',
        '--json',
      ],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = json<{ token: string; apiToken: TokenJson }>(r);
    expect(out.token).toMatch(TOKEN);
    expect(out.token.startsWith(`${out.apiToken.prefix}_`)).toBe(true);
    expect(out.apiToken).toMatchObject({
      name: 'export',
      scopes: ['orders:read'],
      revokedAt: null,
    });
  });

  it('refuses an unknown scope with exit 3, naming the flag and the value, and saves nothing', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(
      [
        ...['token', 'create', '--shop', 'lin-hickory', '--name', 'x'],
        ...['--scope', 'catalog:read', '--scope', 'catalog:delete', '--json'],
      ],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const { error } = JSON.parse(r.stderr) as {
      error: { issues: { path: string; message: string }[] };
    };
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: '--scope',
        message: expect.stringContaining('"catalog:delete"'),
      }),
    ]);
    expect(tokenRows(ws.db)).toBe(0);
  });

  it('exits 4 for a shop that does not exist, and for a token of another owner', async () => {
    const ws = workspaceWith(template);
    const create = await runAldea(
      ['token', 'create', '--shop', 'atlantis', '--name', 'x', '--scope', 'catalog:read'],
      { cwd: ws.dir },
    );
    expect(create.code).toBe(4);
    expect(create.stderr).toContain('shop "atlantis" not found');
    expect((await runAldea(['token', 'list', '--shop', 'atlantis'], { cwd: ws.dir })).code).toBe(4);
    expect(tokenRows(ws.db)).toBe(0);

    // A shop token is not the platform's to revoke.
    const made = json<{ token: string; apiToken: TokenJson }>(
      await runAldea(
        [
          'token',
          'create',
          '--shop',
          'lin-hickory',
          '--name',
          'a',
          '--scope',
          'catalog:read',
          '--json',
        ],
        { cwd: ws.dir },
      ),
    );
    const wrong = await runAldea(['token', 'revoke', made.apiToken.id, '--platform'], {
      cwd: ws.dir,
    });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toContain('of the platform not found');
    expect(await authenticates(ws.db, made.token)).toBeDefined();
  });
});

describe('aldea token --platform', () => {
  it('makes fx:write tokens, lists only platform tokens, and refuses shop scopes (exit 3)', async () => {
    const ws = workspaceWith(template);
    const made = await runAldea(
      ['token', 'create', '--platform', '--name', 'ECB cron', '--scope', 'fx:write', '--json'],
      { cwd: ws.dir },
    );
    expect(made.code).toBe(0);
    const out = json<{ token: string; apiToken: TokenJson }>(made);
    expect(out.apiToken).toMatchObject({ shopId: null, scopes: ['fx:write'] });
    expect(await authenticates(ws.db, out.token)).toMatchObject({ shopId: null });

    const shopScope = await runAldea(
      ['token', 'create', '--platform', '--name', 'x', '--scope', 'catalog:read'],
      { cwd: ws.dir },
    );
    expect(shopScope.code).toBe(3);
    expect(shopScope.stderr).toContain('--scope: "catalog:read" is not allowed here');

    const list = json<TokenJson[]>(
      await runAldea(['token', 'list', '--platform', '--json'], { cwd: ws.dir }),
    );
    expect(list.map((t) => t.name)).toEqual(['ECB cron']);
    const shopList = json<TokenJson[]>(
      await runAldea(['token', 'list', '--shop', 'lin-hickory', '--json'], { cwd: ws.dir }),
    );
    expect(shopList).toEqual([]);
  });
});

describe('aldea token usage', () => {
  it.each([
    [['token', 'list'], 'say whose tokens: --shop <id|slug> or --platform'],
    [['token', 'list', '--shop', 'x', '--platform'], "cannot be used with option '--platform'"],
    [['token', 'create', '--shop', 'x', '--name', 'n'], "required option '--scope <scope>'"],
    [['token', 'revoke', '--shop', 'x'], "missing required argument 'tokenId'"],
  ])('aldea %j exits 2: %s', async (args, message) => {
    const m = memoryIo({}, workspace().dir);
    expect(await runCli(args, m.io)).toBe(2);
    expect(m.stderr()).toContain(message);
    expect(m.stdout()).toBe('');
  });

  it.each([['create'], ['list'], ['revoke']])(
    'token %s --help shows examples and --json',
    async (sub) => {
      const m = memoryIo();
      expect(await runCli(['token', sub, '--help'], m.io)).toBe(0);
      expect(m.stdout()).toContain(`Usage: aldea token ${sub}`);
      expect(m.stdout()).toMatch(/Examples?:\n {2}\$ aldea token /);
      expect(m.stdout()).toContain('--json');
      expect(m.stdout()).toContain('--platform');
    },
  );
});
