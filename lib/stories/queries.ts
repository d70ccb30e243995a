import 'server-only';
import { and, asc, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { caseStudies } from '@/db/schema/case-studies';
import { organisations } from '@/db/schema/organisations';
import { appliedStories, appliedStoryCaseStudies, appliedStoryThemes } from '@/db/schema/stories';
import { countries } from '@/db/schema/taxonomy';
import { caseStudyColumns } from '@/lib/case-studies/facts';
import { listPublishedCaseStudies } from '@/lib/case-studies/queries';
import { publishedStatuses } from '@/lib/case-studies/workflow';
import { AppError } from '@/lib/errors';
import { listPastEvents, listUpcomingEvents } from '@/lib/events/queries';
import { excerpt } from '@/lib/format';
import { abilitiesFor, assertCan, can } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { listThemesForEvent, readableThemeTitles } from '@/lib/synthesis/queries';
import { storyColumns, storyFacts } from './facts';

// Every list and count here is `readableWhere(viewer, storyColumns)`: the SQL form of `story.read`, so
// "applied by 4 organisations" never counts a story the reader could not open.

/** What a story list can be narrowed to: the case study or theme it applied, how, and where. */
export type StoryFilters = { caseStudyId?: string; themeId?: string; applicationWay?: string; countryCode?: string };
export type StoryTarget = { caseStudyId: string } | { themeId: string };

export const storyPageSize = 10;

const cardColumns = {
  id: appliedStories.id,
  title: appliedStories.title,
  body: appliedStories.body,
  applicationWays: appliedStories.applicationWays,
  visibility: appliedStories.visibility,
  createdAt: appliedStories.createdAt,
  updatedAt: appliedStories.updatedAt,
  authorId: appliedStories.authorId,
  organisationId: appliedStories.organisationId,
  countryCode: appliedStories.countryCode,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  organisationVisibility: organisations.visibility,
  countryLabelEn: countries.labelEn,
  countryLabelFr: countries.labelFr,
};

function selectCards() {
  return getDb()
    .select(cardColumns)
    .from(appliedStories)
    .leftJoin(organisations, eq(organisations.id, appliedStories.organisationId))
    .leftJoin(countries, eq(countries.code, appliedStories.countryCode));
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCards>['all']>>[number];

/**
 * The organisation that applied it, as far as the reader may know it: a members-only organisation is not
 * named to visitors (being listed beside work with criminalised groups is itself sensitive), as on case studies.
 */
function visibleOrganisation(viewer: MaybeViewer, row: Pick<CardRow, 'organisationId' | 'organisationName' | 'organisationSlug' | 'organisationVisibility'>) {
  if (!row.organisationId || !row.organisationName || !row.organisationSlug || !row.organisationVisibility) return null;
  return can(viewer, 'organisation.read', { id: row.organisationId, visibility: row.organisationVisibility }) ? { name: row.organisationName, slug: row.organisationSlug } : null;
}

function toCard(viewer: MaybeViewer, locale: Locale) {
  return (row: CardRow) => ({
    id: row.id,
    title: row.title,
    excerpt: excerpt(row.body.replace(/\s+/g, ' '), 280),
    applicationWays: row.applicationWays,
    visibility: row.visibility,
    createdAt: row.createdAt,
    organisation: visibleOrganisation(viewer, row),
    /** Written by a member for themself, not for an organisation. */
    isIndividual: row.organisationId === null,
    country: row.countryCode ? { code: row.countryCode, label: (locale === 'fr' ? row.countryLabelFr : row.countryLabelEn) ?? row.countryCode } : null,
  });
}
export type StoryCard = ReturnType<ReturnType<typeof toCard>>;

const linkedToCaseStudy = (caseStudyId: string) =>
  exists(getDb().select({ one: sql`1` }).from(appliedStoryCaseStudies).where(and(eq(appliedStoryCaseStudies.storyId, appliedStories.id), eq(appliedStoryCaseStudies.caseStudyId, caseStudyId))));
const linkedToTheme = (themeId: string) =>
  exists(getDb().select({ one: sql`1` }).from(appliedStoryThemes).where(and(eq(appliedStoryThemes.storyId, appliedStories.id), eq(appliedStoryThemes.themeId, themeId))));

function filterWhere(filters: StoryFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.caseStudyId) conditions.push(linkedToCaseStudy(filters.caseStudyId));
  if (filters.themeId) conditions.push(linkedToTheme(filters.themeId));
  // The ways are a JSON array of framework keys.
  if (filters.applicationWay) conditions.push(sql`exists (select 1 from json_each(${appliedStories.applicationWays}) where json_each.value = ${filters.applicationWay})`);
  if (filters.countryCode) conditions.push(eq(appliedStories.countryCode, filters.countryCode));
  return conditions;
}

/** Stories the viewer may read, newest first, a page at a time, with the total under the same rule. */
export function listStories(viewer: MaybeViewer, locale: Locale, options: StoryFilters & { page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? storyPageSize;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = and(readableWhere(viewer, storyColumns), ...filterWhere(options));
  const items = selectCards()
    .where(where)
    .orderBy(desc(appliedStories.createdAt), asc(appliedStories.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map(toCard(viewer, locale));
  const total = getDb().select({ count: sql<number>`count(*)` }).from(appliedStories).where(where).get()?.count ?? 0;
  return { items, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * "Applied by 4 organisations in 3 countries": the readable stories linked to a case study or theme, the
 * distinct organisations that wrote them (stories members wrote for themselves count no organisation)
 * and the distinct countries.
 */
export function appliedCounts(viewer: MaybeViewer, target: StoryTarget): { stories: number; organisations: number; countries: number } {
  const link = 'caseStudyId' in target ? linkedToCaseStudy(target.caseStudyId) : linkedToTheme(target.themeId);
  const row = getDb()
    .select({
      stories: sql<number>`count(*)`,
      organisations: sql<number>`count(distinct ${appliedStories.organisationId})`,
      countries: sql<number>`count(distinct ${appliedStories.countryCode})`,
    })
    .from(appliedStories)
    .where(and(readableWhere(viewer, storyColumns), link))
    .get();
  return { stories: row?.stories ?? 0, organisations: row?.organisations ?? 0, countries: row?.countries ?? 0 };
}

/** Published case studies among `storyId`'s links that the viewer may read. */
function readableLinkedCaseStudies(viewer: MaybeViewer, storyId: string) {
  return getDb()
    .select({ id: caseStudies.id, title: caseStudies.title, language: caseStudies.language })
    .from(appliedStoryCaseStudies)
    .innerJoin(caseStudies, eq(caseStudies.id, appliedStoryCaseStudies.caseStudyId))
    .where(and(eq(appliedStoryCaseStudies.storyId, storyId), inArray(caseStudies.status, [...publishedStatuses]), readableWhere(viewer, caseStudyColumns)))
    .orderBy(asc(caseStudies.title))
    .all();
}

function readableLinkedThemes(viewer: MaybeViewer, storyId: string, locale: Locale) {
  const ids = getDb().select({ id: appliedStoryThemes.themeId }).from(appliedStoryThemes).where(eq(appliedStoryThemes.storyId, storyId)).all().map((link) => link.id);
  return [...readableThemeTitles(viewer, ids, locale)].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title, locale));
}

function loadStoryRow(storyId: string) {
  const row = selectCards().where(eq(appliedStories.id, storyId)).get();
  if (!row) throw new AppError('not_found');
  return { row, facts: storyFacts(row) };
}

/** One story as the viewer may read it (not found otherwise), with its readable links and what they may do. */
export function getStory(viewer: MaybeViewer, storyId: string, locale: Locale) {
  const { row, facts } = loadStoryRow(storyId);
  assertCan(viewer, 'story.read', facts);
  // Pseudonyms are for members: visitors read what was applied, not who wrote it.
  const author = viewer && row.authorId ? getDb().select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, row.authorId)).get() : undefined;
  return {
    ...toCard(viewer, locale)(row),
    paragraphs: row.body.split(/\n{2,}/).map((paragraph) => paragraph.trim()).filter(Boolean),
    updatedAt: row.updatedAt,
    author: author ?? null,
    caseStudies: readableLinkedCaseStudies(viewer, row.id),
    themes: readableLinkedThemes(viewer, row.id, locale),
    abilities: abilitiesFor(viewer, ['story.edit'], facts),
  };
}
export type StoryDetail = ReturnType<typeof getStory>;

/** A story's current values for its edit form; only for those who may change it. */
export function getStoryForEdit(viewer: MaybeViewer, storyId: string, locale: Locale) {
  const { row, facts } = loadStoryRow(storyId);
  assertCan(viewer, 'story.edit', facts);
  const linkedCaseStudies = readableLinkedCaseStudies(viewer, row.id);
  const linkedThemes = readableLinkedThemes(viewer, row.id, locale);
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    applicationWays: row.applicationWays,
    organisationId: row.organisationId,
    countryCode: row.countryCode,
    visibility: row.visibility,
    linkedCaseStudies,
    linkedThemes,
  };
}

export type LinkChoiceGroup = { event: { id: string; title: string } | null; options: { value: string; label: string }[] };

/**
 * What a story may link, grouped by event: published case studies the viewer may read, and the themes
 * they may read (each event's, then the network principles). `extra` adds links a story already has
 * that are no longer offered (an archived case study), so editing does not drop them unseen.
 */
export function listStoryLinkChoices(viewer: MaybeViewer, locale: Locale, extra: { caseStudies?: { id: string; title: string }[] } = {}) {
  // Events in the order the site lists them (upcoming, then the most recent past ones), then what belongs to none.
  const events = [...listUpcomingEvents(viewer, locale), ...listPastEvents(viewer, locale)].map((event) => ({ id: event.id, title: event.title }));
  const byTitle = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);

  const published = listPublishedCaseStudies(viewer, locale, {}, { limit: 1000, offset: 0 }).items;
  const offered = new Set(published.map((caseStudy) => caseStudy.id));
  const caseStudyOptions = (eventId: string | null) => published.filter((caseStudy) => (caseStudy.event?.id ?? null) === eventId).map((caseStudy) => ({ value: caseStudy.id, label: caseStudy.title }));
  const outsideEvents = [
    ...published.filter((caseStudy) => !caseStudy.event || !events.some((event) => event.id === caseStudy.event!.id)).map((caseStudy) => ({ value: caseStudy.id, label: caseStudy.title })),
    ...(extra.caseStudies ?? []).filter((caseStudy) => !offered.has(caseStudy.id)).map((caseStudy) => ({ value: caseStudy.id, label: caseStudy.title })),
  ];
  const caseStudyGroups: LinkChoiceGroup[] = [...events.map((event) => ({ event, options: caseStudyOptions(event.id).sort(byTitle) })), { event: null, options: outsideEvents.sort(byTitle) }];

  const themeGroups: LinkChoiceGroup[] = [...events, null].map((event) => ({
    event,
    options: listThemesForEvent(viewer, event?.id ?? null, locale).groups.flatMap((group) => group.themes.map((theme) => ({ value: theme.id, label: theme.title }))),
  }));
  const nonEmpty = (groups: LinkChoiceGroup[]) => groups.filter((group) => group.options.length > 0);
  return { caseStudyGroups: nonEmpty(caseStudyGroups), themeGroups: nonEmpty(themeGroups) };
}

/** The title of the case study or theme a list is narrowed to, if the viewer may read it (null otherwise). */
export function storyTargetTitle(viewer: MaybeViewer, target: StoryTarget, locale: Locale): string | null {
  if ('themeId' in target) return readableThemeTitles(viewer, [target.themeId], locale).get(target.themeId) ?? null;
  const row = getDb()
    .select({ title: caseStudies.title })
    .from(caseStudies)
    .where(and(eq(caseStudies.id, target.caseStudyId), inArray(caseStudies.status, [...publishedStatuses]), readableWhere(viewer, caseStudyColumns)))
    .get();
  return row?.title ?? null;
}
