import { inspectDatabaseFile } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMigratedDb } from './support/migrated-db.js';
import { json, runAldea, workspaceWith } from './support/run-aldea.js';

let template: string;
beforeAll(async () => {
  template = await makeMigratedDb();
});

const rows = (db: string) => inspectDatabaseFile(db).rowCounts;

const BAINIU = [
  'village',
  'create',
  'bainiu',
  '--country',
  'CN',
  '--locale',
  'zh-CN',
  '--currency',
  'CNY',
  '--name',
  '白牛村',
  '--name',
  'en=Bainiu',
  '--region',
  "en=Lin'an, Hangzhou",
];

describe('village and shop', () => {
  it('creates a village and a shop in it, lists them, and refuses duplicates (exit 5)', async () => {
    const ws = workspaceWith(template);
    const village = await runAldea([...BAINIU, '--json'], { cwd: ws.dir });
    expect(village.code).toBe(0);
    expect(json(village)).toMatchObject({ slug: 'bainiu', id: expect.stringMatching(/^vil_/) });

    const shop = await runAldea(
      [
        ...['shop', 'create', 'lin-hickory', '--village', 'bainiu', '--currency', 'CNY'],
        ...['--locale', 'zh-CN', '--locales', 'en', '--buyer-currencies', 'USD,EUR'],
        ...[
          '--name',
          '林家山核桃',
          '--name',
          'en=Lin Family Hickory',
          '--status',
          'live',
          '--json',
        ],
      ],
      { cwd: ws.dir },
    );
    expect(shop.code).toBe(0);
    expect(json(shop)).toMatchObject({
      slug: 'lin-hickory',
      baseCurrency: 'CNY',
      buyerCurrencies: ['CNY', 'USD', 'EUR'],
      locales: ['zh-CN', 'en'],
      status: 'live',
    });

    const list = await runAldea(['shop', 'list', '--village', 'bainiu'], { cwd: ws.dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/lin-hickory\s+shop_\w+\s+live\s+CNY/);

    const before = rows(ws.db);
    const again = await runAldea(BAINIU, { cwd: ws.dir });
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('a village with this slug already exists');
    expect(rows(ws.db)).toEqual(before);
  });

  it('names the flags of bad input (exit 3) and writes nothing', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(
      [
        ...['village', 'create', 'Bad Slug!', '--country', 'China', '--locale', 'zh-CN'],
        ...['--currency', 'XYZ', '--name', 'X', '--json'],
      ],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(3);
    const { error } = JSON.parse(r.stderr) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(['<slug>', '--country', '--currency']);
    expect(rows(ws.db).villages).toBe(0);
  });

  it('exits 4 for a shop in a village that does not exist', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(
      [
        'shop',
        'create',
        'x-shop',
        '--village',
        'atlantis',
        '--currency',
        'MXN',
        '--locale',
        'es-MX',
        '--name',
        'X',
      ],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('village "atlantis" not found');
    expect(rows(ws.db).shops).toBe(0);
  });

  it('exits 4 when the database does not exist yet, creating nothing', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(['village', 'list'], {
      cwd: ws.dir,
      env: { ALDEA_DATABASE: 'elsewhere/new.db' },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('create it with `aldea migrate`');
  });
});

describe('user create', () => {
  it('gives each role its place, in one transaction with the user', async () => {
    const ws = workspaceWith(template);
    expect((await runAldea(BAINIU, { cwd: ws.dir })).code).toBe(0);
    const shop = await runAldea(
      [
        'shop',
        'create',
        'lin-hickory',
        '--village',
        'bainiu',
        '--currency',
        'CNY',
        '--locale',
        'zh-CN',
        '--name',
        '林家',
      ],
      { cwd: ws.dir },
    );
    expect(shop.code).toBe(0);

    const owner = await runAldea(
      [
        'user',
        'create',
        '--name',
        'Lin Wei',
        '--phone',
        '+8613800000000',
        '--role',
        'owner',
        '--shop',
        'lin-hickory',
        '--json',
      ],
      { cwd: ws.dir },
    );
    expect(owner.code).toBe(0);
    expect(json(owner)).toMatchObject({
      role: 'owner',
      shop: { slug: 'lin-hickory' },
      passwordSet: false,
    });

    const trainer = await runAldea(
      [
        'user',
        'create',
        '--name',
        'Ana',
        '--email',
        'ana@example.org',
        '--role',
        'trainer',
        '--village',
        'bainiu',
      ],
      { cwd: ws.dir },
    );
    expect(trainer.code).toBe(0);
    expect(trainer.stdout).toContain('Created trainer of village bainiu');

    const operator = await runAldea(
      [
        'user',
        'create',
        '--name',
        'Ops',
        '--email',
        'ops@example.org',
        '--role',
        'operator',
        '--password-stdin',
        '--json',
      ],
      { cwd: ws.dir, input: 'a long enough password\n' },
    );
    expect(operator.code).toBe(0);
    expect(json(operator)).toMatchObject({ role: 'operator', passwordSet: true });

    const counts = rows(ws.db);
    expect(counts).toMatchObject({ users: 3, memberships: 1, trainer_assignments: 1 });
  });

  it.each([
    [['--role', 'owner'], 3, '--shop: required for the owner role'],
    [['--role', 'trainer', '--shop', 'x'], 3, '--village: required for the trainer role'],
    [['--role', 'operator', '--village', 'bainiu'], 3, '--village: not used for the operator role'],
    [['--role', 'staff', '--shop', 'nowhere'], 4, 'shop not found'],
    [['--role', 'trainer', '--village', 'nowhere'], 4, 'village "nowhere" not found'],
  ])('refuses %j (exit %i) and creates no user', async (flags, code, message) => {
    const ws = workspaceWith(template);
    const r = await runAldea(
      ['user', 'create', '--name', 'Nobody', '--email', 'n@example.org', ...flags],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(rows(ws.db).users).toBe(0);
  });

  it('refuses a short password from stdin (exit 3) and a duplicate email (exit 5)', async () => {
    const ws = workspaceWith(template);
    const base = [
      'user',
      'create',
      '--name',
      'Ops',
      '--email',
      'ops@example.org',
      '--role',
      'operator',
    ];
    const short = await runAldea([...base, '--password-stdin'], { cwd: ws.dir, input: 'short' });
    expect(short.code).toBe(3);
    expect(short.stderr).toContain('--password-stdin: use at least 10 characters');
    expect((await runAldea(base, { cwd: ws.dir })).code).toBe(0);
    const dup = await runAldea(base, { cwd: ws.dir });
    expect(dup.code).toBe(5);
    expect(dup.stderr).toContain('a user with this email already exists');
    expect(rows(ws.db).users).toBe(1);
  });
});
