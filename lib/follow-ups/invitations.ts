import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { eventParticipants, events } from '@/db/schema/events';
import { followUpResponses, followUps } from '@/db/schema/follow-ups';
import { enqueueJob } from '@/lib/jobs/queue';
import { notify } from '@/lib/notifications/fanout';
import { can } from '@/lib/policy/rules';
import type { Viewer } from '@/lib/policy/types';
import { invitedRoles, isRoundOpen, reminderTime, todayIso } from './rounds';

// The two jobs of a round: inviting the event's participants on the day it opens, and reminding once
// those who have not answered. Both notify in the app; email follows through notify() and the email jobs,
// by each member's frequency and detail settings (neutral by default).

/**
 * The invitation job: one response row per invited member (the response rate's denominator), a `follow_up`
 * notification each, and the one reminder job. Runs once: a round already invited, or cancelled, invites
 * nobody. Returns who was invited.
 */
export function inviteFollowUpParticipants(followUpId: string, now = Date.now()): string[] {
  return getDb().transaction(
    (tx) => {
      const round = tx.select().from(followUps).where(eq(followUps.id, followUpId)).get();
      if (!round || round.invitedAt || round.cancelledAt) return [];
      const event = tx.select().from(events).where(eq(events.id, round.eventId)).get();
      if (!event) return [];
      const invitedIds = [
        ...new Set(
          tx
            .select({ userId: eventParticipants.userId })
            .from(eventParticipants)
            .innerJoin(users, eq(users.id, eventParticipants.userId))
            .where(and(eq(eventParticipants.eventId, event.id), inArray(eventParticipants.role, [...invitedRoles]), eq(users.isDisabled, false)))
            .all()
            .map((row) => row.userId),
        ),
      ];
      const invitedAt = new Date(now);
      for (const userId of invitedIds) tx.insert(followUpResponses).values({ followUpId: round.id, userId, invitedAt }).onConflictDoNothing().run();
      tx.update(followUps).set({ invitedAt }).where(eq(followUps.id, round.id)).run();
      const invited = new Set(invitedIds);
      notify(tx, { kind: 'follow_up', recipientIds: invitedIds, eventId: event.id, followUpId: round.id, canRead: (viewer: Viewer) => invited.has(viewer.userId) && can(viewer, 'event.read', event) });
      enqueueJob(tx, { kind: 'followUp.remind', payload: { followUpId: round.id }, runAt: reminderTime(now, round.closesOn), uniqueKey: `followUp.remind:${round.id}` });
      return invitedIds;
    },
    { behavior: 'immediate' },
  );
}

/**
 * The reminder job: once per round, and once per member, to those invited who have not submitted while the
 * round still takes answers. Returns who was reminded.
 */
export function remindFollowUpParticipants(followUpId: string, now = Date.now()): string[] {
  return getDb().transaction(
    (tx) => {
      const round = tx.select().from(followUps).where(eq(followUps.id, followUpId)).get();
      if (!round || !round.invitedAt || round.remindedAt || !isRoundOpen(round, todayIso(now))) return [];
      const event = tx.select().from(events).where(eq(events.id, round.eventId)).get();
      if (!event) return [];
      const waiting = tx
        .select({ userId: followUpResponses.userId })
        .from(followUpResponses)
        .where(and(eq(followUpResponses.followUpId, round.id), isNull(followUpResponses.submittedAt), isNull(followUpResponses.remindedAt)))
        .all()
        .map((row) => row.userId);
      const remindedAt = new Date(now);
      tx.update(followUps).set({ remindedAt }).where(eq(followUps.id, round.id)).run();
      if (!waiting.length) return [];
      const waitingSet = new Set(waiting);
      const reminded = notify(tx, { kind: 'follow_up_reminder', recipientIds: waiting, eventId: event.id, followUpId: round.id, canRead: (viewer: Viewer) => waitingSet.has(viewer.userId) && can(viewer, 'event.read', event) });
      if (reminded.length) tx.update(followUpResponses).set({ remindedAt }).where(and(eq(followUpResponses.followUpId, round.id), inArray(followUpResponses.userId, reminded))).run();
      return reminded;
    },
    { behavior: 'immediate' },
  );
}

