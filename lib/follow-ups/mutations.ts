import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { followUpQuestions, followUpResponses, followUps } from '@/db/schema/follow-ups';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { enqueueJob } from '@/lib/jobs/queue';
import { addMonths } from '@/lib/notifications/refreshers';
import { assertCan } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { SurveyAnswers, type SurveyStep } from './answers';
import { firstIncompleteStep, stepProblems } from './complete-answers';
import { loadAnswerableResponse, loadEvent, loadManagedRound, loadQuestions, parseStoredAnswers, roundSteps, type FollowUpRow } from './load';
import {
  AddFollowUpQuestionInput,
  CancelFollowUpInput,
  customFieldName,
  RemoveFollowUpQuestionInput,
  SaveFollowUpStepInput,
  ScheduleFollowUpsInput,
  SubmitFollowUpResponseInput,
} from './schemas';
import { addDays, invitationTime, todayIso } from './rounds';

/**
 * Schedules follow-up survey rounds for an event: by default 6 and 12 months after it ends, or a day the
 * facilitator chooses. Each round opens on its day (the invitation job) and takes answers for `openDays`.
 * A day already scheduled is kept, not doubled; a cancelled one is planned again.
 */
export function scheduleFollowUps({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { scheduled: string[] } {
  const data = ScheduleFollowUpsInput.parse(input);
  const db = getDb();
  const event = loadEvent(db, data.eventId);
  assertCan(viewer, 'event.manageFollowUp', event);
  const days = [...data.months.map((months) => ({ opensOn: addMonths(event.endsOn, months), monthsAfter: months as number | null })), ...(data.opensOn ? [{ opensOn: data.opensOn, monthsAfter: null }] : [])];
  if (!days.length) throw new AppError('invalid_input', 'errors.choose_one');
  const today = todayIso();
  if (days.some((day) => day.monthsAfter === null && day.opensOn < today)) throw new AppError('invalid_input', 'errors.date_in_past');
  return db.transaction(
    (tx) => {
      const scheduled: string[] = [];
      // Default days already past (an old event) are skipped rather than all opened at once.
      for (const day of days.filter((candidate) => candidate.opensOn >= today)) {
        const existing = tx.select().from(followUps).where(and(eq(followUps.eventId, event.id), eq(followUps.opensOn, day.opensOn))).get();
        if (existing && !existing.cancelledAt) continue;
        const closesOn = addDays(day.opensOn, data.openDays);
        // A cancelled round can be planned again: the same row (and its questions) comes back.
        const id = existing?.id ?? newId();
        if (existing) tx.update(followUps).set({ cancelledAt: null, closesOn, monthsAfter: day.monthsAfter, createdBy: viewer!.userId }).where(eq(followUps.id, id)).run();
        else tx.insert(followUps).values({ id, eventId: event.id, opensOn: day.opensOn, closesOn, monthsAfter: day.monthsAfter, createdBy: viewer!.userId }).run();
        enqueueJob(tx, { kind: 'followUp.invite', payload: { followUpId: id }, runAt: invitationTime(day.opensOn), uniqueKey: `followUp.invite:${id}` });
        scheduled.push(day.opensOn);
      }
      return { scheduled };
    },
    { behavior: 'immediate' },
  );
}

/** A round that has not invited anyone yet; once participants are invited it stands (their answers count). */
function assertNotInvited(round: FollowUpRow) {
  if (round.invitedAt) throw new AppError('conflict', 'followUps.errors.alreadyInvited');
  if (round.cancelledAt) throw new AppError('conflict', 'followUps.errors.cancelled');
}

/** Cancels a round before its invitations go out (its job then invites nobody). */
export function cancelFollowUp({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = CancelFollowUpInput.parse(input);
  getDb().transaction(
    (tx) => {
      const { round } = loadManagedRound(tx, viewer, data.followUpId);
      if (round.cancelledAt) return;
      assertNotInvited(round);
      tx.update(followUps).set({ cancelledAt: new Date() }).where(eq(followUps.id, round.id)).run();
    },
    { behavior: 'immediate' },
  );
}

/** Adds a question of the facilitator's own to a round, in both languages, before invitations go out. */
export function addFollowUpQuestion({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { id: string } {
  const data = AddFollowUpQuestionInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { round } = loadManagedRound(tx, viewer, data.followUpId);
      assertNotInvited(round);
      const last = tx.select({ sortOrder: sql<number>`coalesce(max(${followUpQuestions.sortOrder}), -1)` }).from(followUpQuestions).where(eq(followUpQuestions.followUpId, round.id)).get();
      const id = newId();
      tx.insert(followUpQuestions).values({ id, followUpId: round.id, promptEn: data.promptEn, promptFr: data.promptFr, sortOrder: (last?.sortOrder ?? -1) + 1, createdBy: viewer!.userId }).run();
      return { id };
    },
    { behavior: 'immediate' },
  );
}

export function removeFollowUpQuestion({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = RemoveFollowUpQuestionInput.parse(input);
  getDb().transaction(
    (tx) => {
      const question = tx.select().from(followUpQuestions).where(eq(followUpQuestions.id, data.questionId)).get();
      if (!question) throw new AppError('not_found');
      const { round } = loadManagedRound(tx, viewer, question.followUpId);
      // Invited members may already have answered it: it stays with their answers.
      assertNotInvited(round);
      tx.delete(followUpQuestions).where(eq(followUpQuestions.id, question.id)).run();
    },
    { behavior: 'immediate' },
  );
}

/** One step's answers, as the fields they replace in the stored response. */
function stepFields(data: SaveFollowUpStepInput, questionIds: readonly string[]): Partial<SurveyAnswers> {
  switch (data.step) {
    case 'understanding':
      // "Not yet shared" has no "how".
      return { understanding: data.understanding, transferAudience: data.transferAudience, transferFormality: data.transferAudience.includes('not_yet') ? [] : data.transferFormality };
    case 'retained':
      return { retained: data.retained || undefined };
    case 'applied':
      return { applied: data.applied, applicationWays: data.applicationWays };
    case 'barriers':
      return { barriers: data.barriers };
    case 'connections':
      // Reasons are asked "if yes": a "no" keeps none.
      return { connected: data.connected, connectionReasons: data.connected === 'yes' ? data.connectionReasons : [] };
    case 'custom': {
      const record = data as Record<string, unknown>;
      // Only this round's questions; an unknown field is ignored rather than stored.
      const custom = Object.fromEntries(
        questionIds.map((id) => [id, record[customFieldName(id)]] as const).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '').map(([id, text]) => [id, text.replace(/\r\n?/g, '\n').trim()]),
      );
      return { custom };
    }
  }
}

/** Merges a step into answers: its fields replace theirs, and the step counts as saved once complete. */
export function mergeStep(answers: SurveyAnswers, step: SurveyStep, fields: Partial<SurveyAnswers>): SurveyAnswers {
  const merged: Record<string, unknown> = { ...answers };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const next = merged as SurveyAnswers;
  const saved = new Set(answers.savedSteps ?? []);
  if (stepProblems(step, next, 'complete').length) saved.delete(step);
  else saved.add(step);
  return SurveyAnswers.parse({ ...next, savedSteps: [...saved] });
}

/**
 * Saves one step of the viewer's own response, merged into what is stored. Returns where to go next: the
 * following step's number (1-based) or the review. Only the invited member, only while the round is open
 * and the response not submitted.
 */
export function saveFollowUpStep({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { next: number | 'review' } {
  const data = SaveFollowUpStepInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { response, round } = loadAnswerableResponse(tx, viewer, data.followUpId);
      const questions = loadQuestions(tx, round.id);
      const steps = roundSteps(questions.length);
      if (!steps.includes(data.step)) throw new AppError('invalid_input');
      const answers = mergeStep(parseStoredAnswers(response.answers), data.step, stepFields(data, questions.map((question) => question.id)));
      const now = new Date();
      tx.update(followUpResponses)
        .set({ answers, startedAt: response.startedAt ?? now, updatedAt: now })
        .where(and(eq(followUpResponses.followUpId, round.id), eq(followUpResponses.userId, response.userId)))
        .run();
      const index = steps.indexOf(data.step);
      return { next: index + 1 < steps.length ? index + 2 : 'review' };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Submits the viewer's response: answers are final from then on. When something required is missing,
 * nothing is written and the step to complete comes back (1-based).
 */
export function submitFollowUpResponse({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { missingStep: number | null } {
  const data = SubmitFollowUpResponseInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { response, round } = loadAnswerableResponse(tx, viewer, data.followUpId);
      const steps = roundSteps(loadQuestions(tx, round.id).length);
      const missing = firstIncompleteStep(parseStoredAnswers(response.answers), steps);
      if (missing) return { missingStep: steps.indexOf(missing) + 1 };
      const now = new Date();
      tx.update(followUpResponses)
        .set({ submittedAt: now, updatedAt: now })
        .where(and(eq(followUpResponses.followUpId, round.id), eq(followUpResponses.userId, response.userId)))
        .run();
      return { missingStep: null };
    },
    { behavior: 'immediate' },
  );
}
