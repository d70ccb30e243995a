import { inArray } from 'drizzle-orm';
import type { MultiSearchQuery } from 'meilisearch';
import type { Db } from '@/db/client';
import { caseStudies, caseStudyAuthors, type SectionKey } from '@/db/schema/case-studies';
import { threads } from '@/db/schema/conversations';
import { organisations } from '@/db/schema/organisations';
import { caseStudyFacts } from '@/lib/case-studies/facts';
import { factsOfThreads } from '@/lib/conversations/load';
import { readableThemeIds } from './theme-documents';
import { can } from '@/lib/policy/rules';
import { readableFilter } from '@/lib/policy/scopes';
import type { MaybeViewer } from '@/lib/policy/types';
import type { DocumentType, SearchDocument } from './documents';
import { filterFacets, type FilterFacet, type SearchParams } from './params';
import { anonymousSearchAttributes, type FacetName } from './settings';
import type { SearchTarget } from './target';

export const pageSize = 10;

// Highlight markers no text contains; the page splits on them and React escapes every part.
const markStart = '\u0002';
const markEnd = '\u0003';

/** Text with the matched words marked, as parts: rendering never needs raw HTML. */
export type MarkedText = { text: string; marked: boolean }[];

export type SearchHit = {
  id: string;
  type: DocumentType;
  sourceId: string;
  path: string;
  title: MarkedText;
  organisationName: string;
  /** Where the excerpt comes from: a section, the summary, a thread's posts, or nothing matched in the body. */
  excerptFrom: SectionKey | 'summary' | 'posts' | null;
  excerpt: MarkedText;
  countries: string[];
  populations: string[];
  language: string | null;
  eventId: string | null;
  date: number;
};

export type FacetCounts = Record<FacetName, Record<string, number>>;

export type SearchResult = { hits: SearchHit[]; total: number; page: number; totalPages: number; facets: FacetCounts };

export function splitMarks(formatted: string): MarkedText {
  const parts: MarkedText = [];
  for (const piece of formatted.split(markStart)) {
    const [marked, rest] = piece.includes(markEnd) ? piece.split(markEnd, 2) : [null, piece];
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest.replaceAll(markEnd, ''), marked: false });
  }
  return parts;
}

const field = (name: string, values: readonly string[]) => `${name} IN [${values.map((value) => JSON.stringify(value)).join(', ')}]`;

/** The viewer's read filter and the chosen facets, leaving one facet group out (for its own counts). */
function filterFor(viewer: MaybeViewer, params: SearchParams, leaveOut?: FacetName): string[] {
  const filters = [`(${readableFilter(viewer)})`];
  if (params.type !== 'all' && leaveOut !== 'type') filters.push(field('type', [params.type]));
  for (const name of filterFacets) if (name !== leaveOut && params[name].length) filters.push(field(name, params[name]));
  return filters;
}

const excerptOrder = ['summary', 'sections.lessons', 'sections.problem', 'sections.context', 'sections.key_elements', 'sections.outcomes', 'postsText'] as const;

function toHit(signedIn: boolean, document: SearchDocument & { _formatted?: Partial<Record<string, unknown>>; _matchesPosition?: Record<string, unknown> }): SearchHit {
  const formatted = (document._formatted ?? {}) as { title?: string; summary?: string; postsText?: string; sections?: Partial<Record<SectionKey, string>> };
  const textOf = (path: (typeof excerptOrder)[number]) =>
    (path === 'summary' ? formatted.summary : path === 'postsText' ? formatted.postsText : formatted.sections?.[path.slice('sections.'.length) as SectionKey]) ?? '';
  const matched = Object.keys(document._matchesPosition ?? {});
  // The first body field that matched, else the first that has text (a title-only match or no query).
  const path = excerptOrder.find((candidate) => matched.includes(candidate)) ?? excerptOrder.find((candidate) => textOf(candidate).trim());
  return {
    id: document.id,
    type: document.type,
    sourceId: document.sourceId,
    path: document.path,
    title: splitMarks(formatted.title ?? document.title),
    organisationName: document.organisationName || (signedIn ? document.memberOrganisationName : ''),
    excerptFrom: !path ? null : path === 'summary' || path === 'postsText' ? (document.type === 'thread' ? 'posts' : 'summary') : (path.slice('sections.'.length) as SectionKey),
    excerpt: path ? splitMarks(textOf(path)) : [],
    countries: document.countries,
    populations: document.populations,
    language: document.language,
    eventId: document.eventId,
    date: document.date,
  };
}

/**
 * Re-checks hits against SQLite and the policy: the index may lag a write by a moment (an unpublished or
 * narrowed item), and a result the viewer may not read must never be shown, even then.
 */
