import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { caseStudies, caseStudyAuthors, caseStudyCountries, caseStudyPopulations, caseStudySections, caseStudyTopics, type SectionKey } from '@/db/schema/case-studies';
import { posts, threads } from '@/db/schema/conversations';
import { organisationPopulations, organisations } from '@/db/schema/organisations';
import { themeEvidence, themes } from '@/db/schema/synthesis';
import type { SearchEntityType } from '@/db/schema/search';
import { countries, keyPopulations, topics } from '@/db/schema/taxonomy';
import { caseStudyFacts } from '@/lib/case-studies/facts';
import { threadFacts } from '@/lib/conversations/facts';
import { publishedStatuses } from '@/lib/case-studies/workflow';
import type { ContentFacts } from '@/lib/policy/types';
import { themeDocuments } from './theme-documents';

/** What a search result is. Themes and threads join when they land (see db/schema/search.ts). */
export const documentTypes = ['case_study', 'lesson', 'theme', 'thread', 'organisation'] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * One search document. It carries the read rule's facts (lib/policy/audience.ts filters on them), the
 * facets people browse by, and the text. Labels of facets are not stored: pages read them from SQLite in
 * the reader's language, so renaming a country or an event never needs a reindex.
 */
export type SearchDocument = ContentFacts & {
  id: string;
  type: DocumentType;
  /** The case study or organisation the result stands for (lesson documents: their case study). */
  sourceId: string;
  /** Where the result opens, inside this site. */
  path: string;
  title: string;
  summary: string;
  /** The owning organisation's name when the organisation is listed publicly, else empty. */
  organisationName: string;
  /** The name of a members-only organisation: searched and shown for signed-in members only. */
  memberOrganisationName: string;
  /** Section texts of a case study; a lesson document has only `lessons`. */
  sections: Partial<Record<SectionKey, string>>;
  /** A thread's posts after the first (the first is its summary), deleted and hidden ones left out. Empty for others. */
  postsText: string;
  /** Taxonomy labels in both languages and free tags, so a query in either language matches them. */
  tags: string[];
  countries: string[];
  populations: string[];
  topics: string[];
  themes: string[];
  organisationType: string;
  language: string | null;
  year: number;
  /** Epoch ms: published (case studies) or created (organisations). */
  date: number;
};

/** Anything that reads: the database or a transaction (a rebuild reads one consistent snapshot). */
export type Reader = Pick<Db, 'select' | 'get'>;

export type EntityRef = { type: SearchEntityType; id: string };

/** Every document id an entity can have, so a rebuild can delete the ones it no longer produces. */
export function documentIdsOf(ref: EntityRef): string[] {
  switch (ref.type) {
    case 'case_study':
      return [`case_study-${ref.id}`, `lesson-${ref.id}`];
    case 'organisation':
      return [`organisation-${ref.id}`];
    case 'thread':
      return [`thread-${ref.id}`];
    case 'theme':
      return [`theme-${ref.id}`];
  }
}

const chunkSize = 500;
function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += chunkSize) result.push(values.slice(start, start + chunkSize));
  return result;
}

function groupBy<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(value(row));
    else map.set(key(row), [value(row)]);
  }
  return map;
}

type Labels = { countries: Map<string, string[]>; populations: Map<string, string[]>; topics: Map<string, string[]> };

function loadLabels(db: Reader): Labels {
  const pair = (row: { key: string; labelEn: string; labelFr: string }): [string, string[]] => [row.key, [row.labelEn, row.labelFr]];
  return {
    countries: new Map(db.select({ key: countries.code, labelEn: countries.labelEn, labelFr: countries.labelFr }).from(countries).all().map(pair)),
    populations: new Map(db.select({ key: keyPopulations.key, labelEn: keyPopulations.labelEn, labelFr: keyPopulations.labelFr }).from(keyPopulations).all().map(pair)),
    topics: new Map(db.select({ key: topics.key, labelEn: topics.labelEn, labelFr: topics.labelFr }).from(topics).all().map(pair)),
  };
}

const organisationNames = (name: string, visibility: 'public' | 'members') =>
  visibility === 'public' ? { organisationName: name, memberOrganisationName: '' } : { organisationName: '', memberOrganisationName: name };

