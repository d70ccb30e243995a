import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema/accounts';
import { follows, postMentions, postReactions, postRevisions, posts, reports, threads, type FollowSubjectType } from '@/db/schema/conversations';
import { recordAudit } from '@/lib/audit';
import type { Tx } from '@/lib/case-studies/load';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { enqueueJob } from '@/lib/jobs/queue';
import { notify } from '@/lib/notifications/fanout';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { limits, takeAttempt } from '@/lib/rate-limit';
import { emptyDocument, plainTextOf, type RichTextJson } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { enqueueSearch } from '@/lib/search/outbox';
import { effectiveThreadFacts, threadVisibilityChoices, type ThreadFacts } from './facts';
import { loadPost, loadSubject, loadThread } from './load';
import { postBodyOf, DismissReportInput, EditPostInput, FollowInput, LockThreadInput, MarkAnswerInput, ModeratePostInput, PostRef, ReactInput, ReplyInput, ReportInput, StartThreadInput } from './schemas';

/** An unanswered question reminds its authors after this long. */
export const questionReminderDelayMs = 7 * 24 * 60 * 60_000;

const signedIn = (viewer: MaybeViewer): Viewer => {
  if (!viewer) throw new AppError('unauthenticated');
  return viewer;
};

/** Posting is limited per member, with a clear message (a flood is both spam and a way to bury a post). */
function takePostingAttempt(viewer: Viewer) {
  if (!takeAttempt(limits.postsPerMember, viewer.userId)) throw new AppError('rate_limited', 'errors.posting_too_fast');
}

/**
 * Validates a post body and resolves its @-mentions: each must be an active member, and its label is
 * replaced by the member's current pseudonym, so a mention cannot pass for someone else.
 */
function preparePostBody(tx: Tx, input: unknown): { body: RichTextJson; plainText: string; mentionedIds: string[] } {
  const validated = validateRichText(input, 'post');
  const ids = new Set<string>();
  const collect = (node: RichTextJson) => {
    if (node.type === 'mention' && typeof node.attrs?.id === 'string') ids.add(node.attrs.id);
    node.content?.forEach(collect);
  };
  collect(validated);
  const names = new Map(
    (ids.size ? tx.select({ id: users.id, displayName: users.displayName }).from(users).where(and(inArray(users.id, [...ids]), eq(users.isDisabled, false))).all() : []).map((row) => [row.id, row.displayName]),
  );
  const relabel = (node: RichTextJson): RichTextJson | null => {
    if (node.type === 'mention') {
      const name = names.get(String(node.attrs?.id));
      // An unknown or disabled member becomes plain text rather than a dangling mention.
      return name ? { ...node, attrs: { id: node.attrs!.id, label: name } } : { type: 'text', text: `@${String(node.attrs?.label ?? '')}` };
    }
    return node.content ? { ...node, content: node.content.map(relabel).filter((child): child is RichTextJson => child !== null) } : node;
  };
  const body = relabel(validated)!;
  const plainText = plainTextOf(body);
  if (!plainText.trim()) throw new AppError('invalid_input', 'errors.post_empty');
  return { body, plainText, mentionedIds: [...names.keys()] };
}

function follow(tx: Tx, userId: string, subjectType: FollowSubjectType, subjectId: string) {
  tx.insert(follows).values({ userId, subjectType, subjectId }).onConflictDoNothing().run();
}

function followersOf(tx: Tx, subjectType: FollowSubjectType, subjectId: string): string[] {
  return tx.select({ userId: follows.userId }).from(follows).where(and(eq(follows.subjectType, subjectType), eq(follows.subjectId, subjectId))).all().map((row) => row.userId);
}

/** The people a question on a case study is addressed to: its co-authors and its organisation's editors. */
export function questionRecipients(tx: Tx, caseStudy: { organisationId: string; authorIds: readonly string[] }): string[] {
  const editors = tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organisationId, caseStudy.organisationId), eq(memberships.role, 'editor'))).all();
  return [...new Set([...caseStudy.authorIds, ...editors.map((row) => row.userId)])];
}

