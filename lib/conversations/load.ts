import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseStudyAuthors } from '@/db/schema/case-studies';
import { posts, threads, type ThreadSubjectType } from '@/db/schema/conversations';
import { events } from '@/db/schema/events';
import { themes } from '@/db/schema/synthesis';
import { themeFacts } from '@/lib/synthesis/facts';
import { loadCaseStudy, type Tx } from '@/lib/case-studies/load';
import { AppError } from '@/lib/errors';
import { networkSubject, threadFacts, type PostFacts, type SubjectFacts, type ThreadFacts } from './facts';

type Reader = Tx | Db;

/** The subject a thread is (or would be) attached to, as policy facts. A missing one is not found. */
export function loadSubject(tx: Reader, subjectType: ThreadSubjectType, subjectId: string | null | undefined): SubjectFacts & { caseStudy?: ReturnType<typeof loadCaseStudy> } {
  switch (subjectType) {
    case 'network':
      return networkSubject;
    case 'event': {
      const event = subjectId ? tx.select({ id: events.id, visibility: events.visibility }).from(events).where(eq(events.id, subjectId)).get() : undefined;
      if (!event) throw new AppError('not_found');
      return { subjectType, subjectId: event.id, visibility: event.visibility, organisationId: null, eventId: event.id, authorIds: [], isPublished: true, isSubmitted: false };
    }
    case 'case_study': {
      if (!subjectId) throw new AppError('not_found');
      const caseStudy = loadCaseStudy(tx, subjectId);
      // Discussion happens on published work; drafts are discussed in review.
      return { ...caseStudy.facts, isSubmitted: false, subjectType, subjectId, caseStudy };
    }
    case 'theme': {
      // Discussions on a theme read like the theme, within its event.
      const theme = subjectId ? tx.select({ id: themes.id, visibility: themes.visibility, eventId: themes.eventId, mergedIntoId: themes.mergedIntoId }).from(themes).where(eq(themes.id, subjectId)).get() : undefined;
      if (!theme || theme.mergedIntoId) throw new AppError('not_found');
      return { ...themeFacts(theme), subjectType, subjectId: theme.id };
    }
  }
}

/** Authors of the case studies some threads are about, in one query. */
export function subjectAuthorsOf(tx: Reader, rows: (typeof threads.$inferSelect)[]): Map<string, string[]> {
  const caseStudyIds = [...new Set(rows.filter((row) => row.subjectType === 'case_study' && row.subjectId).map((row) => row.subjectId!))];
  const map = new Map<string, string[]>();
  if (!caseStudyIds.length) return map;
  for (const author of tx.select().from(caseStudyAuthors).where(inArray(caseStudyAuthors.caseStudyId, caseStudyIds)).all()) {
    map.set(author.caseStudyId, [...(map.get(author.caseStudyId) ?? []), author.userId]);
  }
  return map;
}

export function factsOfThreads(tx: Reader, rows: (typeof threads.$inferSelect)[]): Map<string, ThreadFacts> {
  const authors = subjectAuthorsOf(tx, rows);
  return new Map(rows.map((row) => [row.id, threadFacts(row, row.subjectType === 'case_study' && row.subjectId ? (authors.get(row.subjectId) ?? []) : [])]));
}

export function loadThread(tx: Reader, threadId: string) {
  const row = tx.select().from(threads).where(eq(threads.id, threadId)).get();
  if (!row) throw new AppError('not_found');
  return { row, facts: factsOfThreads(tx, [row]).get(row.id)! };
}

export function postFacts(thread: ThreadFacts, post: { authorId: string | null; deletedAt: Date | null; hiddenAt: Date | null }): PostFacts {
  return { ...thread, postAuthorId: post.authorId, isDeleted: post.deletedAt !== null, isHidden: post.hiddenAt !== null };
}

export function loadPost(tx: Reader, postId: string, threadId?: string) {
  const row = tx.select().from(posts).where(threadId ? and(eq(posts.id, postId), eq(posts.threadId, threadId)) : eq(posts.id, postId)).get();
  if (!row) throw new AppError('not_found');
  const thread = loadThread(tx, row.threadId);
  return { row, thread, facts: postFacts(thread.facts, row) };
}
