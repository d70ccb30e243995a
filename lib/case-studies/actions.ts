'use server';

import { revalidatePath } from 'next/cache';
import { memberFormAction } from '@/lib/actions/form-action';
import { memberJsonAction } from '@/lib/actions/json-action';
import { isAppError } from '@/lib/errors';
import { addReviewComment, createCall, createCaseStudy, publishCaseStudy, saveCaseStudySection, transitionCaseStudy, updateCaseStudyMetadata } from './mutations';
import { CreateCallInput, CreateCaseStudyInput, PublishInput, ReviewCommentInput, SaveSectionInput, TransitionInput, UpdateMetadataInput } from './schemas';

export const createCaseStudyAction = memberFormAction(CreateCaseStudyInput, ({ viewer, input }) => {
  const { id } = createCaseStudy({ viewer, input });
  return { redirectTo: `/case-studies/${id}/edit` };
});

export const publishCaseStudyAction = memberFormAction(PublishInput, ({ viewer, input }) => {
  publishCaseStudy({ viewer, input });
  return { redirectTo: `/case-studies/${input.caseStudyId}?published=1` };
});

export const addReviewCommentAction = memberFormAction(ReviewCommentInput, ({ viewer, input }) => {
  addReviewComment({ viewer, input });
  return { message: 'caseStudies.review.commentAdded' };
});

export const createCallAction = memberFormAction(CreateCallInput, ({ viewer, input }) => {
  createCall({ viewer, input });
  return { message: 'caseStudies.calls.created' };
});

// One action per lifecycle move, so each button posts to exactly what it says.
const moveAction = (transition: Parameters<typeof transitionCaseStudy>[0]['transition'], message: string) =>
  memberFormAction(TransitionInput, ({ viewer, input }) => {
    transitionCaseStudy({ viewer, input, transition });
    return { message };
  });

export const submitCaseStudyAction = moveAction('submit', 'caseStudies.workflow.submitted');
export const requestChangesAction = moveAction('requestChanges', 'caseStudies.workflow.changesRequested');
export const acceptCaseStudyAction = moveAction('accept', 'caseStudies.workflow.accepted');
export const unpublishCaseStudyAction = moveAction('unpublish', 'caseStudies.workflow.unpublished');
export const archiveCaseStudyAction = moveAction('archive', 'caseStudies.workflow.archived');
export const restoreCaseStudyAction = moveAction('restore', 'caseStudies.workflow.restored');
export const withdrawCaseStudyAction = moveAction('withdraw', 'caseStudies.workflow.withdrawn');
export const reopenCaseStudyAction = moveAction('reopen', 'caseStudies.workflow.reopened');

/** Autosave of one section: `saved` with the new version, or `conflict` with the newer text; never an overwrite. */
export const saveSectionAction = memberJsonAction(SaveSectionInput, ({ viewer, input }) => saveCaseStudySection({ viewer, input }));

export const updateMetadataAction = memberFormAction(UpdateMetadataInput, ({ viewer, input }) => {
  try {
    updateCaseStudyMetadata({ viewer, input });
  } catch (error) {
    // A co-author saved the details first. The form keeps what this member typed; refreshing the page
    // brings the current version, so saving again is their deliberate choice, not an endless conflict.
    if (isAppError(error) && error.code === 'conflict') revalidatePath(`/case-studies/${input.caseStudyId}/edit`);
    throw error;
  }
  return { message: 'caseStudyEditor.details.saved' };
});
