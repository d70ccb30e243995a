import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { excerpt } from '@/lib/format';
import { users } from '@/db/schema/accounts';
import { caseStudies } from '@/db/schema/case-studies';
import { follows, postReactions, posts, reactionKinds, reports, threads, type ReactionKind, type ThreadSubjectType } from '@/db/schema/conversations';
import { events } from '@/db/schema/events';
import { loadViewers } from '@/lib/accounts/queries';
import { abilitiesFor, assertCan, can } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import type { Locale, MaybeViewer, Viewer } from '@/lib/policy/types';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import { renderRichText } from '@/lib/rich-text/render';
import { threadColumns, threadVisibilityChoices } from './facts';
import { factsOfThreads, loadSubject, loadThread, postFacts } from './load';


function namesOf(userIds: (string | null)[]): Map<string, string> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  return new Map((ids.length ? getDb().select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)).all() : []).map((row) => [row.id, row.displayName]));
}

export type ThreadCard = {
  id: string;
  title: string;
  kind: 'discussion' | 'question';
  visibility: string;
  postCount: number;
  lastPostAt: Date;
  starterName: string | null;
  isAnswered: boolean;
  isLocked: boolean;
};

/** Threads on a subject the viewer may read, most recently active first (the filter is SQL: counts match). */
export function listThreads(viewer: MaybeViewer, subjectType: ThreadSubjectType, subjectId: string | null, options: { kind?: 'discussion' | 'question'; limit?: number } = {}): ThreadCard[] {
  const rows = getDb()
    .select()
    .from(threads)
    .where(
      and(
        readableWhere(viewer, threadColumns),
        eq(threads.subjectType, subjectType),
        subjectId ? eq(threads.subjectId, subjectId) : isNull(threads.subjectId),
        options.kind ? eq(threads.kind, options.kind) : undefined,
      ),
    )
    .orderBy(desc(threads.lastPostAt))
    .limit(options.limit ?? 50)
    .all();
  const names = namesOf(rows.map((row) => row.authorId));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    visibility: row.visibility,
    postCount: row.postCount,
    lastPostAt: row.lastPostAt,
    starterName: row.authorId ? (names.get(row.authorId) ?? null) : null,
    isAnswered: row.answeredAt !== null,
    isLocked: row.lockedAt !== null,
  }));
}

/** Where a thread belongs, as a title and a link (only what the viewer may read of it). */
function subjectOf(viewer: MaybeViewer, row: typeof threads.$inferSelect, locale: Locale): { type: ThreadSubjectType; title: string | null; href: string } {
  const db = getDb();
  if (row.subjectType === 'case_study' && row.subjectId) {
    const subject = loadSubject(db, 'case_study', row.subjectId);
    const readable = can(viewer, 'caseStudy.read', subject.caseStudy!.facts);
    return { type: 'case_study', title: readable ? subject.caseStudy!.row.title : null, href: readable ? `/case-studies/${row.subjectId}` : '/discussions' };
  }
  if (row.subjectType === 'event' && row.subjectId) {
    const event = db.select().from(events).where(eq(events.id, row.subjectId)).get();
    const readable = event && can(viewer, 'event.read', event);
    return { type: 'event', title: readable ? (locale === 'fr' ? event.titleFr : event.titleEn) : null, href: readable ? `/events/${event.slug}` : '/discussions' };
  }
  return { type: row.subjectType, title: null, href: '/discussions' };
}

export type PostView = {
  id: string;
  authorId: string | null;
  /** null: the author left the network ("former member"). */
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  version: number;
  state: 'visible' | 'deleted' | 'hidden';
  /** Why a moderator hid it: for those who may still read the text (its author and moderators). */
  hiddenReason: string | null;
  /** Rendered HTML when the viewer may read the text (a hidden post: its author and moderators only). */
  html: string | null;
  /** The stored document, for the author's edit form only. */
  body: RichTextJson | null;
  replyTo: { id: string; authorName: string | null; excerpt: string } | null;
  quoted: { id: string; authorName: string | null; excerpt: string } | null;
  reactions: Record<ReactionKind, number>;
  myReactions: ReactionKind[];
  isAnswer: boolean;
  abilities: { edit: boolean; delete: boolean; react: boolean; report: boolean; moderate: boolean; markAnswer: boolean };
};