const readsThread = (facts: ThreadFacts) => (viewer: Viewer) => can(viewer, 'thread.read', facts);

function insertPost(tx: Tx, values: { threadId: string; authorId: string; body: RichTextJson; plainText: string; replyToId?: string | null; quotedPostId?: string | null; mentionedIds: string[] }) {
  const id = newId();
  const now = new Date();
  tx.insert(posts).values({ id, threadId: values.threadId, authorId: values.authorId, body: values.body, plainText: values.plainText, replyToId: values.replyToId ?? null, quotedPostId: values.quotedPostId ?? null, createdAt: now }).run();
  for (const userId of values.mentionedIds) tx.insert(postMentions).values({ postId: id, userId }).onConflictDoNothing().run();
  const thread = tx.select({ postCount: threads.postCount }).from(threads).where(eq(threads.id, values.threadId)).get();
  tx.update(threads).set({ postCount: (thread?.postCount ?? 0) + 1, lastPostAt: now }).where(eq(threads.id, values.threadId)).run();
  return id;
}

/** Starts a discussion on a subject, or asks a case study's authors a question. */
export function startThread({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { threadId: string; postId: string } {
  const data = StartThreadInput.parse(input);
  const member = signedIn(viewer);
  return getDb().transaction(
    (tx) => {
      const subject = loadSubject(tx, data.subjectType, data.subjectId);
      if (data.kind === 'question') {
        if (!subject.caseStudy) throw new AppError('invalid_input', 'errors.invalid_choice');
        assertCan(viewer, 'question.ask', subject.caseStudy.facts);
      } else {
        assertCan(viewer, 'thread.start', subject);
      }
      const choices = threadVisibilityChoices(subject, data.kind);
      if (data.visibility && !choices.includes(data.visibility)) throw new AppError('invalid_input', 'errors.visibility_too_wide');
      const narrowedTo = data.visibility && data.visibility !== subject.visibility ? data.visibility : null;
      const { body, plainText, mentionedIds } = preparePostBody(tx, postBodyOf(data));
      takePostingAttempt(member);
      const threadId = newId();
      tx.insert(threads)
        .values({ id: threadId, subjectType: data.subjectType, subjectId: subject.subjectId, kind: data.kind, title: data.title, narrowedTo, authorId: member.userId, ...effectiveThreadFacts(subject, narrowedTo) })
        .run();
      const postId = insertPost(tx, { threadId, authorId: member.userId, body, plainText, mentionedIds });
      const { facts } = loadThread(tx, threadId);
      follow(tx, member.userId, 'thread', threadId);
      if (data.kind === 'question') {
        // Addressed to the writers, who follow it from now on; reminded after a week if unanswered.
        const recipients = questionRecipients(tx, subject.caseStudy!.facts);
        for (const userId of recipients) follow(tx, userId, 'thread', threadId);
        notify(tx, { kind: 'question', recipientIds: recipients, actorId: member.userId, threadId, postId, canRead: readsThread(facts) });
        enqueueJob(tx, { kind: 'question.remind', payload: { threadId }, runAt: Date.now() + questionReminderDelayMs, uniqueKey: `question.remind:${threadId}` });
      } else if (subject.subjectId && data.subjectType !== 'network') {
        const followType = data.subjectType as FollowSubjectType;
        notify(tx, { kind: 'new_thread', recipientIds: followersOf(tx, followType, subject.subjectId), actorId: member.userId, threadId, postId, canRead: readsThread(facts) });
      }
      notify(tx, { kind: 'mention', recipientIds: mentionedIds, actorId: member.userId, threadId, postId, canRead: readsThread(facts) });
      enqueueSearch(tx, 'thread', threadId);
      return { threadId, postId };
    },
    { behavior: 'immediate' },
  );
}

export function replyToThread({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { postId: string } {
  const data = ReplyInput.parse(input);
  const member = signedIn(viewer);
  return getDb().transaction(
    (tx) => {
      const { row: thread, facts } = loadThread(tx, data.threadId);
      assertCan(viewer, 'thread.reply', facts);
      // Replies and quotes point inside the same thread, at posts that still have text.
      for (const referenced of [data.replyToId, data.quotedPostId]) {
        if (referenced && loadPost(tx, referenced, thread.id).row.deletedAt) throw new AppError('invalid_input', 'errors.invalid_choice');
      }
      const { body, plainText, mentionedIds } = preparePostBody(tx, postBodyOf(data));
      takePostingAttempt(member);
      const postId = insertPost(tx, { threadId: thread.id, authorId: member.userId, body, plainText, replyToId: data.replyToId, quotedPostId: data.quotedPostId, mentionedIds });
      const followers = followersOf(tx, 'thread', thread.id);
      follow(tx, member.userId, 'thread', thread.id);
      // A mention says more than "new reply": mentioned followers get the mention only.
      notify(tx, { kind: 'reply', recipientIds: followers.filter((id) => !mentionedIds.includes(id)), actorId: member.userId, threadId: thread.id, postId, canRead: readsThread(facts) });
      notify(tx, { kind: 'mention', recipientIds: mentionedIds, actorId: member.userId, threadId: thread.id, postId, canRead: readsThread(facts) });
      enqueueSearch(tx, 'thread', thread.id);
      return { postId };
    },
    { behavior: 'immediate' },
  );
}

/** Edits keep the earlier text as a revision; newly mentioned members are told. */
export function editPost({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { version: number } {
  const data = EditPostInput.parse(input);
  const member = signedIn(viewer);
  return getDb().transaction(
    (tx) => {
      const { row, thread, facts } = loadPost(tx, data.postId);
      assertCan(viewer, 'post.edit', facts);
      if (row.version !== data.baseVersion) throw new AppError('conflict');
      const { body, plainText, mentionedIds } = preparePostBody(tx, postBodyOf(data));
      tx.insert(postRevisions).values({ postId: row.id, version: row.version, body: row.body, plainText: row.plainText, createdAt: row.editedAt ?? row.createdAt }).run();
      tx.update(posts).set({ body, plainText, version: row.version + 1, editedAt: new Date() }).where(eq(posts.id, row.id)).run();
      const before = new Set(tx.select({ userId: postMentions.userId }).from(postMentions).where(eq(postMentions.postId, row.id)).all().map((mention) => mention.userId));
      tx.delete(postMentions).where(eq(postMentions.postId, row.id)).run();
      for (const userId of mentionedIds) tx.insert(postMentions).values({ postId: row.id, userId }).run();
      notify(tx, { kind: 'mention', recipientIds: mentionedIds.filter((id) => !before.has(id)), actorId: member.userId, threadId: thread.row.id, postId: row.id, canRead: readsThread(thread.facts) });
      enqueueSearch(tx, 'thread', thread.row.id);
      return { version: row.version + 1 };
    },
    { behavior: 'immediate' },
  );
}

/**
 * A soft delete: the post stays as "deleted" so the thread still reads in order, but its text, earlier
 * versions, mentions and reactions are gone (for people at risk, deleted must mean deleted).
 */
export function deletePost({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = PostRef.parse(input);
  getDb().transaction(
    (tx) => {
      const { row, thread, facts } = loadPost(tx, data.postId);
      assertCan(viewer, 'post.delete', facts);
      tx.update(posts).set({ deletedAt: new Date(), body: emptyDocument, plainText: '' }).where(eq(posts.id, row.id)).run();
      tx.delete(postRevisions).where(eq(postRevisions.postId, row.id)).run();
      tx.delete(postMentions).where(eq(postMentions.postId, row.id)).run();
      tx.delete(postReactions).where(eq(postReactions.postId, row.id)).run();
      // A deleted answer reopens its question.
      if (thread.row.answerPostId === row.id) tx.update(threads).set({ answerPostId: null, answeredAt: null }).where(eq(threads.id, thread.row.id)).run();
      enqueueSearch(tx, 'thread', thread.row.id);
    },
    { behavior: 'immediate' },
  );
}

/** Adds the reaction, or takes it back if the member had given it. */
export function toggleReaction({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { reacted: boolean } {
  const data = ReactInput.parse(input);
  const member = signedIn(viewer);
  return getDb().transaction(
    (tx) => {
      const { row, facts } = loadPost(tx, data.postId);
      assertCan(viewer, 'post.react', facts);
      const where = and(eq(postReactions.postId, row.id), eq(postReactions.userId, member.userId), eq(postReactions.kind, data.kind));
      if (tx.select({ postId: postReactions.postId }).from(postReactions).where(where).get()) {
        tx.delete(postReactions).where(where).run();
        return { reacted: false };
      }
      tx.insert(postReactions).values({ postId: row.id, userId: member.userId, kind: data.kind }).run();
      return { reacted: true };
    },
    { behavior: 'immediate' },
  );
}

/** Reports go to the moderators' queue. They never hide anything by themselves. */
export function reportPost({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = ReportInput.parse(input);
  const member = signedIn(viewer);
  getDb().transaction(
    (tx) => {
      const { row, facts } = loadPost(tx, data.postId);
      assertCan(viewer, 'post.report', facts);
      const open = tx.select({ id: reports.id }).from(reports).where(and(eq(reports.postId, row.id), eq(reports.reporterId, member.userId), isNull(reports.resolvedAt))).get();
      if (open) tx.update(reports).set({ reason: data.reason, note: data.note ?? '' }).where(eq(reports.id, open.id)).run();
      else tx.insert(reports).values({ id: newId(), postId: row.id, reporterId: member.userId, reason: data.reason, note: data.note ?? '' }).run();
    },
    { behavior: 'immediate' },
  );
}

/** Hides or restores a post; its author is told, open reports on it are resolved, the act is audited. */
export function moderatePost({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = ModeratePostInput.parse(input);
  const moderator = signedIn(viewer);
  getDb().transaction(
    (tx) => {
      const { row, thread, facts } = loadPost(tx, data.postId);
      assertCan(viewer, 'post.moderate', facts);
      const now = new Date();
      if (data.action === 'hide') {
        if (row.hiddenAt) return;
        tx.update(posts).set({ hiddenAt: now, hiddenBy: moderator.userId, hiddenReason: data.reason ?? null }).where(eq(posts.id, row.id)).run();
        tx.update(reports).set({ resolvedAt: now, resolvedBy: moderator.userId, resolution: 'hidden' }).where(and(eq(reports.postId, row.id), isNull(reports.resolvedAt))).run();
      } else {
        if (!row.hiddenAt) return;
        tx.update(posts).set({ hiddenAt: null, hiddenBy: null, hiddenReason: null }).where(eq(posts.id, row.id)).run();
      }
      if (row.authorId) notify(tx, { kind: 'moderation', recipientIds: [row.authorId], actorId: null, threadId: thread.row.id, postId: row.id, canRead: readsThread(thread.facts) });
      recordAudit(tx, { actorId: moderator.userId, action: data.action === 'hide' ? 'post.hide' : 'post.restore', targetType: 'post', targetId: row.id, detail: data.reason ?? '' });
      enqueueSearch(tx, 'thread', thread.row.id);
    },
    { behavior: 'immediate' },
  );
}

export function dismissReport({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = DismissReportInput.parse(input);
  const moderator = signedIn(viewer);
  getDb().transaction(
    (tx) => {
      const report = tx.select().from(reports).where(eq(reports.id, data.reportId)).get();
      if (!report) throw new AppError('not_found');
      assertCan(viewer, 'post.moderate', loadPost(tx, report.postId).facts);
      if (report.resolvedAt) return;
      tx.update(reports).set({ resolvedAt: new Date(), resolvedBy: moderator.userId, resolution: 'dismissed' }).where(eq(reports.id, report.id)).run();
      recordAudit(tx, { actorId: moderator.userId, action: 'report.dismiss', targetType: 'post', targetId: report.postId });
    },
    { behavior: 'immediate' },
  );
}

export function setThreadLock({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = LockThreadInput.parse(input);
  const moderator = signedIn(viewer);
  getDb().transaction(
    (tx) => {
      const { row, facts } = loadThread(tx, data.threadId);
      assertCan(viewer, 'thread.lock', facts);
      if ((row.lockedAt !== null) === data.locked) return;
      tx.update(threads).set(data.locked ? { lockedAt: new Date(), lockedBy: moderator.userId } : { lockedAt: null, lockedBy: null }).where(eq(threads.id, row.id)).run();
      if (row.authorId) notify(tx, { kind: 'moderation', recipientIds: [row.authorId], actorId: null, threadId: row.id, canRead: readsThread(facts) });
      recordAudit(tx, { actorId: moderator.userId, action: data.locked ? 'thread.lock' : 'thread.unlock', targetType: 'thread', targetId: row.id });
    },
    { behavior: 'immediate' },
  );
}

/** An author or editor of the case study marks the post that answers a question; the asker is told. */
export function markAnswer({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = MarkAnswerInput.parse(input);
  const member = signedIn(viewer);
  getDb().transaction(
    (tx) => {
      const { row: thread, facts } = loadThread(tx, data.threadId);
      assertCan(viewer, 'thread.read', facts);
      if (thread.kind !== 'question' || thread.subjectType !== 'case_study') throw new AppError('invalid_input', 'errors.invalid_choice');
      const subject = loadSubject(tx, 'case_study', thread.subjectId);
      assertCan(viewer, 'question.markAnswer', subject.caseStudy!.facts);
      const post = loadPost(tx, data.postId, thread.id).row;
      const first = tx.select({ id: posts.id }).from(posts).where(eq(posts.threadId, thread.id)).orderBy(posts.createdAt).limit(1).get();
      if (post.deletedAt || post.hiddenAt || post.id === first?.id) throw new AppError('invalid_input', 'errors.invalid_choice');
      tx.update(threads).set({ answerPostId: post.id, answeredAt: new Date() }).where(eq(threads.id, thread.id)).run();
      if (thread.authorId) notify(tx, { kind: 'answer', recipientIds: [thread.authorId], actorId: member.userId, threadId: thread.id, postId: post.id, canRead: readsThread(facts) });
      enqueueSearch(tx, 'thread', thread.id);
    },
    { behavior: 'immediate' },
  );
}

/** Follows or unfollows a thread, case study or event the member may read. */
export function setFollow({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = FollowInput.parse(input);
  const member = signedIn(viewer);
  getDb().transaction(
    (tx) => {
      if (data.subjectType === 'thread') assertCan(viewer, 'thread.follow', loadThread(tx, data.subjectId).facts);
      else if (data.subjectType === 'case_study') assertCan(viewer, 'caseStudy.read', loadSubject(tx, 'case_study', data.subjectId).caseStudy!.facts);
      else if (data.subjectType === 'event') {
        const event = loadSubject(tx, 'event', data.subjectId);
        if (!can(viewer, 'event.read', { id: data.subjectId, visibility: event.visibility as 'public' | 'members' })) throw new AppError('not_found');
      } else throw new AppError('not_found');
      const where = and(eq(follows.userId, member.userId), eq(follows.subjectType, data.subjectType), eq(follows.subjectId, data.subjectId));
      if (data.follow) follow(tx, member.userId, data.subjectType, data.subjectId);
      else tx.delete(follows).where(where).run();
    },
    { behavior: 'immediate' },
  );
}

