import { sql } from 'drizzle-orm';
import { threads, type ThreadSubjectType, type threadVisibilities } from '@/db/schema/conversations';
import type { ContentColumns } from '@/lib/policy/scopes';
import type { ContentFacts, Visibility } from '@/lib/policy/types';

type ThreadVisibility = (typeof threadVisibilities)[number];

/** What a thread is about, as the read rule sees it (a case study's facts, an event's listing, the network). */
export type SubjectFacts = ContentFacts & { subjectType: ThreadSubjectType; subjectId: string | null };

/** A thread's read facts plus what its own rules need. */
export type ThreadFacts = ContentFacts & {
  threadId: string;
  kind: 'discussion' | 'question';
  subjectType: ThreadSubjectType;
  subjectId: string | null;
  isLocked: boolean;
  starterId: string | null;
};

export type PostFacts = ThreadFacts & { postAuthorId: string | null; isDeleted: boolean; isHidden: boolean };

/** The network as a subject: discussions among signed-in members unless a starter makes one public. */
export const networkSubject: SubjectFacts = {
  subjectType: 'network',
  subjectId: null,
  visibility: 'members',
  organisationId: null,
  eventId: null,
  authorIds: [],
  isPublished: true,
  isSubmitted: false,
};

/**
 * The visibilities a thread may take on a subject: the subject's own or a narrower one it can express
 * (its event, its organisation). Questions may also be private: the asker, the authors and the editors.
 * A subject nobody but its authors may read takes no threads.
 */
export function threadVisibilityChoices(subject: SubjectFacts, kind: 'discussion' | 'question'): ThreadVisibility[] {
  const narrower: Record<Visibility, ThreadVisibility[]> = {
    public: ['public', 'members', 'event', 'organisation'],
    members: ['members', 'event', 'organisation'],
    event: ['event'],
    organisation: ['organisation'],
    private: [],
  };
  const choices = narrower[subject.visibility].filter(
    (choice) => (choice !== 'event' || subject.eventId !== null) && (choice !== 'organisation' || subject.organisationId !== null),
  );
  // The network's own threads may be opened to everyone; other subjects never widen.
  if (subject.subjectType === 'network') choices.unshift('public');
  return kind === 'question' && choices.length ? [...choices, 'private'] : choices;
}

/** The effective facts stored on a thread: the subject's, narrowed by the starter's choice. */
export function effectiveThreadFacts(subject: SubjectFacts, narrowedTo: ThreadVisibility | null) {
  return {
    visibility: narrowedTo ?? subject.visibility,
    organisationId: subject.organisationId,
    eventId: subject.eventId,
    isPublished: subject.isPublished,
  };
}

/**
 * A thread row as policy facts. Authors are, for a thread on a case study, the case study's authors
 * (questions are addressed to them), plus the asker of a private question; the organisation's editors
 * read it through the organisation clause of the read rule.
 */
export function threadFacts(
  row: typeof threads.$inferSelect,
  subjectAuthorIds: readonly string[],
): ThreadFacts {
  return {
    threadId: row.id,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    isLocked: row.lockedAt !== null,
    starterId: row.authorId,
    visibility: row.visibility,
    organisationId: row.organisationId,
    eventId: row.eventId,
    // The starter counts as an author only of a private question: otherwise a starter who lost access to
    // the subject (a case study narrowed or unpublished) would keep reading the thread about it.
    authorIds: [...new Set([...(row.authorId && row.visibility === 'private' ? [row.authorId] : []), ...subjectAuthorIds])],
    isPublished: row.isPublished,
    isSubmitted: false,
  };
}

/** The same facts as SQL over the threads table, for readableWhere (lists, counts, notifications). */
export const threadColumns: ContentColumns = {
  visibility: threads.visibility,
  isPublished: threads.isPublished,
  isSubmitted: sql`0`,
  organisationId: threads.organisationId,
  eventId: threads.eventId,
  authoredBy: (userId) =>
    sql`((${threads.authorId} = ${userId} and ${threads.visibility} = 'private') or (${threads.subjectType} = 'case_study' and exists (select 1 from case_study_authors where case_study_authors.case_study_id = ${threads.subjectId} and case_study_authors.user_id = ${userId})))`,
};
