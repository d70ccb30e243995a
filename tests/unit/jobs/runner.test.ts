import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobs } from '@/db/schema/jobs';
import { emailMessages } from '@/db/schema/notifications';
import { auditEntries } from '@/db/schema/system';
import { createJobHandlers, jobKinds, type JobHandlers } from '@/lib/jobs/handlers';
import { retryJob } from '@/lib/jobs/mutations';
import { countJobsByStatus, listJobsForAdmin } from '@/lib/jobs/queries';
import { enqueueJob } from '@/lib/jobs/queue';
import { ensureRecurringJobs, hourKey } from '@/lib/jobs/recurring';
import { backoffMs, claimNextJob, runNextJob, staleAfterMs, startJobRunner } from '@/lib/jobs/runner';
import { notify } from '@/lib/notifications/fanout';
import { testDb } from '../../support/database';
import { emailedAtOf, insertThreadWithPost, memoryTransport, setEmailPreferences } from '../../support/email';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, type Personas } from '../../support/personas';

// The jobs table is the only queue: a job is claimed, run, and then done, retried later with backoff, or
// failed for admins. Tests drive the runner with an explicit clock; one test runs the real polling loop.

let personas: Personas;
let authorId: string;
beforeAll(async () => {
  personas = await seedPersonas();
  authorId = await createTestUser({ username: 'job-author', displayName: 'Job author' });
});
// Each test starts with an empty queue, so the runner takes only the jobs the test queued.
beforeEach(() => {
  testDb().delete(jobs).run();
});

const db = () => testDb();
const jobById = (id: number) => db().select().from(jobs).where(eq(jobs.id, id)).get()!;
const jobsOfKind = (kind: string) => db().select().from(jobs).where(eq(jobs.kind, kind)).all();
const emailsTo = (userId: string) => db().select().from(emailMessages).where(eq(emailMessages.userId, userId)).all();

let serial = 0;
/** A member who wants email at once, and one notification for them queued the way the app queues it. */
async function immediateMemberWithNotification() {
  serial++;
  const userId = await createTestUser({ username: `job-member-${serial}`, email: `job-member-${serial}@example.org` });
  setEmailPreferences(userId, { emailFrequency: 'immediate' });
  const { threadId, postId } = insertThreadWithPost({ title: `Thread ${serial}`, text: 'A reply.', authorId });
  db().transaction((tx) => notify(tx, { kind: 'reply', recipientIds: [userId], actorId: authorId, threadId, postId, canRead: () => true }));
  const job = db().select().from(jobs).where(eq(jobs.uniqueKey, `email.notifications:${userId}`)).get()!;
  return { userId, jobId: job.id };
}

function notificationIdsOf(userId: string) {
  return testDb().$client.prepare('select id from notifications where user_id = ?').all(userId).map((row) => (row as { id: string }).id);
}

describe('the registry', () => {
  it('has a handler for every kind of job the app queues', () => {
    const handlers = createJobHandlers({ db: db(), transport: memoryTransport() });
    expect(Object.keys(handlers).sort()).toEqual([...jobKinds].sort());
    expect(Object.values(handlers).every((handler) => typeof handler === 'function')).toBe(true);
  });
});