// The highlight markers (query.ts) are control characters; stored text must not be able to fake them.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function withoutControlCharacters(document: SearchDocument): SearchDocument {
  const clean = (text: string) => text.replace(controlCharacters, '');
  return {
    ...document,
    title: clean(document.title),
    summary: clean(document.summary),
    organisationName: clean(document.organisationName),
    memberOrganisationName: clean(document.memberOrganisationName),
    sections: Object.fromEntries(Object.entries(document.sections).map(([key, text]) => [key, clean(text ?? '')])),
    postsText: clean(document.postsText),
    tags: document.tags.map(clean),
  };
}

const labelsOf = (map: Map<string, string[]>, keys: readonly string[]) => keys.flatMap((key) => map.get(key) ?? []);

/** Case studies' documents (`ids` undefined: all of them), in batched queries rather than one per row. */
function caseStudyDocuments(db: Reader, labels: Labels, ids?: readonly string[]): SearchDocument[] {
  const published = inArray(caseStudies.status, [...publishedStatuses]);
  const rows = db
    .select({ caseStudy: caseStudies, organisationName: organisations.name, organisationVisibility: organisations.visibility, organisationType: organisations.type })
    .from(caseStudies)
    .innerJoin(organisations, eq(organisations.id, caseStudies.organisationId))
    // Drafts and work in review are never indexed, for anyone.
    .where(ids ? and(published, inArray(caseStudies.id, [...ids])) : published)
    .all();
  if (!rows.length) return [];
  const rowIds = rows.map((row) => row.caseStudy.id);
  const related = <T extends { caseStudyId: string }>(load: (chunk: string[]) => T[]) => (ids ? chunks(rowIds).flatMap(load) : load(rowIds));
  // With no id list the child tables are read whole: one query each instead of a 10,000-item IN list.
  const where = (column: AnySQLiteColumn, chunk: string[]) => (ids ? inArray(column, chunk) : undefined);
  const sections = groupBy(
    related((chunk) => db.select({ caseStudyId: caseStudySections.caseStudyId, key: caseStudySections.key, text: caseStudySections.plainText }).from(caseStudySections).where(where(caseStudySections.caseStudyId, chunk)).all()),
    (row) => row.caseStudyId,
    (row) => [row.key, row.text] as const,
  );
  const authors = groupBy(related((chunk) => db.select().from(caseStudyAuthors).where(where(caseStudyAuthors.caseStudyId, chunk)).all()), (row) => row.caseStudyId, (row) => row.userId);
  const countryCodes = groupBy(related((chunk) => db.select().from(caseStudyCountries).where(where(caseStudyCountries.caseStudyId, chunk)).all()), (row) => row.caseStudyId, (row) => row.countryCode);
  const populationKeys = groupBy(related((chunk) => db.select().from(caseStudyPopulations).where(where(caseStudyPopulations.caseStudyId, chunk)).all()), (row) => row.caseStudyId, (row) => row.populationKey);
  // Themes the case study (or one of its sections) is evidence for: the search's theme facet.
  const themeIds = groupBy(
    related((chunk) =>
      db
        .select({ caseStudyId: sql<string>`${themeEvidence.caseStudyId}`, themeId: themeEvidence.themeId })
        .from(themeEvidence)
        .innerJoin(themes, and(eq(themes.id, themeEvidence.themeId), isNull(themes.mergedIntoId)))
        .where(ids ? inArray(themeEvidence.caseStudyId, chunk) : isNotNull(themeEvidence.caseStudyId))
        .all(),
    ),
    (row) => row.caseStudyId,
    (row) => row.themeId,
  );
  const topicRows = groupBy(related((chunk) => db.select().from(caseStudyTopics).where(where(caseStudyTopics.caseStudyId, chunk)).all()), (row) => row.caseStudyId, (row) => row);

  return rows.flatMap(({ caseStudy, organisationName, organisationVisibility, organisationType }) => {
    const facts = caseStudyFacts(caseStudy, authors.get(caseStudy.id) ?? []);
    const sectionTexts = Object.fromEntries(sections.get(caseStudy.id) ?? []) as Partial<Record<SectionKey, string>>;
    const caseTopics = topicRows.get(caseStudy.id) ?? [];
    const topicKeys = caseTopics.filter((topic) => !topic.isFreeTag).map((topic) => topic.topic);
    const caseCountries = countryCodes.get(caseStudy.id) ?? [];
    const casePopulations = populationKeys.get(caseStudy.id) ?? [];
    const date = (caseStudy.publishedAt ?? caseStudy.updatedAt).getTime();
    const shared = {
      ...facts,
      sourceId: caseStudy.id,
      title: caseStudy.title,
      // Being named as the author of work with criminalised groups is itself sensitive: a members-only
      // organisation's name is never searchable or shown to visitors (see query.ts).
      ...organisationNames(organisationName, organisationVisibility),
      tags: [
        ...labelsOf(labels.topics, topicKeys),
        ...caseTopics.filter((topic) => topic.isFreeTag).map((topic) => topic.topic),
        ...labelsOf(labels.populations, casePopulations),
        ...labelsOf(labels.countries, caseCountries),
      ],
      postsText: '',
      countries: caseCountries,
      populations: casePopulations,
      topics: topicKeys,
      themes: [...new Set(themeIds.get(caseStudy.id) ?? [])],
      organisationType,
      language: caseStudy.language,
      year: new Date(date).getUTCFullYear(),
      date,
    };
    const path = `/case-studies/${caseStudy.id}`;
    const documents: SearchDocument[] = [{ ...shared, id: `case_study-${caseStudy.id}`, type: 'case_study', path, summary: caseStudy.summary, sections: sectionTexts }];
    // Lessons learned stand as results of their own: "what did people learn about X" gets direct answers.
    if (sectionTexts.lessons?.trim()) documents.push({ ...shared, id: `lesson-${caseStudy.id}`, type: 'lesson', path: `${path}#section-lessons`, summary: '', sections: { lessons: sectionTexts.lessons } });
    return documents;
  });
}

