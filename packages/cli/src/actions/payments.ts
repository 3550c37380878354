import { reconcilePayments } from '@aldea/core';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { gatewayFromConfig } from '../integrations/payment-gateway.js';
import { type CliIo, printResult } from '../io.js';
import { cliContext, loadCliConfig, withDatabase } from '../runtime.js';

/** The options of `aldea payments reconcile`. */
export interface ReconcileOptions {
  olderThan?: string;
  limit?: string;
  json?: boolean;
}

function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    throw new CliError(EXIT.VALIDATION, `${flag}: expected a whole number, got "${value}"`);
  }
  return Number(value);
}

/** `aldea payments reconcile`: asks Stripe about card payments whose webhook never came. */
export async function reconcile(io: CliIo, cmd: Command, opts: ReconcileOptions): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const olderThanMinutes = wholeNumber('--older-than', opts.olderThan, 0);
  const limit = wholeNumber('--limit', opts.limit, 500);
  const gateway = gatewayFromConfig(config);
  if (!gateway.card) {
    printResult(
      io,
      opts.json,
      { stripe: false, checked: 0, changed: [], errors: [] },
      'Stripe is not configured (STRIPE_SECRET_KEY): manual payments need no reconciling.',
    );
    return;
  }
  const result = await withDatabase(config, async (db) =>
    reconcilePayments(await cliContext(db), { gateway, olderThanMinutes, limit }),
  );
  const lines = [
    `Checked ${result.checked} open card payment(s); ${result.changed.length} changed, ${result.errors.length} could not be checked.`,
    ...result.changed.map((c) => `  ${c.orderId} (${c.paymentId}): ${c.outcome}`),
    ...result.errors.map((e) => `  ${e.paymentId}: ${e.message}`),
  ];
  printResult(io, opts.json, { stripe: true, ...result }, lines.join('\n'));
  if (result.errors.length > 0) {
    throw new CliError(
      EXIT.FAILURE,
      `${result.errors.length} payment(s) could not be checked; they are tried again next run`,
    );
  }
}
