import { z } from 'zod';
// Messages for issues the schemas give none: see lib/forms.ts.
import '@/lib/forms';
import taxonomy from '../../db/seed/taxonomy.json';

// The network's follow-up framework (taxonomy.json, followUpSurvey): what a participant is asked months
// after an event, and the baseline the 2017 one-off survey measured. Shared by the survey forms, the
// dashboard and the export, so "the same question" means the same key everywhere. Labels live in
// messages/*.json under `framework`.

const survey = taxonomy.followUpSurvey;

export const likertValues = ['strongly_disagree', 'disagree', 'neutral', 'agree', 'strongly_agree'] as const;
export type Likert = (typeof likertValues)[number];
/** "Agree" in the baseline report's sense: agree or strongly agree. */
export const isAgreement = (value: Likert | undefined) => value === 'agree' || value === 'strongly_agree';

export const transferAudiences = ['internal', 'external', 'not_yet'] as const;
export const transferFormalities = ['formal', 'informal'] as const;

export const applicationWays = survey.applicationWays.map((way) => way.key) as [string, ...string[]];
export type ApplicationWay = string;

export const barrierKeys = survey.barriers.map((barrier) => barrier.key) as [string, ...string[]];
export type BarrierSide = 'internal' | 'resources' | 'external' | 'none';
export const barrierSide = (key: string): BarrierSide => (survey.barriers.find((barrier) => barrier.key === key)?.side ?? 'none') as BarrierSide;

export const surveyConnectionReasons = survey.connectionReasons.map((reason) => reason.key) as [string, ...string[]];

/** The baseline report's figures, as shares of its 32 respondents (null where the report gave none). */
export const baseline = {
  respondents: survey.baseline.respondents,
  invited: survey.baseline.uniqueParticipants,
  responseRate: survey.baseline.responseRate,
  understanding: survey.baseline.agreeBetterUnderstandingOfKpProgramming,
  transferredInternally: survey.baseline.transferredInternally,
  transferredExternally: survey.baseline.transferredExternally,
  informal: survey.baseline.discussedInformallyWithColleagues,
  applied: survey.baseline.agreeAppliedLearningsToPractice,
  connected: survey.baseline.connectedWithAnotherParticipant,
  applicationWays: Object.fromEntries(survey.applicationWays.map((way) => [way.key, way.baseline])) as Record<string, number | null>,
  connectionReasons: Object.fromEntries(survey.connectionReasons.map((reason) => [reason.key, reason.baseline])) as Record<string, number | null>,
} as const;

const freeText = z.string().trim().max(2000, 'errors.too_long');

/**
 * The survey's steps, in the order a participant answers them (`custom` only when the round has questions
 * of its own). A response remembers which steps were saved complete, so it resumes at the first one left,
 * including the optional ones (what they remember, the facilitator's questions) answered with nothing.
 */
export const surveySteps = ['understanding', 'retained', 'applied', 'barriers', 'connections', 'custom'] as const;
export type SurveyStep = (typeof surveySteps)[number];

/**
 * Everything a response can hold. Every field is optional while a participant saves step by step; the
 * submit check (`CompleteAnswers`) says which must be there. Custom answers are keyed by question id.
 */
export const SurveyAnswers = z.object({
  understanding: z.enum(likertValues).optional(),
  transferAudience: z.array(z.enum(transferAudiences)).max(3).optional(),
  transferFormality: z.array(z.enum(transferFormalities)).max(2).optional(),
  retained: freeText.optional(),
  applied: z.enum(likertValues).optional(),
  applicationWays: z.array(z.enum(applicationWays)).max(applicationWays.length).optional(),
  barriers: z.array(z.enum(barrierKeys)).max(barrierKeys.length).optional(),
  connected: z.enum(['yes', 'no']).optional(),
  connectionReasons: z.array(z.enum(surveyConnectionReasons)).max(surveyConnectionReasons.length).optional(),
  custom: z.record(z.string().max(40), freeText).optional(),
  /** Progress, not an answer: the steps saved complete (see `surveySteps`). */
  savedSteps: z.array(z.enum(surveySteps)).max(surveySteps.length).optional(),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;