function organisationDocuments(db: Reader, labels: Labels, ids?: readonly string[]): SearchDocument[] {
  const rows = ids ? chunks(ids).flatMap((chunk) => db.select().from(organisations).where(inArray(organisations.id, chunk)).all()) : db.select().from(organisations).all();
  if (!rows.length) return [];
  const populations = groupBy(
    ids
      ? chunks(rows.map((row) => row.id)).flatMap((chunk) => db.select().from(organisationPopulations).where(inArray(organisationPopulations.organisationId, chunk)).all())
      : db.select().from(organisationPopulations).all(),
    (row) => row.organisationId,
    (row) => row.populationKey,
  );
  return rows.map((row) => {
    const keys = populations.get(row.id) ?? [];
    return {
      id: `organisation-${row.id}`,
      type: 'organisation',
      sourceId: row.id,
      path: `/organisations/${row.slug}`,
      // Organisations are listings (public or members): the same facts the read rule uses for content.
      visibility: row.visibility,
      isPublished: true,
      isSubmitted: false,
      organisationId: row.id,
      eventId: null,
      authorIds: [],
      title: row.name,
      summary: row.description,
      ...organisationNames(row.name, row.visibility),
      sections: {},
      postsText: '',
      tags: [...labelsOf(labels.populations, keys), ...labelsOf(labels.countries, [row.countryCode])],
      countries: [row.countryCode],
      populations: keys,
      topics: [],
      themes: [],
      organisationType: row.type,
      language: null,
      year: row.createdAt.getUTCFullYear(),
      date: row.createdAt.getTime(),
    } satisfies SearchDocument;
  });
}

/** Long threads are indexed up to this many characters of posts: enough to find them, bounded for the index. */
const maxThreadText = 20_000;