function readableNow(db: Db, viewer: MaybeViewer, hits: SearchDocument[]): Set<string> {
  const caseStudyIds = hits.filter((hit) => hit.type === 'case_study' || hit.type === 'lesson').map((hit) => hit.sourceId);
  const threadIds = hits.filter((hit) => hit.type === 'thread').map((hit) => hit.sourceId);
  const themeIds = hits.filter((hit) => hit.type === 'theme').map((hit) => hit.sourceId);
  const organisationIds = hits.filter((hit) => hit.type === 'organisation').map((hit) => hit.sourceId);
  const readable = new Set<string>(readableThemeIds(db, viewer, themeIds));
  if (caseStudyIds.length) {
    const authors = db.select().from(caseStudyAuthors).where(inArray(caseStudyAuthors.caseStudyId, caseStudyIds)).all();
    for (const row of db.select().from(caseStudies).where(inArray(caseStudies.id, caseStudyIds)).all()) {
      const facts = caseStudyFacts(row, authors.filter((author) => author.caseStudyId === row.id).map((author) => author.userId));
      // Search shows published work only, even to those who may read a draft.
      if (facts.isPublished && can(viewer, 'caseStudy.read', facts)) readable.add(row.id);
    }
  }
  if (threadIds.length) {
    const rows = db.select().from(threads).where(inArray(threads.id, threadIds)).all();
    for (const [id, facts] of factsOfThreads(db, rows)) if (facts.isPublished && can(viewer, 'thread.read', facts)) readable.add(id);
  }
  if (organisationIds.length) {
    for (const row of db.select({ id: organisations.id, visibility: organisations.visibility }).from(organisations).where(inArray(organisations.id, organisationIds)).all()) {
      if (can(viewer, 'organisation.read', row)) readable.add(row.id);
    }
  }
  return readable;
}

/**
 * One search for one viewer: the policy's filter is part of every query sent (results, totals and every
 * facet count), the browser never talks to Meilisearch, and hits are re-checked before they are returned.
 * Facets are disjunctive: a chosen group counts as if it were not chosen, so its other values stay visible.
 */
export async function searchContent({ db, target, viewer, params }: { db: Db; target: SearchTarget; viewer: MaybeViewer; params: SearchParams }): Promise<SearchResult> {
  const chosen = (['type', ...filterFacets] as FacetName[]).filter((name) => (name === 'type' ? params.type !== 'all' : params[name as FilterFacet].length > 0));
  const main: MultiSearchQuery = {
    indexUid: target.indexUid,
    q: params.q,
    filter: filterFor(viewer, params),
    facets: (['type', ...filterFacets] as FacetName[]).filter((name) => !chosen.includes(name)),
    hitsPerPage: pageSize,
    page: params.page,
    // With no words there is no relevance to rank by: browsing lists the newest first.
    sort: params.sort === 'date' || !params.q ? ['date:desc'] : undefined,
    attributesToHighlight: ['title', 'summary', 'sections', 'postsText'],
    attributesToCrop: ['summary', 'sections', 'postsText'],
    cropLength: 36,
    cropMarker: '…',
    highlightPreTag: markStart,
    highlightPostTag: markEnd,
    showMatchesPosition: true,
    // Visitors never search on (or learn) the names of members-only organisations.
    attributesToSearchOn: viewer ? undefined : anonymousSearchAttributes,
  };
  const perFacet: MultiSearchQuery[] = chosen.map((name) => ({
    indexUid: target.indexUid,
    q: params.q,
    filter: filterFor(viewer, params, name),
    facets: [name],
    hitsPerPage: 0,
    page: 1,
    attributesToSearchOn: main.attributesToSearchOn,
  }));
  const { results } = await target.client.multiSearch({ queries: [main, ...perFacet] });
  const [first, ...others] = results;
  if (!first) throw new Error('Meilisearch returned no result for the main query');
  const facets = Object.fromEntries((['type', ...filterFacets] as FacetName[]).map((name) => [name, {}])) as FacetCounts;
  Object.assign(facets, first.facetDistribution ?? {});
  chosen.forEach((name, position) => Object.assign(facets, { [name]: others[position]?.facetDistribution?.[name] ?? {} }));

  const documents = first.hits as unknown as (SearchDocument & { _formatted?: Record<string, unknown> })[];
  const readable = readableNow(db, viewer, documents);
  const shown = documents.filter((document) => readable.has(document.sourceId));
  // A hit dropped by the re-check (the index lagging a write) is not counted either.
  const total = Math.max(0, (first.totalHits ?? 0) - (documents.length - shown.length));
  return {
    hits: shown.map((document) => toHit(viewer !== null, document)),
    total,
    page: params.page,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    facets,
  };
}