describe('backoff', () => {
  it('waits 30 s after the first failure, doubling each time, never more than an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });
});

describe('a send that fails', () => {
  it('is retried after the backoff and then delivered once; the unique key is released', async () => {
    const { userId, jobId } = await immediateMemberWithNotification();
    const transport = memoryTransport({ failures: 1 });
    const lines: string[] = [];
    const t0 = Date.now();
    const handlers = createJobHandlers({ db: db(), transport, now: () => t0 });

    const first = await runNextJob(db(), handlers, { now: t0, log: (line) => lines.push(line) });
    expect(first?.job.id).toBe(jobId);
    expect(first?.outcome).toEqual({ status: 'pending', attempts: 1, retryAt: t0 + 30_000 });
    expect(jobById(jobId)).toMatchObject({ status: 'pending', attempts: 1, runAt: t0 + 30_000, lockedAt: null, uniqueKey: `email.notifications:${userId}` });
    expect(jobById(jobId).lastError).toContain('ECONNREFUSED');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Job \d+ \(email\.notifications\) failed \(attempt 1 of 6\), retrying at .*ECONNREFUSED/);
    // Nothing recorded and nothing marked: the next attempt sends the same notification.
    expect(emailsTo(userId)).toHaveLength(0);
    expect(notificationIdsOf(userId).map(emailedAtOf)).toEqual([null]);

    expect(await runNextJob(db(), handlers, { now: t0 + 29_999 })).toBeNull();
    const second = await runNextJob(db(), handlers, { now: t0 + 30_000 });
    expect(second?.outcome).toEqual({ status: 'done' });
    expect(jobById(jobId)).toMatchObject({ status: 'done', attempts: 1, uniqueKey: null, lockedAt: null });
    expect(jobById(jobId).finishedAt).toBeInstanceOf(Date);
    expect(transport.attempts).toBe(2);
    expect(transport.sent).toHaveLength(1);
    expect(emailsTo(userId)).toHaveLength(1);
    expect(notificationIdsOf(userId).map(emailedAtOf)[0]).toBeInstanceOf(Date);

    // The key is free again: the member's next notification gets a new job.
    enqueueJob(db(), { kind: 'email.notifications', payload: { userId }, uniqueKey: `email.notifications:${userId}` });
    expect(jobsOfKind('email.notifications').filter((job) => job.uniqueKey === `email.notifications:${userId}`)).toHaveLength(1);
  });

  it('ends failed after its last attempt, visible to admins, and a new job can be queued for the same member', async () => {
    const { userId, jobId } = await immediateMemberWithNotification();
    db().update(jobs).set({ maxAttempts: 3 }).where(eq(jobs.id, jobId)).run();
    const transport = memoryTransport({ failures: 99 });
    const lines: string[] = [];
    let now = Date.now();
    const handlers = createJobHandlers({ db: db(), transport, now: () => now });

    const outcomes = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await runNextJob(db(), handlers, { now, log: (line) => lines.push(line) });
      outcomes.push(result?.outcome);
      now = jobById(jobId).runAt;
    }
    expect(outcomes).toEqual([
      { status: 'pending', attempts: 1, retryAt: expect.any(Number) },
      { status: 'pending', attempts: 2, retryAt: expect.any(Number) },
      { status: 'failed', attempts: 3 },
    ]);
    const failed = jobById(jobId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, uniqueKey: null, lockedAt: null });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    expect(lines.at(-1)).toMatch(/failed for good after 3 attempt/);
    expect(lines).toHaveLength(3);
    // A failed job is not run again on its own.
    expect(await runNextJob(db(), handlers, { now: now + 24 * 3_600_000 })).toBeNull();
    expect(emailsTo(userId)).toHaveLength(0);

    const admin = personas.viewers.admin;
    expect(listJobsForAdmin(admin).find((job) => job.id === jobId)).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3 });
    expect(countJobsByStatus(admin).failed).toBeGreaterThanOrEqual(1);

    enqueueJob(db(), { kind: 'email.notifications', payload: { userId }, uniqueKey: `email.notifications:${userId}` });
    expect(db().select().from(jobs).where(eq(jobs.uniqueKey, `email.notifications:${userId}`)).get()?.status).toBe('pending');
  });

  it('keeps no email address in the error it stores or logs', async () => {
    enqueueJob(db(), { kind: 'test.smtp', payload: {} });
    const lines: string[] = [];
    await runNextJob(db(), { 'test.smtp': async () => Promise.reject(new Error('550 5.1.1 <wanjiru@tumaini.example>: Recipient address rejected')) }, { now: Date.now(), log: (line) => lines.push(line) });
    const [job] = jobsOfKind('test.smtp');
    expect(job!.lastError).toBe('550 5.1.1 <[address]>: Recipient address rejected');
    expect(lines.join('\n')).not.toContain('wanjiru');
  });

  it('a job of a kind nobody handles fails at once instead of retrying', async () => {
    enqueueJob(db(), { kind: 'nobody.handles', payload: {}, uniqueKey: 'nobody.handles:1' });
    const job = jobsOfKind('nobody.handles')[0]!;
    const result = await runNextJob(db(), {}, { now: Date.now() });
    expect(result?.outcome).toEqual({ status: 'failed', attempts: 1 });
    expect(jobById(job.id).lastError).toContain('No handler for job kind "nobody.handles"');
  });
});

describe('retrying from the admin page', () => {
  it('puts a failed job back in line with fresh attempts, and records who did it', async () => {
    enqueueJob(db(), { kind: 'test.retry', payload: {}, maxAttempts: 1 });
    const job = jobsOfKind('test.retry')[0]!;
    await runNextJob(db(), { 'test.retry': async () => Promise.reject(new Error('boom')) }, { now: Date.now() });
    expect(jobById(job.id).status).toBe('failed');

    retryJob({ viewer: personas.viewers.admin, input: { jobId: String(job.id) } });
    expect(jobById(job.id)).toMatchObject({ status: 'pending', attempts: 0, finishedAt: null });
    expect(db().select().from(auditEntries).where(eq(auditEntries.targetId, String(job.id))).get()).toMatchObject({ action: 'job.retry', targetType: 'job', actorId: personas.userIds.admin });

    const runs: unknown[] = [];
    await runNextJob(db(), { 'test.retry': async (payload) => void runs.push(payload) }, { now: Date.now() });
    expect(runs).toHaveLength(1);
    expect(jobById(job.id).status).toBe('done');
  });

  it('rejects a viewer without rights, and jobs that did not fail', () => {
    enqueueJob(db(), { kind: 'test.pending', payload: {} });
    const job = jobsOfKind('test.pending')[0]!;
    expectAppError(thrownBy(() => retryJob({ viewer: personas.viewers.moderator, input: { jobId: job.id } })), 'forbidden');
    expectAppError(thrownBy(() => retryJob({ viewer: personas.viewers.anonymous, input: { jobId: job.id } })), 'unauthenticated');
    expectAppError(thrownBy(() => listJobsForAdmin(personas.viewers.organisationEditor)), 'forbidden');
    expectAppError(thrownBy(() => retryJob({ viewer: personas.viewers.admin, input: { jobId: job.id } })), 'conflict');
    expectAppError(thrownBy(() => retryJob({ viewer: personas.viewers.admin, input: { jobId: 999_999 } })), 'not_found');
  });
});