/** A thread with every post, each shown as the viewer may see it. Not found if the viewer may not read it. */
export function getThreadPage(viewer: MaybeViewer, threadId: string, locale: Locale) {
  const db = getDb();
  const { row, facts } = loadThread(db, threadId);
  assertCan(viewer, 'thread.read', facts);
  const postRows = db.select().from(posts).where(eq(posts.threadId, row.id)).orderBy(asc(posts.createdAt)).all();
  const names = namesOf([row.authorId, ...postRows.map((post) => post.authorId)]);
  const reactionRows = postRows.length ? db.select().from(postReactions).where(inArray(postReactions.postId, postRows.map((post) => post.id))).all() : [];
  const canMarkAnswer =
    row.kind === 'question' && row.subjectType === 'case_study' && viewer !== null && can(viewer, 'question.markAnswer', loadSubject(db, 'case_study', row.subjectId).caseStudy!.facts);
  const readable = new Map<string, { text: string; authorName: string | null }>();
  const views: PostView[] = postRows.map((post) => {
    const ability = abilitiesFor(viewer, ['post.readText', 'post.edit', 'post.delete', 'post.react', 'post.report', 'post.moderate'], postFacts(facts, post));
    const authorName = post.authorId ? (names.get(post.authorId) ?? null) : null;
    if (ability['post.readText']) readable.set(post.id, { text: post.plainText, authorName });
    const reactions = Object.fromEntries(reactionKinds.map((kind) => [kind, reactionRows.filter((reaction) => reaction.postId === post.id && reaction.kind === kind).length])) as Record<ReactionKind, number>;
    return {
      id: post.id,
      authorId: post.authorId,
      authorName,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      version: post.version,
      state: post.deletedAt ? 'deleted' : post.hiddenAt ? 'hidden' : 'visible',
      hiddenReason: post.hiddenAt && ability['post.readText'] ? (post.hiddenReason ?? null) : null,
      html: ability['post.readText'] ? renderRichText(post.body as RichTextJson, 'post') : null,
      body: ability['post.edit'] ? (post.body as RichTextJson) : null,
      replyTo: null,
      quoted: null,
      reactions,
      myReactions: viewer ? reactionRows.filter((reaction) => reaction.postId === post.id && reaction.userId === viewer.userId).map((reaction) => reaction.kind) : [],
      isAnswer: row.answerPostId === post.id,
      abilities: {
        edit: ability['post.edit'],
        delete: ability['post.delete'],
        react: ability['post.react'],
        report: ability['post.report'],
        moderate: ability['post.moderate'],
        // The question itself (the first post) is not its own answer.
        markAnswer: canMarkAnswer && post.id !== postRows[0]?.id && !post.deletedAt && !post.hiddenAt && row.answerPostId !== post.id,
      },
    };
  });
  // Replies and quotes show a line of what they point to, only if the viewer may read that post's text.
  const reference = (id: string | null) => {
    if (!id) return null;
    const target = readable.get(id);
    return { id, authorName: target?.authorName ?? null, excerpt: target ? excerpt(target.text, 200) : '' };
  };
  postRows.forEach((post, index) => {
    views[index]!.replyTo = reference(post.replyToId);
    views[index]!.quoted = reference(post.quotedPostId);
  });
  const isFollowing = viewer
    ? !!db.select({ userId: follows.userId }).from(follows).where(and(eq(follows.userId, viewer.userId), eq(follows.subjectType, 'thread'), eq(follows.subjectId, row.id))).get()
    : false;
  return {
    thread: {
      id: row.id,
      title: row.title,
      kind: row.kind,
      visibility: row.visibility,
      isLocked: row.lockedAt !== null,
      isAnswered: row.answeredAt !== null,
      answerPostId: row.answerPostId,
      subject: subjectOf(viewer, row, locale),
      starterName: row.authorId ? (names.get(row.authorId) ?? null) : null,
      createdAt: row.createdAt,
    },
    posts: views,
    isFollowing,
    abilities: abilitiesFor(viewer, ['thread.reply', 'thread.follow', 'thread.lock'], facts),
  };
}

