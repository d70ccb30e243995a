import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { events } from '@/db/schema/events';
import { followUpQuestions, followUpResponses, followUps } from '@/db/schema/follow-ups';
import { assertCan, can } from '@/lib/policy/rules';
import type { Locale, MaybeViewer, Viewer } from '@/lib/policy/types';
import type { SurveyAnswers, SurveyStep } from './answers';
import { loadEvent, loadOwnResponse, loadQuestions, parseStoredAnswers, roundSteps } from './load';
import { isRoundOpen, todayIso } from './rounds';

export type SurveyStatus = 'open' | 'notYetOpen' | 'closed' | 'cancelled' | 'submitted';

export type FollowUpSurvey = {
  id: string;
  event: { slug: string; title: string };
  opensOn: string;
  closesOn: string;
  status: SurveyStatus;
  submittedAt: Date | null;
  answers: SurveyAnswers;
  /** The steps of this round's survey, in order; the page numbers them from 1. */
  steps: SurveyStep[];
  /** Where a member coming back continues: the first step not saved complete (1-based), or the review. */
  resumeStep: number | 'review';
  /** The facilitator's questions, in the member's language. */
  questions: { id: string; prompt: string }[];
};

function statusOf(round: { opensOn: string; closesOn: string; cancelledAt: Date | null }, submittedAt: Date | null, today: string): SurveyStatus {
  if (submittedAt) return 'submitted';
  if (round.cancelledAt) return 'cancelled';
  if (today < round.opensOn) return 'notYetOpen';
  return isRoundOpen(round, today) ? 'open' : 'closed';
}

/** The first of `steps` not saved complete, numbered from 1; the review once all are. */
export function resumeStepOf(answers: SurveyAnswers, steps: readonly SurveyStep[]): number | 'review' {
  const saved = new Set(answers.savedSteps ?? []);
  const index = steps.findIndex((step) => !saved.has(step));
  return index === -1 ? 'review' : index + 1;
}

/** The viewer's own follow-up survey: only the invited member finds it (everyone else: not found). */
export function getFollowUpSurvey(viewer: MaybeViewer, followUpId: string, locale: Locale): FollowUpSurvey {
  const db = getDb();
  const { response, round, event } = loadOwnResponse(db, viewer, followUpId);
  const questions = loadQuestions(db, round.id);
  const answers = parseStoredAnswers(response.answers);
  const steps = roundSteps(questions.length);
  return {
    id: round.id,
    event: { slug: event.slug, title: locale === 'fr' ? event.titleFr : event.titleEn },
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status: statusOf(round, response.submittedAt, todayIso()),
    submittedAt: response.submittedAt,
    answers,
    steps,
    resumeStep: resumeStepOf(answers, steps),
    questions: questions.map((question) => ({ id: question.id, prompt: locale === 'fr' ? question.promptFr : question.promptEn })),
  };
}

export type WaitingFollowUp = { id: string; eventTitle: string; closesOn: string; isStarted: boolean };

/** The viewer's rounds that take answers today and that they have not submitted, soonest closing first. */
export function listWaitingFollowUps(viewer: Viewer, locale: Locale): WaitingFollowUp[] {
  const today = todayIso();
  const rows = getDb()
    .select({ id: followUps.id, closesOn: followUps.closesOn, startedAt: followUpResponses.startedAt, titleEn: events.titleEn, titleFr: events.titleFr, eventId: events.id, visibility: events.visibility })
    .from(followUpResponses)
    .innerJoin(followUps, eq(followUps.id, followUpResponses.followUpId))
    .innerJoin(events, eq(events.id, followUps.eventId))
    .where(and(eq(followUpResponses.userId, viewer.userId), isNull(followUpResponses.submittedAt), isNull(followUps.cancelledAt), lte(followUps.opensOn, today), gte(followUps.closesOn, today)))
    .orderBy(asc(followUps.closesOn))
    .all();
  return rows
    .filter((row) => can(viewer, 'event.read', { id: row.eventId, visibility: row.visibility }))
    .map((row) => ({ id: row.id, eventTitle: locale === 'fr' ? row.titleFr : row.titleEn, closesOn: row.closesOn, isStarted: row.startedAt !== null }));
}

export type FollowUpRoundStatus = 'scheduled' | 'open' | 'closed' | 'cancelled';

export type ManagedFollowUp = {
  id: string;
  opensOn: string;
  closesOn: string;
  monthsAfter: number | null;
  status: FollowUpRoundStatus;
  invitedAt: Date | null;
  /** Invited members and those who submitted: the response rate, never who. */
  invitedCount: number;
  submittedCount: number;
  questions: { id: string; promptEn: string; promptFr: string }[];
  /** Questions can be added or removed, and the round cancelled, until its invitations go out. */
  isEditable: boolean;
};

/** An event's follow-up rounds, for those who run its follow-up. */
export function listFollowUps(viewer: MaybeViewer, eventId: string): ManagedFollowUp[] {
  const db = getDb();
  assertCan(viewer, 'event.manageFollowUp', loadEvent(db, eventId));
  const rounds = db.select().from(followUps).where(eq(followUps.eventId, eventId)).orderBy(asc(followUps.opensOn)).all();
  if (!rounds.length) return [];
  const ids = rounds.map((round) => round.id);
  const counts = db
    .select({ followUpId: followUpResponses.followUpId, invited: sql<number>`count(*)`, submitted: sql<number>`count(${followUpResponses.submittedAt})` })
    .from(followUpResponses)
    .where(inArray(followUpResponses.followUpId, ids))
    .groupBy(followUpResponses.followUpId)
    .all();
  const questions = db.select().from(followUpQuestions).where(inArray(followUpQuestions.followUpId, ids)).orderBy(asc(followUpQuestions.sortOrder), asc(followUpQuestions.createdAt)).all();
  const today = todayIso();
  return rounds.map((round) => {
    const count = counts.find((row) => row.followUpId === round.id);
    const status: FollowUpRoundStatus = round.cancelledAt ? 'cancelled' : !round.invitedAt ? (today > round.closesOn ? 'closed' : 'scheduled') : isRoundOpen(round, today) ? 'open' : 'closed';
    return {
      id: round.id,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      monthsAfter: round.monthsAfter,
      status,
      invitedAt: round.invitedAt,
      invitedCount: count?.invited ?? 0,
      submittedCount: count?.submitted ?? 0,
      questions: questions.filter((question) => question.followUpId === round.id).map(({ id, promptEn, promptFr }) => ({ id, promptEn, promptFr })),
      isEditable: !round.invitedAt && !round.cancelledAt,
    };
  });
}

