'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { memberJsonAction } from '@/lib/actions/json-action';
import { z } from 'zod';
import { threadSubjectTypes } from '@/db/schema/conversations';
import { deletePost, dismissReport, editPost, markAnswer, moderatePost, reportPost, replyToThread, setFollow, setThreadLock, startThread, toggleReaction } from './mutations';
import { mentionCandidates } from './queries';
import { DismissReportInput, EditPostInput, FollowInput, LockThreadInput, MarkAnswerInput, ModeratePostInput, PostRef, ReactInput, ReplyInput, ReportInput, StartThreadInput } from './schemas';

// Thin: parse, call the mutation (which checks the policy), say where to go. Every one works as a plain form.

export const startThreadAction = memberFormAction(StartThreadInput, ({ viewer, input }) => {
  const { threadId } = startThread({ viewer, input });
  return { redirectTo: `/threads/${threadId}` };
});

export const replyAction = memberFormAction(ReplyInput, ({ viewer, input }) => {
  const { postId } = replyToThread({ viewer, input });
  return { redirectTo: `/threads/${input.threadId}#post-${postId}` };
});

export const editPostAction = memberFormAction(EditPostInput, ({ viewer, input }) => {
  editPost({ viewer, input });
  return { message: 'conversations.edited' };
});

export const deletePostAction = memberFormAction(PostRef, ({ viewer, input }) => {
  deletePost({ viewer, input });
  return { message: 'conversations.deleted' };
});

export const reactAction = memberFormAction(ReactInput, ({ viewer, input }) => {
  toggleReaction({ viewer, input });
});

export const reportPostAction = memberFormAction(ReportInput, ({ viewer, input }) => {
  reportPost({ viewer, input });
  return { message: 'conversations.reported' };
});

export const moderatePostAction = memberFormAction(ModeratePostInput, ({ viewer, input }) => {
  moderatePost({ viewer, input });
  return { message: input.action === 'hide' ? 'moderation.hidden' : 'moderation.restored' };
});

export const dismissReportAction = memberFormAction(DismissReportInput, ({ viewer, input }) => {
  dismissReport({ viewer, input });
  return { message: 'moderation.dismissed' };
});

// The mutations parse their input again; LockThreadInput and FollowInput turn the form's "true"/"false" into
// booleans and accept only the strings, so these two hand the mutation the form's values back.
export const lockThreadAction = memberFormAction(LockThreadInput, ({ viewer, input }) => {
  setThreadLock({ viewer, input });
  return { message: input.locked ? 'moderation.locked' : 'moderation.unlocked' };
});

export const markAnswerAction = memberFormAction(MarkAnswerInput, ({ viewer, input }) => {
  markAnswer({ viewer, input });
  return { message: 'conversations.answerMarked' };
});

export const followAction = memberFormAction(FollowInput, ({ viewer, input }) => {
  setFollow({ viewer, input });
  return { message: input.follow ? 'conversations.followed' : 'conversations.unfollowed' };
});

/** The @-mention picker: members matching what was typed who may read the thread. */
export const mentionCandidatesAction = memberJsonAction(
  z.object({ query: z.string().max(40), threadId: z.string().max(40).optional(), subjectType: z.enum(threadSubjectTypes).optional(), subjectId: z.string().max(40).optional() }),
  ({ viewer, input }) => mentionCandidates(viewer, input.query, input.threadId ? { threadId: input.threadId } : input.subjectType ? { subjectType: input.subjectType, subjectId: input.subjectId ?? null } : {}),
);
