import { z } from 'zod';
import { reactionKinds, reportReasons, threadSubjectTypes, threadVisibilities } from '@/db/schema/conversations';
import { optionalText, requiredText } from '@/lib/forms';

const id = () => z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40);
// The tiptap JSON; lib/rich-text/validate.ts checks it against the post schema. Forms send it as a string.
const body = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  if (value === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}, z.unknown());
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
// Without JavaScript the editor is a plain textarea: its text becomes paragraphs.
const text = optionalText(20_000);

/** The post as a document: the editor's JSON, or the plain textarea's text split into paragraphs. */
export function postBodyOf(data: { body?: unknown; text?: string }): unknown {
  if (data.body !== undefined && data.body !== null && data.body !== '') return data.body;
  // Browsers send a textarea's line breaks as CRLF.
  const paragraphs = (data.text ?? '').replace(/\r\n?/g, '\n').split(/\n{2,}/).map((paragraph) => paragraph.trim()).filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.length
      ? paragraphs.map((paragraph) => ({
          type: 'paragraph',
          content: paragraph.split('\n').flatMap((line, index) => [...(index ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
        }))
      : [{ type: 'paragraph' }],
  };
}

export const StartThreadInput = z.object({
  subjectType: z.enum(threadSubjectTypes, { error: 'errors.invalid_choice' }),
  subjectId: z.preprocess(emptyAsUndefined, id().optional()),
  kind: z.enum(['discussion', 'question']).default('discussion'),
  title: requiredText(5, 160),
  body,
  text,
  // Empty: as the subject.
  visibility: z.preprocess(emptyAsUndefined, z.enum(threadVisibilities, { error: 'errors.invalid_choice' }).optional()),
});
export type StartThreadInput = z.infer<typeof StartThreadInput>;

export const ReplyInput = z.object({
  threadId: id(),
  body,
  text,
  replyToId: z.preprocess(emptyAsUndefined, id().optional()),
  quotedPostId: z.preprocess(emptyAsUndefined, id().optional()),
});

export const EditPostInput = z.object({ postId: id(), body, text, baseVersion: z.coerce.number().int().min(1) });
export const PostRef = z.object({ postId: id() });
export const ThreadRef = z.object({ threadId: id() });
export const ReactInput = z.object({ postId: id(), kind: z.enum(reactionKinds, { error: 'errors.invalid_choice' }) });
export const ReportInput = z.object({ postId: id(), reason: z.enum(reportReasons, { error: 'errors.choose_one' }), note: optionalText(500) });
export const ModeratePostInput = z.object({ postId: id(), action: z.enum(['hide', 'restore']), reason: optionalText(300), reportId: z.preprocess(emptyAsUndefined, id().optional()) });
export const DismissReportInput = z.object({ reportId: id() });
// Forms send 'true'/'false'; a mutation called again with parsed input gets a boolean.
const flag = () => z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const LockThreadInput = z.object({ threadId: id(), locked: flag() });
export const MarkAnswerInput = z.object({ threadId: id(), postId: id() });
export const FollowInput = z.object({
  subjectType: z.enum(['thread', 'case_study', 'theme', 'event']),
  subjectId: id(),
  follow: flag(),
});