function threadDocuments(db: Reader, ids?: readonly string[]): SearchDocument[] {
  const published = eq(threads.isPublished, true);
  const rows = ids ? chunks(ids).flatMap((chunk) => db.select().from(threads).where(and(published, inArray(threads.id, chunk))).all()) : db.select().from(threads).where(published).all();
  if (!rows.length) return [];
  const postRows = (ids ? chunks(rows.map((row) => row.id)).flatMap((chunk) => db.select().from(posts).where(inArray(posts.threadId, chunk)).all()) : db.select().from(posts).all())
    // What the search shows must be what a reader of the thread sees: no deleted or hidden text.
    .filter((post) => !post.deletedAt && !post.hiddenAt)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const postsByThread = groupBy(postRows, (post) => post.threadId, (post) => post.plainText);
  const caseStudyIds = [...new Set(rows.filter((row) => row.subjectType === 'case_study' && row.subjectId).map((row) => row.subjectId!))];
  const subjectAuthors = groupBy(
    caseStudyIds.length ? chunks(caseStudyIds).flatMap((chunk) => db.select().from(caseStudyAuthors).where(inArray(caseStudyAuthors.caseStudyId, chunk)).all()) : [],
    (row) => row.caseStudyId,
    (row) => row.userId,
  );
  return rows.map((row) => {
    const facts = threadFacts(row, row.subjectType === 'case_study' && row.subjectId ? (subjectAuthors.get(row.subjectId) ?? []) : []);
    const [first = '', ...rest] = postsByThread.get(row.id) ?? [];
    return {
      id: `thread-${row.id}`,
      type: 'thread',
      sourceId: row.id,
      path: `/threads/${row.id}`,
      visibility: facts.visibility,
      isPublished: facts.isPublished,
      isSubmitted: false,
      organisationId: facts.organisationId,
      eventId: facts.eventId,
      authorIds: facts.authorIds,
      title: row.title,
      summary: first,
      postsText: rest.join('\n\n').slice(0, maxThreadText),
      organisationName: '',
      memberOrganisationName: '',
      sections: {},
      tags: [],
      countries: [],
      populations: [],
      topics: [],
      themes: [],
      organisationType: '',
      language: null,
      year: row.lastPostAt.getUTCFullYear(),
      date: row.lastPostAt.getTime(),
    } satisfies SearchDocument;
  });
}

/**
 * The documents for some entities, read from SQLite as they are now, plus the ids of documents they no
 * longer have (a case study unpublished, a lessons section emptied) so the caller deletes those.
 */
export function buildDocuments(db: Reader, refs: readonly EntityRef[]): { upserts: SearchDocument[]; deleteIds: string[] } {
  const labels = loadLabels(db);
  const idsOf = (type: SearchEntityType) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const caseStudyIds = idsOf('case_study');
  const organisationIds = idsOf('organisation');
  const threadIds = idsOf('thread');
  const themeIdList = idsOf('theme');
  const upserts = [
    ...(caseStudyIds.length ? caseStudyDocuments(db, labels, caseStudyIds) : []),
    ...(organisationIds.length ? organisationDocuments(db, labels, organisationIds) : []),
    ...(threadIds.length ? threadDocuments(db, threadIds) : []),
    ...(themeIdList.length ? themeDocuments(db, themeIdList) : []),
  ];
  const kept = new Set(upserts.map((document) => document.id));
  return { upserts: upserts.map(withoutControlCharacters), deleteIds: [...new Set(refs.flatMap(documentIdsOf).filter((id) => !kept.has(id)))] };
}

/** Every document, for a rebuild. */
export function buildAllDocuments(db: Reader): SearchDocument[] {
  const labels = loadLabels(db);
  return [...caseStudyDocuments(db, labels), ...organisationDocuments(db, labels), ...threadDocuments(db), ...themeDocuments(db)].map(withoutControlCharacters);
}

/** How many documents buildAllDocuments would produce, by counting in SQL: a cheap drift check at start. */
export function expectedDocumentCount(db: Db): number {
  const published = sql.join(publishedStatuses.map((status) => sql`${status}`), sql`, `);
  // trim() with the whitespace JavaScript's trim() also removes, so both agree on an "empty" section.
  const row = db.get<{ total: number }>(sql`
    select
      (select count(*) from case_studies where status in (${published}))
      + (select count(*) from case_studies c join case_study_sections s on s.case_study_id = c.id
          where c.status in (${published}) and s.key = 'lessons' and trim(s.plain_text, ' ' || char(9, 10, 13)) <> '')
      + (select count(*) from organisations)
      + (select count(*) from threads where is_published = 1)
      + (select count(*) from themes where merged_into_id is null) as total`);
  return row?.total ?? 0;
}
