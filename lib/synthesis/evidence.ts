import 'server-only';
import { excerpt } from '@/lib/format';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { caseStudies, caseStudyAuthors, caseStudyCountries, caseStudyPopulations, caseStudySections, type SectionKey } from '@/db/schema/case-studies';
import { posts, threads } from '@/db/schema/conversations';
import { events, eventSessions } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { sessionCaseStudies, themeEvidence } from '@/db/schema/synthesis';
import { countries, keyPopulations } from '@/db/schema/taxonomy';
import { caseStudyFacts } from '@/lib/case-studies/facts';
import { factsOfThreads, postFacts } from '@/lib/conversations/load';
import { can } from '@/lib/policy/rules';
import type { Locale, MaybeViewer } from '@/lib/policy/types';

// Evidence as one viewer may see it. Every piece keeps its own visibility: a link to something the viewer
// may not read is dropped here, before anything is shown, counted or put in a deck. Batched: a handful of
// queries per page, whatever the number of links.

type Reader = Db;
export type EvidenceLink = typeof themeEvidence.$inferSelect;

export type OrganisationName = { name: string; slug: string };

export type ReadableCaseStudy = {
  id: string;
  title: string;
  summary: string;
  language: 'en' | 'fr';
  eventId: string | null;
  /** Named only when the viewer may read the organisation (a members-only one stays unnamed for visitors). */
  organisation: OrganisationName | null;
  countries: string[];
  populations: string[];
  isPublished: boolean;
  publishedAt: Date | null;
};

export type ReadableEvidence =
  | { type: 'case_study'; link: EvidenceLink; caseStudy: ReadableCaseStudy; sectionText: string }
  | { type: 'thread'; link: EvidenceLink; thread: { id: string; title: string; eventId: string | null }; text: string }
  | { type: 'post'; link: EvidenceLink; thread: { id: string; title: string; eventId: string | null }; text: string; authorName: string | null };

