import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { followUpQuestions, followUpResponses, followUps } from '@/db/schema/follow-ups';
import { jobs } from '@/db/schema/jobs';
import { addParticipant, insertEvent } from '@/db/seed/factories';
import { addFollowUpQuestion, scheduleFollowUps } from '@/lib/follow-ups/mutations';
import { inviteFollowUpParticipants } from '@/lib/follow-ups/invitations';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { viewerOf } from '../../support/personas';

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
export const today = () => isoDay(0);

let eventCount = 0;
/** A fresh event ending on `endsOn`, run by `facilitatorId`. */
export function newEvent(endsOn: string, facilitatorId: string, extra: { visibility?: 'public' | 'members' } = {}) {
  eventCount += 1;
  const titles = { titleEn: `Follow-up test ${eventCount}`, titleFr: `Test de suivi ${eventCount}` };
  const event = insertEvent(testDb(), { slug: `follow-up-test-${eventCount}`, ...titles, startsOn: endsOn, endsOn, place: 'Dakar', ...extra });
  addParticipant(testDb(), event.id, facilitatorId, 'facilitator');
  return { ...event, ...titles };
}

/** Schedules as the form posts it (strings; an empty day and length mean none / the default). */
export const schedule = (viewer: MaybeViewer, eventId: string, input: { months?: string[]; opensOn?: string; openDays?: string } = {}) =>
  scheduleFollowUps({ viewer, input: { eventId, months: input.months ?? [], opensOn: input.opensOn ?? '', openDays: input.openDays ?? '' } });

export const roundsOf = (eventId: string) => testDb().select().from(followUps).where(eq(followUps.eventId, eventId)).all().sort((a, b) => a.opensOn.localeCompare(b.opensOn));
export const roundOf = (followUpId: string) => testDb().select().from(followUps).where(eq(followUps.id, followUpId)).get()!;
export const jobOf = (kind: 'followUp.invite' | 'followUp.remind', followUpId: string) => testDb().select().from(jobs).where(eq(jobs.uniqueKey, `${kind}:${followUpId}`)).get();
export const responsesOf = (followUpId: string) => testDb().select().from(followUpResponses).where(eq(followUpResponses.followUpId, followUpId)).all();
export const responseOf = (followUpId: string, userId: string) =>
  testDb().select().from(followUpResponses).where(and(eq(followUpResponses.followUpId, followUpId), eq(followUpResponses.userId, userId))).get();
export const questionsOf = (followUpId: string) => testDb().select().from(followUpQuestions).where(eq(followUpQuestions.followUpId, followUpId)).all();

/**
 * A round open today (opened yesterday, closing in `daysLeft` days) for an event with these participants,
 * invited by running its job. Scheduling a chosen day from today on, then moving it back a day, is how an
 * already-open round comes about in tests.
 */
export function openRound(options: { facilitator: Viewer; participants: { userId: string; role: 'participant' | 'presenter' | 'synthesis' | 'facilitator' }[]; questions?: { promptEn: string; promptFr: string }[]; daysLeft?: number }) {
  const event = newEvent('2024-01-10', options.facilitator.userId);
  for (const { userId, role } of options.participants) addParticipant(testDb(), event.id, userId, role);
  // Read again after joining the new event: a viewer's roles are read once per request.
  const facilitator = viewerOf(options.facilitator.userId);
  schedule(facilitator, event.id, { opensOn: today(), openDays: String(options.daysLeft ?? 30) });
  const round = roundsOf(event.id)[0]!;
  for (const question of options.questions ?? []) addFollowUpQuestion({ viewer: facilitator, input: { followUpId: round.id, ...question } });
  testDb().update(followUps).set({ opensOn: isoDay(-1) }).where(eq(followUps.id, round.id)).run();
  inviteFollowUpParticipants(round.id);
  return { event, followUpId: round.id };
}
