import { join } from 'node:path';
import { openSqlite } from '@aldea/core';
import { workspace } from './run-aldea.js';

/**
 * A migrated database file made once per test file (through core, not the CLI:
 * `migrate.test.ts` covers the command), closed so it can be copied.
 */
export async function makeMigratedDb(): Promise<string> {
  const file = join(workspace().dir, 'template.db');
  const db = openSqlite({ file });
  await db.migrate();
  await db.close();
  return file;
}