/** The visibilities offered when starting a thread on a subject (the first is the default). */
export function threadVisibilityOptions(viewer: MaybeViewer, subjectType: ThreadSubjectType, subjectId: string | null, kind: 'discussion' | 'question') {
  const subject = loadSubject(getDb(), subjectType, subjectId);
  const allowed = kind === 'question' ? subject.caseStudy !== undefined && can(viewer, 'question.ask', subject.caseStudy.facts) : can(viewer, 'thread.start', subject);
  return { allowed, choices: allowed ? threadVisibilityChoices(subject, kind) : [], subjectVisibility: subject.visibility };
}

export type AnsweredQuestion = { threadId: string; title: string; askedBy: string | null; questionHtml: string; answerHtml: string; answeredBy: string | null; answeredAt: Date };

/** A case study's questions and answers: answered questions the viewer may read, newest answer first. */
export function listAnsweredQuestions(viewer: MaybeViewer, caseStudyId: string): AnsweredQuestion[] {
  const db = getDb();
  const rows = db
    .select()
    .from(threads)
    .where(and(readableWhere(viewer, threadColumns), eq(threads.subjectType, 'case_study'), eq(threads.subjectId, caseStudyId), eq(threads.kind, 'question'), isNotNull(threads.answerPostId)))
    .orderBy(desc(threads.answeredAt))
    .all();
  if (!rows.length) return [];
  const facts = factsOfThreads(db, rows);
  const answerIds = rows.map((row) => row.answerPostId!);
  const postRows = db.select().from(posts).where(inArray(posts.threadId, rows.map((row) => row.id))).orderBy(asc(posts.createdAt)).all();
  const names = namesOf(postRows.map((post) => post.authorId));
  return rows.flatMap((row) => {
    const question = postRows.find((post) => post.threadId === row.id);
    const answer = postRows.find((post) => post.id === row.answerPostId);
    const threadFacts = facts.get(row.id)!;
    if (!question || !answer || !answerIds.includes(answer.id)) return [];
    if (!can(viewer, 'post.readText', postFacts(threadFacts, question)) || !can(viewer, 'post.readText', postFacts(threadFacts, answer))) return [];
    return [
      {
        threadId: row.id,
        title: row.title,
        askedBy: question.authorId ? (names.get(question.authorId) ?? null) : null,
        questionHtml: renderRichText(question.body as RichTextJson, 'post'),
        answerHtml: renderRichText(answer.body as RichTextJson, 'post'),
        answeredBy: answer.authorId ? (names.get(answer.authorId) ?? null) : null,
        answeredAt: row.answeredAt!,
      },
    ];
  });
}

/** An organisation's questions still waiting for an answer, oldest first, for its members. */
export function listUnansweredQuestions(viewer: MaybeViewer, organisationId: string) {
  assertCan(viewer, 'question.listForOrganisation', { organisationId });
  const rows = getDb()
    .select({ thread: threads, caseStudyTitle: caseStudies.title })
    .from(threads)
    .innerJoin(caseStudies, and(eq(threads.subjectType, 'case_study'), eq(caseStudies.id, threads.subjectId)))
    .where(and(readableWhere(viewer, threadColumns), eq(threads.kind, 'question'), isNull(threads.answeredAt), eq(caseStudies.organisationId, organisationId)))
    .orderBy(asc(threads.createdAt))
    .all();
  const names = namesOf(rows.map((row) => row.thread.authorId));
  return rows.map(({ thread, caseStudyTitle }) => ({
    id: thread.id,
    title: thread.title,
    caseStudyId: thread.subjectId!,
    caseStudyTitle,
    askedBy: thread.authorId ? (names.get(thread.authorId) ?? null) : null,
    askedAt: thread.createdAt,
    postCount: thread.postCount,
  }));
}

/**
 * The moderators' queue: posts with open reports, the reasons and how many members reported them.
 * A moderator acts on what they may read; reports on content they may not read are counted, not shown.
 */
