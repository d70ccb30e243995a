import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobStatuses, jobs } from '@/db/schema/jobs';
import { assertCan } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';

export type JobStatus = (typeof jobStatuses)[number];

/** Recent jobs for admins, newest first. Payloads are left out: they name members. */
export function listJobsForAdmin(viewer: MaybeViewer, limit = 200) {
  assertCan(viewer, 'admin.access', null);
  return getDb()
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      runAt: jobs.runAt,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .orderBy(desc(jobs.id))
    .limit(limit)
    .all();
}

export function countJobsByStatus(viewer: MaybeViewer): Record<JobStatus, number> {
  assertCan(viewer, 'admin.access', null);
  const counts = Object.fromEntries(jobStatuses.map((status) => [status, 0])) as Record<JobStatus, number>;
  for (const row of getDb().select({ status: jobs.status, count: sql<number>`count(*)` }).from(jobs).groupBy(jobs.status).all()) counts[row.status] = row.count;
  return counts;
}