/** One line of text (whitespace collapsed), cut at a word boundary: lib/format.ts excerpt. */
export function excerptOf(text: string, length: number): string {
  return excerpt(text.replace(/\s+/g, ' ').trim(), length);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * Case studies the viewer may read, with the organisation named per the organisation's own listing rule,
 * countries and key populations. Ids the viewer may not read are simply absent from the map.
 */
export function readableCaseStudies(db: Reader, viewer: MaybeViewer, ids: readonly string[]): Map<string, ReadableCaseStudy> {
  const unique = [...new Set(ids)];
  const result = new Map<string, ReadableCaseStudy>();
  if (!unique.length) return result;
  const rows = db
    .select({ caseStudy: caseStudies, organisation: { id: organisations.id, name: organisations.name, slug: organisations.slug, visibility: organisations.visibility } })
    .from(caseStudies)
    .innerJoin(organisations, eq(organisations.id, caseStudies.organisationId))
    .where(inArray(caseStudies.id, unique))
    .all();
  const authors = groupBy(db.select().from(caseStudyAuthors).where(inArray(caseStudyAuthors.caseStudyId, unique)).all(), (row) => row.caseStudyId);
  const readable = rows.filter((row) => can(viewer, 'caseStudy.read', caseStudyFacts(row.caseStudy, (authors.get(row.caseStudy.id) ?? []).map((author) => author.userId))));
  if (!readable.length) return result;
  const readableIds = readable.map((row) => row.caseStudy.id);
  const countryRows = groupBy(db.select().from(caseStudyCountries).where(inArray(caseStudyCountries.caseStudyId, readableIds)).all(), (row) => row.caseStudyId);
  const populationRows = groupBy(db.select().from(caseStudyPopulations).where(inArray(caseStudyPopulations.caseStudyId, readableIds)).all(), (row) => row.caseStudyId);
  for (const { caseStudy, organisation } of readable) {
    const facts = caseStudyFacts(caseStudy, (authors.get(caseStudy.id) ?? []).map((author) => author.userId));
    result.set(caseStudy.id, {
      id: caseStudy.id,
      title: caseStudy.title,
      summary: caseStudy.summary,
      language: caseStudy.language,
      eventId: caseStudy.eventId,
      organisation: can(viewer, 'organisation.read', organisation) ? { name: organisation.name, slug: organisation.slug } : null,
      countries: (countryRows.get(caseStudy.id) ?? []).map((row) => row.countryCode).sort(),
      populations: (populationRows.get(caseStudy.id) ?? []).map((row) => row.populationKey).sort(),
      isPublished: facts.isPublished,
      publishedAt: caseStudy.publishedAt,
    });
  }
  return result;
}

/** Plain text of some sections of some case studies, keyed `<id>:<section>`. */
export function sectionTexts(db: Reader, pairs: readonly { caseStudyId: string; key: SectionKey }[]): Map<string, string> {
  const ids = [...new Set(pairs.map((pair) => pair.caseStudyId))];
  const keys = [...new Set(pairs.map((pair) => pair.key))];
  if (!ids.length) return new Map();
  const rows = db
    .select({ caseStudyId: caseStudySections.caseStudyId, key: caseStudySections.key, plainText: caseStudySections.plainText })
    .from(caseStudySections)
    .where(and(inArray(caseStudySections.caseStudyId, ids), inArray(caseStudySections.key, keys)))
    .all();
  return new Map(rows.map((row) => [`${row.caseStudyId}:${row.key}`, row.plainText]));
}

/** The links (of one theme or many) the viewer may read, with what each points to. Order is kept. */
export function readableEvidence(db: Reader, viewer: MaybeViewer, links: readonly EvidenceLink[]): ReadableEvidence[] {
  const caseStudyMap = readableCaseStudies(db, viewer, links.filter((link) => link.targetType === 'case_study' && link.caseStudyId).map((link) => link.caseStudyId!));
  const sections = sectionTexts(
    db,
    links.filter((link) => link.targetType === 'case_study' && link.sectionKey && caseStudyMap.has(link.caseStudyId!)).map((link) => ({ caseStudyId: link.caseStudyId!, key: link.sectionKey! })),
  );

  const threadIds = [...new Set(links.filter((link) => link.targetType !== 'case_study' && link.threadId).map((link) => link.threadId!))];
  const threadRows = threadIds.length ? db.select().from(threads).where(inArray(threads.id, threadIds)).all() : [];
  const threadFacts = factsOfThreads(db, threadRows);
  const threadById = new Map(threadRows.map((row) => [row.id, row]));
  const postIds = links.filter((link) => link.targetType === 'post' && link.postId).map((link) => link.postId!);
  const firstPostOf = new Map<string, typeof posts.$inferSelect>();
  const taggedThreadIds = links.filter((link) => link.targetType === 'thread' && link.threadId).map((link) => link.threadId!);
  if (taggedThreadIds.length) {
    for (const post of db.select().from(posts).where(inArray(posts.threadId, taggedThreadIds)).orderBy(asc(posts.createdAt)).all()) {
      if (!firstPostOf.has(post.threadId)) firstPostOf.set(post.threadId, post);
    }
  }
  const postById = new Map((postIds.length ? db.select().from(posts).where(inArray(posts.id, postIds)).all() : []).map((row) => [row.id, row]));
  const authorIds = [...new Set([...postById.values()].map((post) => post.authorId).filter((id): id is string => !!id))];
  const authorNames = new Map((authorIds.length ? db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, authorIds)).all() : []).map((row) => [row.id, row.displayName]));

  const result: ReadableEvidence[] = [];
  for (const link of links) {
    if (link.targetType === 'case_study') {
      const caseStudy = link.caseStudyId ? caseStudyMap.get(link.caseStudyId) : undefined;
      if (!caseStudy) continue;
      result.push({ type: 'case_study', link, caseStudy, sectionText: link.sectionKey ? (sections.get(`${caseStudy.id}:${link.sectionKey}`) ?? '') : '' });
      continue;
    }
    const thread = link.threadId ? threadById.get(link.threadId) : undefined;
    const facts = thread ? threadFacts.get(thread.id) : undefined;
    if (!thread || !facts || !can(viewer, 'thread.read', facts)) continue;
    const threadView = { id: thread.id, title: thread.title, eventId: thread.eventId };
    if (link.targetType === 'thread') {
      // The opening post stands for the thread, if the viewer may read its text.
      const first = firstPostOf.get(thread.id);
      result.push({ type: 'thread', link, thread: threadView, text: first && can(viewer, 'post.readText', postFacts(facts, first)) && !first.hiddenAt ? first.plainText : '' });
      continue;
    }
    const post = link.postId ? postById.get(link.postId) : undefined;
    // Hidden posts are left out for everyone here, moderators included: evidence is what the group can cite.
    if (!post || post.hiddenAt || !can(viewer, 'post.readText', postFacts(facts, post))) continue;
    result.push({ type: 'post', link, thread: threadView, text: post.plainText, authorName: post.authorId ? (authorNames.get(post.authorId) ?? null) : null });
  }
  return result;
}

