import { openSqlite } from '../../../src/db/sqlite/open-sqlite.js';
import { manualProvider } from '../../../src/payments/manual-provider.js';
import type { PaymentGateway } from '../../../src/payments/provider.js';
import { platformContext } from '../../../src/tenancy/context.js';
import { shopContext } from '../../../src/tenancy/shops.js';

/** A child process's own connection to the shared database file and the shop under test. */
export async function childShop(file: string, shopId: string) {
  const db = openSqlite({ file, busyTimeoutMs: 30_000 });
  const ctx = await shopContext(platformContext(db), shopId);
  const gateway: PaymentGateway = { manual: manualProvider };
  return { db, ctx, gateway, links: { publicUrl: 'https://aldea.test' } };
}
