import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema/jobs';

type Writer = Pick<Db, 'insert'>;

export type NewJob = {
  kind: string;
  payload?: Record<string, unknown>;
  /** Epoch ms; now by default. */
  runAt?: number;
  /** At most one pending job per key (cleared when the job finishes): scheduling twice is harmless. */
  uniqueKey?: string;
  maxAttempts?: number;
};

/** Schedules background work inside the caller's transaction, so it exists exactly when the write does. */
export function enqueueJob(tx: Writer, job: NewJob): void {
  tx.insert(jobs)
    .values({ kind: job.kind, payload: job.payload ?? {}, runAt: job.runAt ?? Date.now(), uniqueKey: job.uniqueKey ?? null, maxAttempts: job.maxAttempts ?? 6 })
    .onConflictDoNothing({ target: jobs.uniqueKey })
    .run();
}

/** For tests and the admin page: how many jobs of a kind wait. */
export function pendingJobCount(db: Pick<Db, 'get'>, kind?: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from jobs where status = 'pending' ${kind ? sql`and kind = ${kind}` : sql``}`)?.n ?? 0;
}
