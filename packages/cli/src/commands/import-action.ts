import { existsSync } from 'node:fs';
import {
  describeProblemWithPlace,
  fileSource,
  type ImportMode,
  type ImportReport,
  importProducts,
  importSellers,
  listCohorts,
  localDiskStorage,
  notFound,
  type SellersImportReport,
  shopContext,
} from '@aldea/core';
import type { Command } from 'commander';
import { resolveVillage } from '../actions/village.js';
import { CliError, EXIT } from '../exit-codes.js';
import { type CliIo, note, printResult } from '../io.js';
import { startProgress } from '../progress.js';
import { cliContext, globalOptions, loadCliConfig, withDatabase } from '../runtime.js';

interface Common {
  dryRun?: boolean;
  goodRowsOnly?: boolean;
  locale: 'en' | 'zh-CN' | 'es-MX';
  json?: boolean;
}

/** The options of `aldea import sellers`. */
export interface ImportSellersCliOptions extends Common {
  village: string;
  cohort?: string;
  template?: string;
  print?: boolean;
}

/** The options of `aldea import products`. */
export interface ImportProductsCliOptions extends Common {
  shop: string;
  photos?: string;
}

const modeOf = (o: Common): ImportMode =>
  o.dryRun ? 'dry-run' : o.goodRowsOnly ? 'good-rows' : 'all-or-nothing';

function existing(path: string, what: string): string {
  if (!existsSync(path)) throw new CliError(EXIT.NOT_FOUND, `no ${what} at ${path}`);
  return path;
}

/** Prints the report (JSON with every problem worded, or lines for people) and sets the exit code. */
function finish(io: CliIo, opts: Common, report: ImportReport, extra: string[] = []): void {
  const problems = report.problems.map((p) => ({
    ...p,
    message: describeProblemWithPlace(p, opts.locale),
  }));
  const verb = report.written
    ? 'Imported'
    : report.mode === 'dry-run'
      ? 'Checked (nothing written)'
      : 'Nothing written';
  const lines = [
    `${verb}: ${report.rows} row(s) — ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped.`,
    ...(report.file.encoding
      ? [
          `Read ${report.file.name} as ${report.file.encoding}, delimiter ${JSON.stringify(report.file.delimiter)}.`,
        ]
      : []),
    ...problems.map((p) => `  ${p.severity === 'error' ? 'error' : 'warning'}: ${p.message}`),
    ...(report.errors + report.warnings > problems.length
      ? [`  … and ${report.errors + report.warnings - problems.length} more`]
      : []),
    ...extra,
  ];
  printResult(io, opts.json, { ...report, problems }, lines.join('\n'));
  if (report.errors > 0 && !report.written) {
    throw new CliError(
      EXIT.VALIDATION,
      `${report.errors} problem(s) in ${report.file.name}; nothing was written`,
    );
  }
}

/** `aldea import sellers FILE`. */
export async function importSellersAction(
  io: CliIo,
  cmd: Command,
  file: string,
  opts: ImportSellersCliOptions,
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const source = fileSource(existing(file, 'file'));
  const base = `${config.publicUrl ?? 'http://localhost:3000'}/admin`;
  const bar = startProgress(io, {
    label: 'Importing',
    unit: 'bytes',
    mode: globalOptions(cmd).progress,
    json: opts.json,
  });
  const report: SellersImportReport = await withDatabase(config, async (db) => {
    const ctx = { ...(await cliContext(db)), locale: opts.locale };
    const village = await resolveVillage(ctx, opts.village);
    const cohort = opts.cohort
      ? (await listCohorts(ctx, village.id)).find(
          (c) => c.id === opts.cohort || c.name === opts.cohort,
        )
      : undefined;
    if (opts.cohort && !cohort) throw notFound(`cohort "${opts.cohort}"`);
    try {
      return await importSellers(ctx, source, {
        mode: modeOf(opts),
        villageId: village.id,
        cohortId: cohort?.id,
        templateId: opts.template,
        delivery: opts.print ? 'print' : 'auto',
        links: { inviteUrl: (v, s) => `${base}/invite/${encodeURIComponent(v)}/${s}` },
        onProgress: (p) => bar.update(p.done, p.total),
      });
    } finally {
      bar.stop();
    }
  });
  const printed = report.invitations.filter((i) => i.invitation.channel === 'print');
  if (printed.length > 0)
    note(
      io,
      opts.json,
      'Printed invitations (shown once; run the admin\'s "print" to make new codes):',
    );
  finish(
    io,
    opts,
    report,
    printed.map((i) => `  ${i.invitation.name || '-'}\t${i.code}\t${i.url}`),
  );
}

/** `aldea import products FILE`. */
export async function importProductsAction(
  io: CliIo,
  cmd: Command,
  file: string,
  opts: ImportProductsCliOptions,
): Promise<void> {
  const { config } = loadCliConfig(io, cmd);
  const source = fileSource(existing(file, 'file'));
  const photos = opts.photos ? { path: existing(opts.photos, 'zip file') } : undefined;
  const bar = startProgress(io, {
    label: 'Importing',
    unit: 'bytes',
    mode: globalOptions(cmd).progress,
    json: opts.json,
  });
  const report = await withDatabase(config, async (db) => {
    const shop = await shopContext({ ...(await cliContext(db)), locale: opts.locale }, opts.shop);
    try {
      return await importProducts(shop, source, {
        mode: modeOf(opts),
        ...(photos ? { photos, storage: localDiskStorage(config.mediaDir) } : {}),
        onProgress: (p) => bar.update(p.done, p.total),
      });
    } finally {
      bar.stop();
    }
  });
  finish(io, opts, report);
}
