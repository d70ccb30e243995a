import { and, eq } from 'drizzle-orm';
import { sectionKeys, type SectionKey } from '@/db/schema/case-studies';
import { follows } from '@/db/schema/conversations';
import { notifications, type NotificationKind } from '@/db/schema/notifications';
import { insertCaseStudy } from '@/db/seed/factories';
import { replyToThread, startThread } from '@/lib/conversations/mutations';
import { clearAttempts, limits } from '@/lib/rate-limit';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import type { MaybeViewer, Viewer, Visibility } from '@/lib/policy/types';
import { paragraphs } from './case-studies';
import { testDb } from './database';

/** An @-mention node as the editor sends it: the member's id and the label the client typed. */
export function mention(userId: string, label = 'someone'): RichTextJson {
  return { type: 'mention', attrs: { id: userId, label } };
}

/** A one-paragraph post of text and mentions, as the editor would send it. */
export function postBody(...parts: (string | RichTextJson)[]): RichTextJson {
  return { type: 'doc', content: [{ type: 'paragraph', content: parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)) }] };
}

/**
 * Posting is limited per member (12 in 10 minutes). Tests that post more than a person would give the
 * slots back after each post; the rate-limit test itself does not.
 */
export function allowMorePosts(viewer: MaybeViewer): void {
  if (viewer) clearAttempts(limits.postsPerMember, viewer.userId);
}

type ThreadInput = {
  subjectType: 'network' | 'event' | 'case_study';
  subjectId?: string;
  kind?: 'discussion' | 'question';
  title?: string;
  visibility?: string;
  body?: RichTextJson;
};

/** Starts a thread through the real mutation. */
export function startTestThread(viewer: Viewer, input: ThreadInput): { threadId: string; postId: string } {
  const result = startThread({ viewer, input: { title: 'A question of practice', body: postBody('How did you do it?'), ...input } });
  allowMorePosts(viewer);
  return result;
}

/** Replies through the real mutation. */
export function replyAs(viewer: Viewer, threadId: string, body: RichTextJson = postBody('Thank you for sharing.'), extra: { replyToId?: string; quotedPostId?: string } = {}): string {
  const { postId } = replyToThread({ viewer, input: { threadId, body, ...extra } });
  allowMorePosts(viewer);
  return postId;
}

/** A member's notifications, optionally about one thread or of one kind. */
export function notificationsOf(userId: string, filter: { threadId?: string; postId?: string; kind?: NotificationKind } = {}) {
  return testDb()
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        filter.threadId ? eq(notifications.threadId, filter.threadId) : undefined,
        filter.postId ? eq(notifications.postId, filter.postId) : undefined,
        filter.kind ? eq(notifications.kind, filter.kind) : undefined,
      ),
    )
    .all();
}

export function isFollowing(userId: string, threadId: string): boolean {
  return !!testDb()
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.subjectType, 'thread'), eq(follows.subjectId, threadId)))
    .get();
}

/**
 * A case study of an organisation, published outside any call (unless an event is given) with all five
 * sections written, so it can be unpublished and published again through the real workflow.
 */
export function insertPublishedCaseStudy(input: {
  organisationId: string;
  authorIds: string[];
  visibility: Exclude<Visibility, 'private'>;
  title?: string;
  eventId?: string | null;
  status?: 'published' | 'draft';
  lessons?: string;
}): string {
  const title = input.title ?? `Case study (${input.visibility})`;
  const sections = Object.fromEntries(
    sectionKeys.map((key) => [key, paragraphs(key === 'lessons' && input.lessons ? input.lessons : `${title}: ${key} text`)]),
  ) as Record<SectionKey, RichTextJson>;
  return insertCaseStudy(testDb(), {
    organisationId: input.organisationId,
    eventId: input.eventId ?? null,
    title,
    language: 'en',
    visibility: input.visibility,
    status: input.status ?? 'published',
    sections,
    authorIds: input.authorIds,
  });
}
