import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { remindUnansweredQuestion } from '@/lib/conversations/questions';
import { mailWaitingNotifications, scheduleWaitingEmails } from '@/lib/email/delivery';
import type { MailTransport } from '@/lib/email/transport';
import { inviteFollowUpParticipants, remindFollowUpParticipants } from '@/lib/follow-ups/invitations';
import { sendRefresher } from '@/lib/notifications/refreshers';

/** What a job does with its payload. Throwing makes the job retry with backoff. */
export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler | undefined>>;

/** Every kind of background job. A job of a kind without a handler fails at once, visibly, on /admin/jobs. */
export const jobKinds = ['email.notifications', 'email.digest', 'digest.schedule', 'question.remind', 'refresher.send', 'followUp.invite', 'followUp.remind'] as const;
export type JobKind = (typeof jobKinds)[number];

const MemberPayload = z.object({ userId: z.string().min(1) });
const DigestPayload = z.object({ userId: z.string().min(1), period: z.enum(['daily', 'weekly']) });
const ThreadPayload = z.object({ threadId: z.string().min(1) });
const RefresherPayload = z.object({ refresherId: z.string().min(1) });
const FollowUpPayload = z.object({ followUpId: z.string().min(1) });

/**
 * The registry: job kind -> handler. Dependencies come in, so tests can pass a transport that fails, and a
 * clock. scripts/serve.ts builds it with the process's database and the transport from the environment.
 */
export function createJobHandlers(deps: { db: Db; transport: MailTransport; now?: () => number }): JobHandlers {
  const now = deps.now ?? Date.now;
  const handlers: Record<JobKind, JobHandler> = {
    // One email with every notification waiting for a member who wants them at once (queued by notify()).
    'email.notifications': async (payload) => {
      const { userId } = MemberPayload.parse(payload);
      await mailWaitingNotifications(deps.db, deps.transport, { userId, mode: 'immediate', now: now() });
    },
    'email.digest': async (payload) => {
      const { userId, period } = DigestPayload.parse(payload);
      await mailWaitingNotifications(deps.db, deps.transport, { userId, mode: period, now: now() });
    },
    // Hourly (lib/jobs/recurring.ts): queues the digests that are due.
    'digest.schedule': async () => {
      scheduleWaitingEmails(deps.db, now());
    },
    // These two notify in the app; email follows through notify() and the jobs above, so it obeys each
    // member's frequency, detail level and weekly cap like every other notification.
    'question.remind': async (payload) => {
      remindUnansweredQuestion(ThreadPayload.parse(payload).threadId);
    },
    'refresher.send': async (payload) => {
      sendRefresher(RefresherPayload.parse(payload).refresherId);
    },
    // A follow-up round opens: its participants are invited, then reminded once (both notify like the above).
    'followUp.invite': async (payload) => {
      inviteFollowUpParticipants(FollowUpPayload.parse(payload).followUpId, now());
    },
    'followUp.remind': async (payload) => {
      remindFollowUpParticipants(FollowUpPayload.parse(payload).followUpId, now());
    },
  };
  return handlers;
}