describe('a restart', () => {
  it('a new runner takes pending jobs and jobs a stopped process left running', async () => {
    const t0 = Date.now();
    enqueueJob(db(), { kind: 'test.restart', payload: { n: 1 }, runAt: t0 });
    enqueueJob(db(), { kind: 'test.restart', payload: { n: 2 }, runAt: t0 });
    // The old process took job 1 and stopped before finishing it.
    const abandoned = claimNextJob(db(), t0)!;
    expect(abandoned.payload).toEqual({ n: 1 });
    expect(jobById(abandoned.id)).toMatchObject({ status: 'running', lockedAt: t0 });

    const runs: unknown[] = [];
    const handlers: JobHandlers = { 'test.restart': async (payload) => void runs.push(payload) };
    // Within ten minutes it may still be running somewhere: only the pending one is taken.
    await runNextJob(db(), handlers, { now: t0 + staleAfterMs - 1 });
    expect(runs).toEqual([{ n: 2 }]);
    expect(await runNextJob(db(), handlers, { now: t0 + staleAfterMs - 1 })).toBeNull();

    // After ten minutes it is taken again; the interruption counts as an attempt.
    const taken = await runNextJob(db(), handlers, { now: t0 + staleAfterMs + 1 });
    expect(taken?.job.id).toBe(abandoned.id);
    expect(runs).toEqual([{ n: 2 }, { n: 1 }]);
    expect(jobById(abandoned.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(jobById(abandoned.id).lastError).toMatch(/Interrupted/);
  });

  it('the polling runner drains due jobs, including a stale running one, and keeps the next hourly schedule', async () => {
    const longAgo = Date.now() - staleAfterMs - 60_000;
    enqueueJob(db(), { kind: 'test.loop', payload: { n: 1 }, runAt: longAgo });
    enqueueJob(db(), { kind: 'test.loop', payload: { n: 2 } });
    const stale = claimNextJob(db(), longAgo)!;
    expect(stale.kind).toBe('test.loop');
    const runs: unknown[] = [];
    const nextHour = (Math.floor(Date.now() / 3_600_000) + 1) * 3_600_000;
    const runner = startJobRunner({ db: db(), handlers: { 'test.loop': async (payload) => void runs.push(payload) }, log: () => undefined, pollMs: 20 });
    try {
      await vi.waitFor(() => expect(jobsOfKind('test.loop').map((job) => job.status)).toEqual(['done', 'done']), { timeout: 5_000 });
    } finally {
      await runner.stop();
    }
    expect(runs).toHaveLength(2);
    expect(jobsOfKind('digest.schedule').map((job) => ({ uniqueKey: job.uniqueKey, runAt: job.runAt, status: job.status }))).toContainEqual({
      uniqueKey: `digest.schedule:${hourKey(nextHour)}`,
      runAt: nextHour,
      status: 'pending',
    });
  });
});

describe('the hourly schedule', () => {
  it('is added once per hour however often it is ensured, and again for the next hour once it ran', async () => {
    const t0 = Date.UTC(2031, 0, 6, 9, 30);
    ensureRecurringJobs(db(), t0);
    ensureRecurringJobs(db(), t0 + 60_000);
    expect(jobsOfKind('digest.schedule').map((job) => job.uniqueKey)).toEqual(['digest.schedule:2031-01-06T10']);

    const handlers = createJobHandlers({ db: db(), transport: memoryTransport(), now: () => Date.UTC(2031, 0, 6, 10) });
    const result = await runNextJob(db(), handlers, { now: Date.UTC(2031, 0, 6, 10) });
    expect(result?.job.kind).toBe('digest.schedule');
    ensureRecurringJobs(db(), Date.UTC(2031, 0, 6, 10, 0, 1));
    expect(jobsOfKind('digest.schedule').map((job) => [job.status, job.uniqueKey])).toEqual([
      ['done', null],
      ['pending', 'digest.schedule:2031-01-06T11'],
    ]);
  });
});
