import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { ThreadSubjectType } from '@/db/schema/conversations';
import { events } from '@/db/schema/events';
import { AppError, isAppError } from '@/lib/errors';
import { assertCan, can } from '@/lib/policy/rules';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { toPlainText, type RichTextJson } from '@/lib/rich-text/plain-text';
import { loadPost, loadSubject } from './load';

/** The fixed lists the interface offers (reactions, report reasons), for pages that may not import db/. */
export { reactionKinds, reportReasons } from '@/db/schema/conversations';

export type SubjectHeading = { type: ThreadSubjectType; title: string | null; href: string; language: string | null };

/** What a new thread would be about, as a title and a link, for the start form. Not found if unreadable. */
export function getSubjectHeading(viewer: MaybeViewer, subjectType: ThreadSubjectType, subjectId: string | null, locale: Locale): SubjectHeading {
  const db = getDb();
  if (subjectType === 'case_study') {
    const subject = loadSubject(db, 'case_study', subjectId);
    assertCan(viewer, 'caseStudy.read', subject.caseStudy!.facts);
    return { type: subjectType, title: subject.caseStudy!.row.title, href: `/case-studies/${subject.subjectId}`, language: subject.caseStudy!.row.language };
  }
  if (subjectType === 'event') {
    const event = subjectId ? db.select({ id: events.id, slug: events.slug, visibility: events.visibility, titleEn: events.titleEn, titleFr: events.titleFr }).from(events).where(eq(events.id, subjectId)).get() : undefined;
    if (!event) throw new AppError('not_found');
    assertCan(viewer, 'event.read', event);
    return { type: subjectType, title: locale === 'fr' ? event.titleFr : event.titleEn, href: `/events/${event.slug}`, language: null };
  }
  if (subjectType === 'network') return { type: subjectType, title: null, href: '/discussions', language: null };
  throw new AppError('not_found');
}

/**
 * A short plain-text excerpt of a post in a thread, for the reply form's "replying to" and "quoting"
 * lines. Null when the post is not in that thread or the viewer may not read its text (deleted, hidden).
 */
export function getPostExcerpt(viewer: MaybeViewer, threadId: string, postId: string, length = 280): string | null {
  try {
    const { row, facts } = loadPost(getDb(), postId, threadId);
    if (!can(viewer, 'post.readText', facts)) return null;
    return row.plainText.length > length ? `${row.plainText.slice(0, length - 1).trimEnd()}…` : row.plainText;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * A post as text for the plain textarea (JavaScript off): blocks separated by an empty line, which is
 * how the server splits the textarea back into paragraphs (postBodyOf). Formatting is not kept.
 */
export function editableTextOf(body: RichTextJson | null): string {
  return (body?.content ?? [])
    .map((block) => toPlainText(block).trim())
    .filter(Boolean)
    .join('\n\n');
}
