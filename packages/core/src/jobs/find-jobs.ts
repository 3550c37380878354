import { and, desc, eq } from 'drizzle-orm';
import { jobs } from '../schema/platform.js';
import type { PlatformContext, ShopContext } from '../tenancy/context.js';
import { type JobView, toJobView } from './job-schemas.js';

/** Any job by id (operator screens, the CLI). Platform-level: not scoped to a shop. */
export async function findJob(ctx: PlatformContext, id: string): Promise<JobView | undefined> {
  const [row] = await ctx.db.read.select().from(jobs).where(eq(jobs.id, id));
  return row ? toJobView(row) : undefined;
}

/** One of this shop's jobs, or undefined (another shop's job is as good as missing). */
export async function findShopJob(ctx: ShopContext, id: string): Promise<JobView | undefined> {
  const [row] = await ctx.db.read
    .select()
    .from(jobs)
    .where(and(eq(jobs.shopId, ctx.shop.id), eq(jobs.id, id)));
  return row ? toJobView(row) : undefined;
}

/** This shop's jobs, newest first, optionally of one type (default 50). */
export async function listShopJobs(
  ctx: ShopContext,
  opts: { type?: string; limit?: number } = {},
): Promise<JobView[]> {
  const rows = await ctx.db.read
    .select()
    .from(jobs)
    .where(
      opts.type
        ? and(eq(jobs.shopId, ctx.shop.id), eq(jobs.type, opts.type))
        : eq(jobs.shopId, ctx.shop.id),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(Math.max(1, Math.min(opts.limit ?? 50, 200)));
  return rows.map(toJobView);
}
