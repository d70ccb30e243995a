import { SurveyAnswers, surveySteps, type SurveyStep } from './answers';

// What "answered" means, step by step: shared by the step forms (refusing a step that is not complete when
// the member moves on), the resume point and the final submit. Messages are i18n keys.

export type AnswerProblem = { field: keyof SurveyAnswers; message: string };

/**
 * What is wrong with one step's answers. Exclusive options ("not yet", "no challenges") are checked always,
 * even when a member saves half-way; required answers only when the step must be complete.
 */
export function stepProblems(step: SurveyStep, answers: SurveyAnswers, mode: 'partial' | 'complete'): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const audience = answers.transferAudience ?? [];
  const barriers = answers.barriers ?? [];
  if (step === 'understanding' && audience.includes('not_yet') && audience.length > 1) problems.push({ field: 'transferAudience', message: 'followUps.errors.notYetAlone' });
  if (step === 'barriers' && barriers.includes('none') && barriers.length > 1) problems.push({ field: 'barriers', message: 'followUps.errors.noneAlone' });
  if (mode === 'partial') return problems;
  switch (step) {
    case 'understanding':
      if (!answers.understanding) problems.push({ field: 'understanding', message: 'followUps.errors.chooseAnswer' });
      if (!audience.length) problems.push({ field: 'transferAudience', message: 'followUps.errors.chooseAtLeastOne' });
      else if (!audience.includes('not_yet') && !answers.transferFormality?.length) problems.push({ field: 'transferFormality', message: 'followUps.errors.chooseHow' });
      break;
    case 'applied':
      if (!answers.applied) problems.push({ field: 'applied', message: 'followUps.errors.chooseAnswer' });
      break;
    case 'barriers':
      if (!barriers.length) problems.push({ field: 'barriers', message: 'followUps.errors.chooseBarrier' });
      break;
    case 'connections':
      if (!answers.connected) problems.push({ field: 'connected', message: 'followUps.errors.chooseAnswer' });
      break;
    // What they remember and the facilitator's questions are optional.
    case 'retained':
    case 'custom':
      break;
  }
  return problems;
}

/** The first step (of a round's steps) whose answers are not complete, or null when the response can be submitted. */
export function firstIncompleteStep(answers: SurveyAnswers, steps: readonly SurveyStep[] = surveySteps): SurveyStep | null {
  return steps.find((step) => stepProblems(step, answers, 'complete').length > 0) ?? null;
}

/** A response ready to submit: every required answer there, exclusive options alone. */
export const CompleteAnswers = SurveyAnswers.superRefine((answers, context) => {
  for (const step of surveySteps) {
    for (const problem of stepProblems(step, answers, 'complete')) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }
});
