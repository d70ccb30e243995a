import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { events } from '@/db/schema/events';
import { followUpQuestions, followUpResponses, followUps } from '@/db/schema/follow-ups';
import type { Tx } from '@/lib/case-studies/load';
import { AppError } from '@/lib/errors';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { SurveyAnswers, surveySteps, type SurveyStep } from './answers';
import { isRoundOpen } from './rounds';

type Reader = Tx | Db;
export type FollowUpRow = typeof followUps.$inferSelect;

export function loadEvent(tx: Reader, eventId: string) {
  const event = tx.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  return event;
}

export function loadRound(tx: Reader, followUpId: string) {
  const round = tx.select().from(followUps).where(eq(followUps.id, followUpId)).get();
  if (!round) throw new AppError('not_found');
  return round;
}

/** A round and its event, for those who run the event's follow-up (not found / forbidden otherwise). */
export function loadManagedRound(tx: Reader, viewer: MaybeViewer, followUpId: string) {
  const round = loadRound(tx, followUpId);
  const event = loadEvent(tx, round.eventId);
  assertCan(viewer, 'event.manageFollowUp', event);
  return { round, event };
}

export function loadQuestions(tx: Reader, followUpId: string) {
  return tx.select().from(followUpQuestions).where(eq(followUpQuestions.followUpId, followUpId)).orderBy(asc(followUpQuestions.sortOrder), asc(followUpQuestions.createdAt)).all();
}

/** The steps of a round's survey: the facilitator's questions make a last step only when there are some. */
export const roundSteps = (questionCount: number): SurveyStep[] => surveySteps.filter((step) => step !== 'custom' || questionCount > 0);

/** Stored answers, read back through the schema (a row written by an older version never breaks the form). */
export function parseStoredAnswers(value: unknown): SurveyAnswers {
  const parsed = SurveyAnswers.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * The viewer's own response to a round. Anyone who was not invited (another member, a facilitator, an
 * admin) gets not_found: a response is its participant's alone, and whether someone was invited is not
 * revealed either.
 */
export function loadOwnResponse(tx: Reader, viewer: MaybeViewer, followUpId: string) {
  if (!viewer) throw new AppError('unauthenticated');
  const response = tx.select().from(followUpResponses).where(and(eq(followUpResponses.followUpId, followUpId), eq(followUpResponses.userId, viewer.userId))).get();
  if (!response) throw new AppError('not_found');
  const round = loadRound(tx, followUpId);
  const event = loadEvent(tx, round.eventId);
  if (!can(viewer, 'event.read', event)) throw new AppError('not_found');
  return { response, round, event };
}

/**
 * The viewer's response, to change it: forbidden once the round no longer takes answers (closed, not yet
 * open, cancelled), conflict once submitted (answers are final).
 */
export function loadAnswerableResponse(tx: Reader, viewer: MaybeViewer, followUpId: string) {
  const loaded = loadOwnResponse(tx, viewer, followUpId);
  assertCan(viewer, 'followUp.answer', { userId: loaded.response.userId, isOpen: isRoundOpen(loaded.round) });
  if (loaded.response.submittedAt) throw new AppError('conflict');
  return loaded;
}
