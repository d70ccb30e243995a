'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { isAppError } from '@/lib/errors';
import { addFollowUpQuestion, cancelFollowUp, removeFollowUpQuestion, saveFollowUpStep, scheduleFollowUps, submitFollowUpResponse } from './mutations';
import { AddFollowUpQuestionInput, CancelFollowUpInput, RemoveFollowUpQuestionInput, SaveFollowUpStepInput, ScheduleFollowUpsInput, SubmitFollowUpResponseInput } from './schemas';

// Thin: the mutations check the policy (event.manageFollowUp, followUp.answer) and the dates.

export const scheduleFollowUpsAction = memberFormAction(ScheduleFollowUpsInput, ({ viewer, input }) => {
  const { scheduled } = scheduleFollowUps({ viewer, input });
  return { message: scheduled.length ? 'followUps.panel.scheduled' : 'followUps.panel.nothingNew' };
});

export const cancelFollowUpAction = memberFormAction(CancelFollowUpInput, ({ viewer, input }) => {
  cancelFollowUp({ viewer, input });
  return { message: 'followUps.panel.cancelled' };
});

export const addFollowUpQuestionAction = memberFormAction(AddFollowUpQuestionInput, ({ viewer, input }) => {
  addFollowUpQuestion({ viewer, input });
  return { message: 'followUps.panel.questionAdded' };
});

export const removeFollowUpQuestionAction = memberFormAction(RemoveFollowUpQuestionInput, ({ viewer, input }) => {
  removeFollowUpQuestion({ viewer, input });
  return { message: 'followUps.panel.questionRemoved' };
});

/**
 * A survey that closed, or was submitted (perhaps from another tab), while the member had a step open: back
 * to the survey's page, which says so in their language, rather than a generic refusal.
 */
function orSurveyNotice<T>(followUpId: string, run: () => T): T | { redirectTo: string } {
  try {
    return run();
  } catch (error) {
    if (isAppError(error) && (error.code === 'forbidden' || error.code === 'conflict')) return { redirectTo: `/follow-ups/${followUpId}` };
    throw error;
  }
}

export const saveFollowUpStepAction = memberFormAction(SaveFollowUpStepInput, ({ viewer, input }) =>
  orSurveyNotice(input.followUpId, () => {
    const { next } = saveFollowUpStep({ viewer, input });
    return { redirectTo: input.intent === 'later' ? `/follow-ups/${input.followUpId}?saved=1` : `/follow-ups/${input.followUpId}?step=${next}` };
  }),
);

export const submitFollowUpResponseAction = memberFormAction(SubmitFollowUpResponseInput, ({ viewer, input }) =>
  orSurveyNotice(input.followUpId, () => {
    const { missingStep } = submitFollowUpResponse({ viewer, input });
    return { redirectTo: missingStep ? `/follow-ups/${input.followUpId}?step=${missingStep}&missing=1` : `/follow-ups/${input.followUpId}?thanks=1` };
  }),
);
