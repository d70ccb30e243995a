'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { deleteStory, editStory, recordStory } from './mutations';
import { DeleteStoryInput, EditStoryInput, RecordStoryInput } from './schemas';

// Thin: the mutations check the policy (story.create, story.edit) and what each link may be.

export const recordStoryAction = memberFormAction(RecordStoryInput, ({ viewer, input }) => {
  const { id } = recordStory({ viewer, input });
  return { redirectTo: `/stories/${id}?recorded=1` };
});

export const editStoryAction = memberFormAction(EditStoryInput, ({ viewer, input }) => {
  editStory({ viewer, input });
  return { redirectTo: `/stories/${input.storyId}?saved=1` };
});

export const deleteStoryAction = memberFormAction(DeleteStoryInput, ({ viewer, input }) => {
  deleteStory({ viewer, input });
  return { redirectTo: '/stories?deleted=1' };
});
