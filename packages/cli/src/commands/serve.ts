import type { Command } from 'commander';
import type { ServeOptions } from '../actions/serve.js';
import { examples } from '../help-text.js';
import type { CliIo } from '../io.js';

/** Registers `aldea serve`. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('Serve the storefront (/), the admin (/admin) and /healthz until stopped')
    .option('--port <port>', 'TCP port (overrides PORT; 0 picks a free one)')
    .option('--host <address>', 'address to bind (overrides ALDEA_HOST)')
    .option('--migrate', 'apply pending migrations before starting (else refuse to start)')
    .option('--no-jobs', 'do not run the background job worker in this process')
    .option('--json', 'print the start-up line as JSON')
    .addHelpText(
      'after',
      `${examples(
        'aldea serve',
        'ALDEA_PUBLIC_URL=https://shops.example.org ALDEA_TRUST_PROXY=true aldea serve --port 8080',
        'aldea serve --migrate --host 0.0.0.0',
      )}
Stops cleanly on SIGINT or SIGTERM (exit 0). Put it behind a reverse proxy
with HTTPS: see docs/operator-guide.md.
`,
    )
    .action(async (opts: ServeOptions, cmd: Command) => {
      // Loaded only here: other commands never load (or depend on) the web apps.
      const { serveAction } = await import('../actions/serve.js');
      await serveAction(io, cmd, opts);
    });
}
