/**
 * `@aldea/cli` — the `aldea` command. The binary is `bin/aldea.mjs`; this entry
 * lets scripts run it in-process and reuse the server `aldea serve` runs.
 */
export { runCli } from './cli.js';
export { CliError, EXIT, type ExitCode, exitCodeFor } from './exit-codes.js';
export { gatewayFromConfig } from './integrations/payment-gateway.js';
export { smsSenderFromConfig } from './integrations/sms-sender.js';
export { mailerFromConfig } from './integrations/smtp-mailer.js';
export type { CliIo } from './io.js';
export { startOrderSweeper } from './serve/order-sweeper.js';
export { startOutboxLoop } from './serve/outbox-loop.js';
export { type PeriodicTask, startPeriodic } from './serve/periodic.js';
export { createServerApp, type ServerAppOptions } from './serve/server-app.js';
export { type RunningServer, type StartServerOptions, startServer } from './serve/start-server.js';
