import { z } from 'zod';
import { reactionKinds, reportReasons, threadSubjectTypes, threadVisibilities } from '@/db/schema/conversations';
import { optionalText, requiredText } from '@/lib/forms';

const id = () => z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40);
// The tiptap JSON; lib/rich-text/validate.ts checks it against the post schema. Forms send it as a string.
const body = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}, z.unknown());
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const StartThreadInput = z.object({
  subjectType: z.enum(threadSubjectTypes, { error: 'errors.invalid_choice' }),
  subjectId: z.preprocess(emptyAsUndefined, id().optional()),
  kind: z.enum(['discussion', 'question']).default('discussion'),
  title: requiredText(5, 160),
  body,
  // Empty: as the subject.
  visibility: z.preprocess(emptyAsUndefined, z.enum(threadVisibilities, { error: 'errors.invalid_choice' }).optional()),
});
export type StartThreadInput = z.infer<typeof StartThreadInput>;

export const ReplyInput = z.object({
  threadId: id(),
  body,
  replyToId: z.preprocess(emptyAsUndefined, id().optional()),
  quotedPostId: z.preprocess(emptyAsUndefined, id().optional()),
});

export const EditPostInput = z.object({ postId: id(), body, baseVersion: z.coerce.number().int().min(1) });
export const PostRef = z.object({ postId: id() });
export const ThreadRef = z.object({ threadId: id() });
export const ReactInput = z.object({ postId: id(), kind: z.enum(reactionKinds, { error: 'errors.invalid_choice' }) });
export const ReportInput = z.object({ postId: id(), reason: z.enum(reportReasons, { error: 'errors.choose_one' }), note: optionalText(500) });
export const ModeratePostInput = z.object({ postId: id(), action: z.enum(['hide', 'restore']), reason: optionalText(300), reportId: z.preprocess(emptyAsUndefined, id().optional()) });
export const DismissReportInput = z.object({ reportId: id() });
export const LockThreadInput = z.object({ threadId: id(), locked: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const MarkAnswerInput = z.object({ threadId: id(), postId: id() });
export const FollowInput = z.object({
  subjectType: z.enum(['thread', 'case_study', 'theme', 'event']),
  subjectId: id(),
  follow: z.enum(['true', 'false']).transform((value) => value === 'true'),
});
