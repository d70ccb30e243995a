import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobs } from '@/db/schema/jobs';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { assertCan } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { RetryJobInput } from './schemas';

/**
 * An admin retries a failed job now, with its attempts counted from zero again. Only failed jobs: a pending
 * one is already waiting and a running one must not run twice.
 */
export function retryJob({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  assertCan(viewer, 'admin.access', null);
  const { jobId } = RetryJobInput.parse(input);
  getDb().transaction(
    (tx) => {
      const result = tx
        .update(jobs)
        .set({ status: 'pending', attempts: 0, runAt: Date.now(), lockedAt: null, finishedAt: null })
        .where(and(eq(jobs.id, jobId), eq(jobs.status, 'failed')))
        .run();
      if (result.changes === 0) throw new AppError(tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, jobId)).get() ? 'conflict' : 'not_found');
      recordAudit(tx, { actorId: viewer!.userId, action: 'job.retry', targetType: 'job', targetId: String(jobId) });
    },
    { behavior: 'immediate' },
  );
}