export function listModerationQueue(viewer: MaybeViewer) {
  assertCan(viewer, 'moderation.queue', null);
  const db = getDb();
  const open = db.select().from(reports).where(isNull(reports.resolvedAt)).orderBy(asc(reports.createdAt)).all();
  const postIds = [...new Set(open.map((report) => report.postId))];
  const postRows = postIds.length ? db.select().from(posts).where(inArray(posts.id, postIds)).all() : [];
  const threadRows = postRows.length ? db.select().from(threads).where(inArray(threads.id, [...new Set(postRows.map((post) => post.threadId))])).all() : [];
  const threadFacts = factsOfThreads(db, threadRows);
  const names = namesOf([...postRows.map((post) => post.authorId), ...open.map((report) => report.reporterId)]);
  let unreadable = 0;
  const items = postRows.flatMap((post) => {
    const thread = threadRows.find((candidate) => candidate.id === post.threadId)!;
    const facts = postFacts(threadFacts.get(thread.id)!, post);
    if (!can(viewer, 'post.moderate', facts)) {
      unreadable += open.filter((report) => report.postId === post.id).length;
      return [];
    }
    const postReports = open.filter((report) => report.postId === post.id);
    return [
      {
        postId: post.id,
        threadId: thread.id,
        threadTitle: thread.title,
        authorName: post.authorId ? (names.get(post.authorId) ?? null) : null,
        html: post.deletedAt ? null : renderRichText(post.body as RichTextJson, 'post'),
        isHidden: post.hiddenAt !== null,
        reports: postReports.map((report) => ({ id: report.id, reason: report.reason, note: report.note, reporterName: report.reporterId ? (names.get(report.reporterId) ?? null) : null, createdAt: report.createdAt })),
      },
    ];
  });
  return { items, unreadable };
}

/**
 * Members an @-mention may name: signed-in, active, matching the typed pseudonym, and (in a thread) able
 * to read it, so a mention never tells someone about a conversation they may not see.
 */
export function mentionCandidates(
  viewer: Viewer,
  query: string,
  scope: { threadId?: string; subjectType?: ThreadSubjectType; subjectId?: string | null } = {},
): { id: string; label: string }[] {
  const threadId = scope.threadId;
  const text = query.trim().slice(0, 40);
  if (!text) return [];
  const db = getDb();
  // Typing letters must not list members who chose to stay out of the directory: only those in it, those
  // who share an organisation with the viewer, and those who already posted in this thread.
  const organisationIds = Object.keys(viewer.organisationRoles);
  const knowable = or(
    eq(users.isInDirectory, true),
    organisationIds.length ? sql`exists (select 1 from memberships m where m.user_id = ${users.id} and m.organisation_id in (${sql.join(organisationIds.map((id) => sql`${id}`), sql`, `)}))` : undefined,
    threadId ? sql`exists (select 1 from posts p where p.author_id = ${users.id} and p.thread_id = ${threadId} and p.deleted_at is null)` : undefined,
  );
  const rows = db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.isDisabled, false), knowable, like(users.displayName, `${text.replace(/[%_\\]/g, (character) => `\\${character}`)}%`), sql`${users.id} <> ${viewer.userId}`))
    .orderBy(asc(users.displayName))
    .limit(20)
    .all();
  // In a thread: who may read it. Starting one: who may read what it will be about (its widest audience).
  let mayRead: ((candidate: Viewer) => boolean) | null = null;
  if (threadId) {
    const { facts } = loadThread(db, threadId);
    assertCan(viewer, 'thread.read', facts);
    mayRead = (candidate) => can(candidate, 'thread.read', facts);
  } else if (scope.subjectType) {
    const subject = loadSubject(db, scope.subjectType, scope.subjectId);
    assertCan(viewer, 'thread.start', subject);
    mayRead = (candidate) => can(candidate, 'content.read', subject);
  }
  if (!mayRead) return rows.slice(0, 8).map((row) => ({ id: row.id, label: row.displayName }));
  const viewers = loadViewers(rows.map((row) => row.id));
  return rows.filter((row) => viewers.get(row.id) && mayRead(viewers.get(row.id)!)).slice(0, 8).map((row) => ({ id: row.id, label: row.displayName }));
}

export function getFollowState(viewer: MaybeViewer, subjectType: 'thread' | 'case_study' | 'event', subjectId: string): boolean {
  if (!viewer) return false;
  return !!getDb().select({ userId: follows.userId }).from(follows).where(and(eq(follows.userId, viewer.userId), eq(follows.subjectType, subjectType), eq(follows.subjectId, subjectId))).get();
}
