/**
 * A process full of buyers: places an order from every checkout token given,
 * all at once, against a database file another process uses too. Prints how
 * many were placed and how many were told "out of stock".
 *
 *   node race-buyers.mjs <db file> <shop id> <tokens json file> <quote json file>
 */
import { readFileSync } from 'node:fs';
import { placeOrder } from '../../../src/checkout/place-order.js';
import { childShop } from './child-context.js';

const [file, shopId, tokensFile] = process.argv.slice(2) as [string, string, string];
const checkouts = JSON.parse(readFileSync(tokensFile, 'utf8')) as {
  token: string;
  quoteId: string;
  totalMinor: number;
  currency: string;
}[];
const { db, ctx, gateway, links } = await childShop(file, shopId);
const results = await Promise.all(
  checkouts.map((c) =>
    placeOrder(
      ctx,
      c.token,
      { quoteId: c.quoteId, totalMinor: c.totalMinor, currency: c.currency },
      {
        gateway,
        links,
      },
    ),
  ),
);
const placed = results.filter((r) => r.ok).length;
const outOfStock = results.filter((r) => !r.ok && r.reason === 'OUT_OF_STOCK').length;
await db.close();
process.stdout.write(`${JSON.stringify({ placed, outOfStock, total: results.length })}\n`);
