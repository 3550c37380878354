import { inspectDatabaseFile } from '@aldea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMigratedDb } from './support/migrated-db.js';
import { runAldea, workspaceWith } from './support/run-aldea.js';

let template: string;
beforeAll(async () => {
  template = await makeMigratedDb();
});

describe('aldea seed --demo', () => {
  it('seeds an empty database with a progress bar, then refuses to seed it again (exit 5)', async () => {
    const ws = workspaceWith(template);
    const r = await runAldea(['--progress', 'always', 'seed', '--demo'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Seeding \[.*\] 100% \| (\d+)\/\1 shops/);
    expect(r.stdout).toMatch(/Seeded 2 villages, \d+ shops, \d+ products/);
    expect(r.stdout).toContain('Demo logins:');
    const counts = inspectDatabaseFile(ws.db).rowCounts;
    expect(counts.villages).toBe(2);
    expect(counts.products).toBeGreaterThanOrEqual(48);

    const again = await runAldea(['seed', '--demo', '--json'], { cwd: ws.dir });
    expect(again.code).toBe(5);
    expect(JSON.parse(again.stderr).error.message).toContain('already has villages');
    expect(inspectDatabaseFile(ws.db).rowCounts).toEqual(counts);
  });
});
