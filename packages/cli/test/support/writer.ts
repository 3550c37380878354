/**
 * A process that keeps writing to an Aldea database until SIGTERM, for the
 * "backup while another process writes" test. Villages are numbered w-1, w-2, …
 * and each is one transaction (village + text), so a consistent snapshot holds
 * exactly w-1..w-m for some m, each with its text.
 *
 * Usage: node --import tsx --conditions=aldea-source writer.ts <db file> <prefill>
 */
import { createVillage, openSqlite, platformContext } from '@aldea/core';

const [file, prefillArg] = process.argv.slice(2);
const db = openSqlite({ file: file! });
const ctx = platformContext(db);
const story = 'Basalt from the hills above the river, ground by hand. '.repeat(70);
let n = 0;
const make = () =>
  createVillage(ctx, {
    slug: `w-${++n}`,
    country: 'MX',
    defaultLocale: 'es-MX',
    defaultCurrency: 'MXN',
    texts: { 'es-MX': { name: `Pueblo ${n}`, story } },
  });

await db.transaction(async () => {
  for (let i = 0; i < Number(prefillArg ?? 0); i++) await make();
});
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
process.stdout.write(`ready ${n}\n`);
while (!stopping) {
  await make();
  await new Promise((resolve) => setImmediate(resolve)); // let the signal in
}
await db.close();
process.stdout.write(`stopped ${n}\n`);