export type EventRef = { id: string; slug: string; title: string; startsOn: string };

/** Events by id, named only for viewers who may read them. */
export function readableEvents(db: Reader, viewer: MaybeViewer, ids: readonly (string | null)[], locale: Locale): Map<string, EventRef> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  return new Map(
    db
      .select()
      .from(events)
      .where(inArray(events.id, unique))
      .all()
      .filter((event) => can(viewer, 'event.read', event))
      .map((event) => [event.id, { id: event.id, slug: event.slug, title: locale === 'fr' ? event.titleFr : event.titleEn, startsOn: event.startsOn }]),
  );
}

/**
 * The session each piece of case-study evidence surfaced in: the one the tagger recorded, or else a
 * session of the programme the case study was presented in (preferring the theme's own event).
 */
export function sessionsOf(db: Reader, viewer: MaybeViewer, evidence: readonly ReadableEvidence[], themeEventId: string | null, locale: Locale): Map<string, { id: string; title: string; day: string }> {
  const recorded = evidence.map((item) => item.link.sessionId).filter((id): id is string => !!id);
  const caseStudyIds = [...new Set(evidence.filter((item) => item.type === 'case_study' && !item.link.sessionId).map((item) => item.link.caseStudyId!))];
  const presented = caseStudyIds.length ? db.select().from(sessionCaseStudies).where(inArray(sessionCaseStudies.caseStudyId, caseStudyIds)).all() : [];
  const sessionIds = [...new Set([...recorded, ...presented.map((row) => row.sessionId)])];
  if (!sessionIds.length) return new Map();
  const sessions = new Map(db.select().from(eventSessions).where(inArray(eventSessions.id, sessionIds)).all().map((row) => [row.id, row]));
  const visibleEvents = readableEvents(db, viewer, [...sessions.values()].map((session) => session.eventId), locale);
  const view = (id: string | null | undefined) => {
    const session = id ? sessions.get(id) : undefined;
    return session && visibleEvents.has(session.eventId) ? { id: session.id, title: locale === 'fr' ? session.titleFr : session.titleEn, day: session.day, eventId: session.eventId } : undefined;
  };
  const result = new Map<string, { id: string; title: string; day: string }>();
  for (const item of evidence) {
    let session = view(item.link.sessionId);
    if (!session && item.type === 'case_study') {
      const candidates = presented.filter((row) => row.caseStudyId === item.caseStudy.id).map((row) => view(row.sessionId)).filter((candidate) => candidate !== undefined);
      candidates.sort((a, b) => Number(b.eventId === themeEventId) - Number(a.eventId === themeEventId) || a.day.localeCompare(b.day));
      session = candidates[0];
    }
    if (session) result.set(item.link.id, { id: session.id, title: session.title, day: session.day });
  }
  return result;
}

/** Country and key-population labels in the reader's language. */
export function taxonomyLabels(db: Reader, locale: Locale) {
  const pick = (row: { labelEn: string; labelFr: string }) => (locale === 'fr' ? row.labelFr : row.labelEn);
  return {
    countries: new Map(db.select().from(countries).all().map((row) => [row.code, pick(row)])),
    populations: new Map(db.select().from(keyPopulations).orderBy(asc(keyPopulations.sortOrder)).all().map((row) => [row.key, pick(row)])),
  };
}

/** Pseudonyms of the people who tagged. */
export function taggerNames(db: Reader, links: readonly EvidenceLink[]): Map<string, string> {
  const ids = [...new Set(links.map((link) => link.taggedBy).filter((id): id is string => !!id))];
  return new Map((ids.length ? db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)).all() : []).map((row) => [row.id, row.displayName]));
}

/** Every evidence link of some themes, oldest first. */
export function linksOfThemes(db: Reader, themeIds: readonly string[]): EvidenceLink[] {
  if (!themeIds.length) return [];
  return db.select().from(themeEvidence).where(inArray(themeEvidence.themeId, [...themeIds])).orderBy(asc(themeEvidence.taggedAt), asc(themeEvidence.id)).all();
}
