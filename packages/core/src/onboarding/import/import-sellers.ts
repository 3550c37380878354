import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit.js';
import { isAldeaError } from '../../errors.js';
import { invitations } from '../../schema/onboarding.js';
import type { PlatformContext } from '../../tenancy/context.js';
import {
  checkInvitationRefs,
  type IssuedInvitation,
  insertInvitation,
} from '../create-invitation.js';
import {
  assertCreatorBudget,
  INVITATION_LIMITS,
  type InvitationLimits,
} from '../invitation-limits.js';
import type { InviteLinks } from '../invitation-view.js';
import { actingUserId, requireVillageAccess } from '../village-access.js';
import type { ImportMode, ImportProgress, ImportReport } from './import-products.js';
import { IMPORT_LIMITS, type ImportLimits, type ImportSource } from './import-source.js';
import { ProblemList } from './problems.js';
import type { CsvFacts } from './read-csv.js';
import { planRows, scanSellers } from './scan-sellers.js';

/** Options of {@link importSellers}. */
export interface ImportSellersOptions {
  mode: ImportMode;
  villageId: string;
  cohortId?: string;
  templateId?: string;
  /** `auto`: email when given, else SMS, else print. `print`: every invitation is printed. */
  delivery?: 'auto' | 'print';
  expiresInDays?: number;
  links: InviteLinks;
  limits?: Partial<ImportLimits>;
  invitationLimits?: Partial<InvitationLimits>;
  onProgress?: (p: ImportProgress) => void;
}

/** The report of a sellers import, with the new invitations' secrets (shown or printed once). */
export interface SellersImportReport extends ImportReport {
  invitations: IssuedInvitation[];
}

/**
 * Imports a sellers sheet (name, phone, email, shop_name, locale, currency)
 * as invitations to a village (and cohort): a dry run reports every problem
 * by row and column; then all-or-nothing or good rows only, in one
 * transaction. Re-importing updates the pending invitations of the same
 * people instead of inviting them twice, and skips those who already opened
 * their shop. Trainers of the village and operators only; counts against the
 * trainer's hourly invitation budget; audited.
 */
export async function importSellers(
  ctx: PlatformContext,
  source: ImportSource,
  opts: ImportSellersOptions,
): Promise<SellersImportReport> {
  const village = await requireVillageAccess(ctx, opts.villageId);
  const limits = { ...IMPORT_LIMITS, ...opts.limits };
  const budget = { ...INVITATION_LIMITS, ...opts.invitationLimits };
  const now = ctx.clock.now();
  const base = {
    villageId: village.id,
    cohortId: opts.cohortId,
    templateId: opts.templateId,
    channel: opts.delivery === 'print' ? 'print' : undefined,
    expiresInDays: opts.expiresInDays,
  };
  await checkInvitationRefs(ctx.db.read, base, village.id);
  const progress = (phase: ImportProgress['phase']) => (bytes: number) =>
    opts.onProgress?.({ phase, done: bytes, total: Math.max(source.size ?? 0, bytes) });
  const report = (
    problems: ProblemList,
    scan: { rows: number; facts: CsvFacts },
    counts: Partial<SellersImportReport>,
  ): SellersImportReport => ({
    kind: 'sellers',
    mode: opts.mode,
    file: {
      name: source.name,
      bytes: scan.facts.bytes,
      encoding: scan.facts.encoding ?? null,
      delimiter: scan.facts.delimiter ?? null,
    },
    rows: scan.rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    photos: 0,
    written: false,
    invitations: [],
    ...counts,
    errors: problems.errors,
    warnings: problems.warnings,
    problems: [...problems.items].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  });

  const checked = new ProblemList(limits.maxProblems);
  const planned = { created: 0, updated: 0, skipped: 0 };
  const first = await scanSellers(
    source,
    base,
    limits,
    checked,
    async (rows) => {
      const plan = await planRows(ctx.db.read, village, rows, checked, now);
      planned.created += plan.create.length;
      planned.updated += plan.update.length;
      planned.skipped += plan.joined.length;
    },
    progress('checking'),
  );
  if (
    opts.mode === 'dry-run' ||
    checked.fatal ||
    (opts.mode === 'all-or-nothing' && checked.errors > 0)
  ) {
    return report(checked, first, { ...planned, skipped: planned.skipped + checked.badRows.size });
  }

  const written = new ProblemList(limits.maxProblems);
  const issued: IssuedInvitation[] = [];
  const counts = { created: 0, updated: 0, skipped: 0 };
  try {
    const second = await ctx.db.transaction(async (tx) => {
      await assertCreatorBudget(tx, actingUserId(ctx), now, planned.created, budget);
      const scan = await scanSellers(
        source,
        base,
        limits,
        written,
        async (rows) => {
          const plan = await planRows(tx, village, rows, written, now);
          for (const r of plan.create)
            issued.push(await insertInvitation(tx, ctx, r.input, village, opts.links));
          for (const u of plan.update) {
            await tx
              .update(invitations)
              .set({
                name: u.row.input.name,
                shopName: u.row.input.shopName,
                cohortId: u.row.input.cohortId ?? null,
                locale: u.row.input.locale ?? village.defaultLocale,
                currency: u.row.input.currency ?? village.defaultCurrency,
                templateId: u.row.input.templateId ?? null,
                updatedAt: now,
              })
              .where(eq(invitations.id, u.id));
          }
          counts.created += plan.create.length;
          counts.updated += plan.update.length;
          counts.skipped += plan.joined.length;
        },
        progress('writing'),
      );
      if (written.fatal || (opts.mode === 'all-or-nothing' && written.errors > 0))
        throw new Rollback();
      await recordAudit(tx, ctx, {
        action: 'onboarding.sellers.import',
        entity: 'village',
        entityId: village.id,
        data: { file: source.name, mode: opts.mode, cohortId: opts.cohortId ?? null, ...counts },
      });
      return scan;
    });
    return report(written, second, {
      ...counts,
      skipped: counts.skipped + written.badRows.size,
      written: true,
      invitations: issued,
    });
  } catch (err) {
    if (err instanceof Rollback) return report(written, first, {});
    if (isAldeaError(err, 'RATE_LIMITED')) {
      const problems = new ProblemList(limits.maxProblems);
      problems.error(null, null, 'RATE_LIMITED', { max: budget.perCreatorPerHour });
      return report(problems, first, {});
    }
    throw err;
  }
}

class Rollback extends Error {}
