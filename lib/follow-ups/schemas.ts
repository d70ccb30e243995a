import { z } from 'zod';
import { isoDate, many, requiredText } from '@/lib/forms';
import { applicationWays, barrierKeys, likertValues, surveyConnectionReasons, transferAudiences, transferFormalities, type SurveyAnswers, type SurveyStep } from './answers';
import { stepProblems } from './complete-answers';

// Messages are i18n keys: `errors.*` for the shared ones, `followUps.errors.*` for what only surveys say.

/** The network's rhythm for follow-up surveys: 6 and 12 months after an event. */
export const defaultFollowUpMonths = [6, 12] as const;
/** How long a round takes answers by default, from the day it opens. */
export const defaultOpenDays = 30;
export const maxOpenDays = 180;
export const maxQuestionLength = 300;

const id = () => z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const ScheduleFollowUpsInput = z.object({
  eventId: id(),
  months: many(z.coerce.number().int().refine((value) => (defaultFollowUpMonths as readonly number[]).includes(value), 'errors.invalid_choice'), defaultFollowUpMonths.length),
  // A day of the facilitator's choosing, besides (or instead of) the defaults.
  opensOn: z.preprocess(emptyAsUndefined, isoDate().optional()),
  openDays: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'errors.number' }).int('errors.number').min(1, 'errors.too_small').max(maxOpenDays, 'errors.too_large').default(defaultOpenDays)),
});
export type ScheduleFollowUpsInput = z.infer<typeof ScheduleFollowUpsInput>;

export const CancelFollowUpInput = z.object({ followUpId: id() });

export const AddFollowUpQuestionInput = z.object({
  followUpId: id(),
  // Both languages: every participant reads the question in theirs.
  promptEn: requiredText(1, maxQuestionLength),
  promptFr: requiredText(1, maxQuestionLength),
});
export type AddFollowUpQuestionInput = z.infer<typeof AddFollowUpQuestionInput>;

export const RemoveFollowUpQuestionInput = z.object({ questionId: id() });

// Answering, one step at a time. `intent` is the button pressed: "next" needs the step complete, "later"
// keeps whatever was entered (invalid choices are refused either way).
const intent = z.enum(['next', 'later']).catch('next');
const likert = z.preprocess(emptyAsUndefined, z.enum(likertValues, { error: 'errors.invalid_choice' }).optional());
const choices = <const T extends readonly [string, ...string[]]>(values: T) => many(z.enum(values, { error: 'errors.invalid_choice' }), values.length);
const freeText = z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value), z.string().max(2000, 'errors.too_long'));

/** Adds the step's problems as field errors, so the form shows them next to the right question. */
const checkStep = (step: SurveyStep) => (data: SurveyAnswers & { intent: 'next' | 'later' }, context: z.RefinementCtx) => {
  for (const problem of stepProblems(step, data, data.intent === 'later' ? 'partial' : 'complete')) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
};

const stepBase = { followUpId: id(), intent };

export const UnderstandingStepInput = z
  .object({ ...stepBase, step: z.literal('understanding'), understanding: likert, transferAudience: choices(transferAudiences), transferFormality: choices(transferFormalities) })
  .superRefine(checkStep('understanding'));

export const RetainedStepInput = z.object({ ...stepBase, step: z.literal('retained'), retained: freeText.optional() });

export const AppliedStepInput = z.object({ ...stepBase, step: z.literal('applied'), applied: likert, applicationWays: choices(applicationWays) }).superRefine(checkStep('applied'));

export const BarriersStepInput = z.object({ ...stepBase, step: z.literal('barriers'), barriers: choices(barrierKeys) }).superRefine(checkStep('barriers'));

export const ConnectionsStepInput = z
  .object({ ...stepBase, step: z.literal('connections'), connected: z.preprocess(emptyAsUndefined, z.enum(['yes', 'no'], { error: 'errors.invalid_choice' }).optional()), connectionReasons: choices(surveyConnectionReasons) })
  .superRefine(checkStep('connections'));

/** The name of a custom question's field: `custom_<question id>`. */
export const customFieldName = (questionId: string) => `custom_${questionId}`;

// The facilitator's questions come as `custom_<id>` fields; which ids belong to the round is checked by the mutation.
export const CustomStepInput = z.looseObject({ ...stepBase, step: z.literal('custom') }).superRefine((data, context) => {
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith('custom_')) continue;
    if (typeof value !== 'string') context.addIssue({ code: 'custom', path: [key], message: 'errors.invalid_input' });
    else if (value.trim().length > 2000) context.addIssue({ code: 'custom', path: [key], message: 'errors.too_long' });
  }
});

export const SaveFollowUpStepInput = z.discriminatedUnion('step', [UnderstandingStepInput, RetainedStepInput, AppliedStepInput, BarriersStepInput, ConnectionsStepInput, CustomStepInput]);
export type SaveFollowUpStepInput = z.infer<typeof SaveFollowUpStepInput>;

export const SubmitFollowUpResponseInput = z.object({ followUpId: id() });
