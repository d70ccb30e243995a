import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema/jobs';
import { emailMessages } from '@/db/schema/notifications';
import { enqueueJob } from './queue';

const hourMs = 60 * 60_000;
const keepFinishedMs = 30 * 24 * hourMs;

/** `2030-03-02T14` (UTC): the hour a scheduling job is for, and its unique key. */
export function hourKey(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 13);
}

/**
 * Makes sure the next hourly `digest.schedule` job exists. Its unique key names the hour, so calling this
 * every minute (or from two processes) adds it once; the key is released when the job finishes, after its
 * hour has started, by which time this schedules the hour after.
 */
export function ensureRecurringJobs(db: Db, now: number): void {
  const nextHour = (Math.floor(now / hourMs) + 1) * hourMs;
  enqueueJob(db, { kind: 'digest.schedule', payload: { hour: hourKey(nextHour) }, runAt: nextHour, uniqueKey: `digest.schedule:${hourKey(nextHour)}`, maxAttempts: 3 });
}

/**
 * Finished jobs are history: done ones go after 30 days; failed ones stay until an admin retries them.
 * Sent emails go after 30 days too: a full-detail email keeps excerpts that may since have been hidden or
 * deleted, and the weekly cap only needs the last 7 days.
 */
export function purgeFinishedJobs(db: Db, now: number): void {
  db.delete(jobs)
    .where(and(eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(now - keepFinishedMs))))
    .run();
  db.delete(emailMessages).where(lt(emailMessages.createdAt, new Date(now - keepFinishedMs))).run();
}
