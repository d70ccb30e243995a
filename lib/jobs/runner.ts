import { and, asc, eq, lt, lte, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema/jobs';
import type { JobHandlers } from './handlers';
import { ensureRecurringJobs, purgeFinishedJobs } from './recurring';

export type Job = typeof jobs.$inferSelect;

/** A job still `running` this long after it was taken was left by a process that stopped: it is taken again. */
export const staleAfterMs = 10 * 60_000;
const firstRetryMs = 30_000;
const longestRetryMs = 60 * 60_000;
const errorLength = 1000;

/** The wait before the next attempt, after `attempts` failed ones: 30 s, 1 min, 2 min, ... at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(attempts - 1, 0), longestRetryMs);
}

/**
 * An error's message for the job row and the log. Email addresses are blanked: SMTP servers quote the
 * recipient ("550 <someone@example.org>: no such user"), and neither admins nor logs need it.
 */
const messageOf = (error: unknown) => ((error instanceof Error ? error.message : String(error)) || 'Unknown error').replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, '[address]');

/**
 * Takes the next due job: pending with `runAt` passed, or running but abandoned (its process stopped
 * mid-run; that counts as a failed attempt, so a job that crashes the process cannot loop for ever). One
 * immediate transaction, so two runners never take the same job.
 */
export function claimNextJob(db: Db, now: number): Job | null {
  return db.transaction(
    (tx) => {
      for (;;) {
        const job = tx
          .select()
          .from(jobs)
          .where(or(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)), and(eq(jobs.status, 'running'), lt(jobs.lockedAt, now - staleAfterMs))))
          .orderBy(asc(jobs.runAt), asc(jobs.id))
          .limit(1)
          .get();
        if (!job) return null;
        if (job.status === 'running') {
          const attempts = job.attempts + 1;
          const lastError = 'Interrupted: the process stopped while this job was running.';
          if (attempts >= job.maxAttempts) {
            tx.update(jobs).set({ status: 'failed', attempts, lastError, lockedAt: null, uniqueKey: null, finishedAt: new Date(now) }).where(eq(jobs.id, job.id)).run();
            continue;
          }
          tx.update(jobs).set({ attempts, lastError, lockedAt: now }).where(eq(jobs.id, job.id)).run();
          return { ...job, attempts, lastError, lockedAt: now };
        }
        tx.update(jobs).set({ status: 'running', lockedAt: now }).where(eq(jobs.id, job.id)).run();
        return { ...job, status: 'running', lockedAt: now };
      }
    },
    { behavior: 'immediate' },
  );
}

/** Done: the unique key is released, so the same work can be scheduled again. */
export function completeJob(db: Db, job: Job, now: number): void {
  db.update(jobs)
    .set({ status: 'done', finishedAt: new Date(now), lockedAt: null, uniqueKey: null })
    // Only the run that holds the job may finish it (a run taken over as stale must not overwrite the new one).
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedAt, job.lockedAt ?? -1)))
    .run();
}

export type FailureOutcome = { status: 'pending'; attempts: number; retryAt: number } | { status: 'failed'; attempts: number };

/**
 * A failed attempt: retried after a growing wait, or, after its last attempt (or when `final`, e.g. no
 * handler for its kind), left `failed` for admins to see and retry. A failed job releases its unique key,
 * so new work of the same kind (a member's next notification email) is not blocked behind it.
 */
export function failJob(db: Db, job: Job, error: unknown, now: number, options: { final?: boolean } = {}): FailureOutcome {
  const attempts = job.attempts + 1;
  const lastError = messageOf(error).slice(0, errorLength);
  const holder = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedAt, job.lockedAt ?? -1));
  if (options.final || attempts >= job.maxAttempts) {
    db.update(jobs).set({ status: 'failed', attempts, lastError, lockedAt: null, uniqueKey: null, finishedAt: new Date(now) }).where(holder).run();
    return { status: 'failed', attempts };
  }
  const retryAt = now + backoffMs(attempts);
  db.update(jobs).set({ status: 'pending', attempts, lastError, lockedAt: null, runAt: retryAt }).where(holder).run();
  return { status: 'pending', attempts, retryAt };
}

export type RunResult = { job: Job; outcome: { status: 'done' } | FailureOutcome };

/** Runs the next due job, if any, to its end. One line is logged per failure. */
export async function runNextJob(db: Db, handlers: JobHandlers, options: { now?: number; log?: (line: string) => void } = {}): Promise<RunResult | null> {
  const job = claimNextJob(db, options.now ?? Date.now());
  if (!job) return null;
  const handler = handlers[job.kind];
  let outcome: RunResult['outcome'];
  try {
    if (!handler) throw new MissingHandlerError(job.kind);
    await handler(job.payload);
    completeJob(db, job, options.now ?? Date.now());
    outcome = { status: 'done' };
  } catch (error) {
    outcome = failJob(db, job, error, options.now ?? Date.now(), { final: error instanceof MissingHandlerError });
    const message = messageOf(error).slice(0, 300);
    options.log?.(
      outcome.status === 'failed'
        ? `Job ${job.id} (${job.kind}) failed for good after ${outcome.attempts} attempt(s): ${message}`
        : `Job ${job.id} (${job.kind}) failed (attempt ${outcome.attempts} of ${job.maxAttempts}), retrying at ${new Date(outcome.retryAt).toISOString()}: ${message}`,
    );
  }
  return { job, outcome };
}

class MissingHandlerError extends Error {
  constructor(kind: string) {
    super(`No handler for job kind "${kind}"`);
  }
}

export type JobRunner = { stop: () => Promise<void> };

const recurringEveryMs = 60_000;

/**
 * Runs due jobs one at a time, polling every `pollMs` when there is nothing to do. Runs in scripts/serve.ts
 * beside the web server (like the search worker), so jobs written by any request are picked up, and a job
 * left running by a stopped process is taken again after `staleAfterMs`. Keeps the next hourly
 * `digest.schedule` job in the table.
 */
export function startJobRunner(options: { db: Db; handlers: JobHandlers; log: (line: string) => void; pollMs?: number }): JobRunner {
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let wake: () => void = () => undefined;
  let lastRecurring = 0;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (Date.now() - lastRecurring >= recurringEveryMs) {
          ensureRecurringJobs(options.db, Date.now());
          purgeFinishedJobs(options.db, Date.now());
          lastRecurring = Date.now();
        }
        // Drain what is due, one job at a time, then sleep.
        let ran: RunResult | null;
        do ran = await runNextJob(options.db, options.handlers, { log: options.log });
        while (ran && !stopped);
      } catch (error) {
        // The database itself failed (locked, disk full): report and keep polling.
        options.log(`Job runner error, will retry: ${messageOf(error).slice(0, 300)}`);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake();
      await loop;
    },
  };
}
