import 'server-only';
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { caseStudies, type SectionKey } from '@/db/schema/case-studies';
import { events, eventSessions } from '@/db/schema/events';
import { sessionCaseStudies, synthesisReports, themeEvidence, themeKinds, themeRecurrences, themes, type ThemeKind } from '@/db/schema/synthesis';
import { loadCaseStudy } from '@/lib/case-studies/load';
import { loadPost, loadThread } from '@/lib/conversations/load';
import { AppError } from '@/lib/errors';
import { assertCan, can } from '@/lib/policy/rules';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { synthesisEventIds } from '@/lib/policy/viewer-facts';
import { plainTextOf, type RichTextJson } from '@/lib/rich-text/plain-text';
import { renderRichText } from '@/lib/rich-text/render';
import { excerptOf, linksOfThemes, readableCaseStudies, readableEvents, readableEvidence, sessionsOf, taggerNames, taxonomyLabels, type EventRef, type OrganisationName, type ReadableCaseStudy, type ReadableEvidence } from './evidence';
import { reportFacts, themeFacts } from './facts';
import { loadTheme, readableThemeRows, resolveMergedTheme } from './load';

type ThemeRow = typeof themes.$inferSelect;

/** A title in the reader's language, falling back to the other one if it is empty. */
export function themeTitle(row: { titleEn: string; titleFr: string }, locale: Locale): string {
  return locale === 'fr' ? row.titleFr || row.titleEn : row.titleEn || row.titleFr;
}

/** Titles of the themes among `ids` the viewer may read (the search page's theme facet labels). */
export function readableThemeTitles(viewer: MaybeViewer, ids: readonly string[], locale: Locale): Map<string, string> {
  if (!ids.length) return new Map();
  return new Map(
    getDb()
      .select()
      .from(themes)
      .where(and(isNull(themes.mergedIntoId), inArray(themes.id, [...ids])))
      .all()
      .filter((row) => can(viewer, 'theme.read', themeFacts(row)))
      .map((row) => [row.id, themeTitle(row, locale)]),
  );
}

/** Rich text in the reader's language, or the other language (and which one) when there is none. */
function localisedRichText(en: unknown, fr: unknown, locale: Locale): { html: string; locale: Locale | null } {
  const preferred: [Locale, unknown][] = locale === 'fr' ? [['fr', fr], ['en', en]] : [['en', en], ['fr', fr]];
  for (const [language, json] of preferred) {
    const html = json ? renderRichText(json as RichTextJson) : '';
    if (html) return { html, locale: language };
  }
  return { html: '', locale: null };
}

export type ThemeSummary = {
  id: string;
  eventId: string | null;
  kind: ThemeKind;
  title: string;
  /** The title in the other language, for bilingual display. */
  otherTitle: string;
  visibility: ThemeRow['visibility'];
  /** Pieces of evidence the viewer may read. */
  evidenceCount: number;
};

function summariesOf(viewer: MaybeViewer, rows: ThemeRow[], locale: Locale): ThemeSummary[] {
  const db = getDb();
  const counts = new Map<string, number>();
  for (const item of readableEvidence(db, viewer, linksOfThemes(db, rows.map((row) => row.id)))) counts.set(item.link.themeId, (counts.get(item.link.themeId) ?? 0) + 1);
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    kind: row.kind,
    title: themeTitle(row, locale),
    otherTitle: themeTitle(row, locale === 'fr' ? 'en' : 'fr'),
    visibility: row.visibility,
    evidenceCount: counts.get(row.id) ?? 0,
  }));
}

export type ThemeGroup = { kind: ThemeKind; themes: ThemeSummary[] };

function loadReadableEvent(viewer: MaybeViewer, eventId: string) {
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, 'event.read', event);
  return event;
}

/**
 * An event's themes grouped by kind (emerging themes, gaps, bridging behaviours, adapting principles), each
 * group in the synthesis group's order. `eventId` null lists the network principles. Merged themes and
 * themes the viewer may not read are left out.
 */
export function listThemesForEvent(viewer: MaybeViewer, eventId: string | null, locale: Locale) {
  if (eventId !== null) loadReadableEvent(viewer, eventId);
  const summaries = summariesOf(viewer, readableThemeRows(getDb(), viewer, eventId), locale);
  const groups: ThemeGroup[] = themeKinds.map((kind) => ({ kind, themes: summaries.filter((theme) => theme.kind === kind) })).filter((group) => group.themes.length > 0);
  return { groups, abilities: { manage: can(viewer, 'synthesis.manage', { eventId }) } };
}

/** Lower case, accents folded: "Sûreté" matches "surete". */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const wordsOf = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** 0: the title starts with the query; 1: every typed word starts a word of the title; null: no match. */
function matchScore(title: string, query: string): number | null {
  const folded = fold(title).trim();
  if (folded.startsWith(query)) return 0;
  const typed = wordsOf(query);
  const words = wordsOf(title);
  return typed.length && typed.every((part) => words.some((word) => word.startsWith(part))) ? 1 : null;
}

export type QuickTagCandidate = { id: string; eventId: string | null; kind: ThemeKind; title: string; otherTitle: string };

/**
 * The quick tagger: themes the viewer may tag (their events' synthesis; network principles for those who
 * manage them) whose title in either language matches a few typed letters. At most 8.
 */
export function quickTagCandidates(viewer: MaybeViewer, query: string, eventId?: string, locale: Locale = viewer?.locale ?? 'en'): QuickTagCandidate[] {
  if (!viewer) return [];
  const typed = fold(query).replace(/\s+/g, ' ').trim().slice(0, 60);
  if (!typed) return [];
  const managed = synthesisEventIds(viewer);
  const eventIds = eventId ? managed.filter((id) => id === eventId) : managed;
  const withNetwork = !eventId && can(viewer, 'synthesis.manage', { eventId: null });
  const scopes: SQL[] = [];
  if (eventIds.length) scopes.push(inArray(themes.eventId, eventIds));
  if (withNetwork) scopes.push(isNull(themes.eventId));
  if (!scopes.length) return [];
  const rows = getDb()
    .select()
    .from(themes)
    .where(and(isNull(themes.mergedIntoId), or(...scopes)))
    .orderBy(asc(themes.sortOrder))
    .all()
    .filter((row) => can(viewer, 'synthesis.manage', { eventId: row.eventId }) && can(viewer, 'theme.read', themeFacts(row)));
  return rows
    .map((row) => {
      const scores = [matchScore(row.titleEn, typed), matchScore(row.titleFr, typed)].filter((score): score is number => score !== null);
      return { row, score: scores.length ? Math.min(...scores) : null };
    })
    .filter((candidate): candidate is { row: ThemeRow; score: number } => candidate.score !== null)
    // Best match first; the event being worked on before others; then the group's own order.
    .sort((a, b) => a.score - b.score || Number(b.row.eventId === eventId) - Number(a.row.eventId === eventId) || a.row.sortOrder - b.row.sortOrder)
    .slice(0, 8)
    .map(({ row }) => ({ id: row.id, eventId: row.eventId, kind: row.kind, title: themeTitle(row, locale), otherTitle: themeTitle(row, locale === 'fr' ? 'en' : 'fr') }));
}

type EvidenceBase = {
  evidenceId: string;
  note: string;
  /** The tagger's pseudonym (null: they left the network). */
  taggedBy: string | null;
  taggedAt: Date;
  /** The programme session it surfaced in. */
  session: { id: string; title: string; day: string } | null;
};

export type EvidenceItem =
  | (EvidenceBase & {
      type: 'case_study';
      caseStudyId: string;
      title: string;
      /** The case study's own language: its title and excerpt keep it on a page in the other language. */
      language: 'en' | 'fr';
      href: string;
      organisation: OrganisationName | null;
      countries: { code: string; label: string }[];
      populations: { key: string; label: string }[];
      /** null: the whole case study was tagged, and the excerpt is its summary. */
      sectionKey: SectionKey | null;
      excerpt: string;
    })
  | (EvidenceBase & { type: 'thread'; threadId: string; title: string; href: string; excerpt: string })
  | (EvidenceBase & { type: 'post'; postId: string; threadId: string; threadTitle: string; href: string; excerpt: string; authorName: string | null });

export type EvidenceCountryGroup = { countryCodes: string[]; label: string; items: EvidenceItem[] };
export type EvidenceEventGroup = { event: EventRef | null; countries: EvidenceCountryGroup[] };

const excerptLength = 300;

function evidenceItemOf(item: ReadableEvidence, base: EvidenceBase, labels: ReturnType<typeof taxonomyLabels>): EvidenceItem {
  switch (item.type) {
    case 'case_study':
      return {
        ...base,
        type: 'case_study',
        caseStudyId: item.caseStudy.id,
        title: item.caseStudy.title,
        language: item.caseStudy.language,
        href: item.link.sectionKey ? `/case-studies/${item.caseStudy.id}#section-${item.link.sectionKey}` : `/case-studies/${item.caseStudy.id}`,
        organisation: item.caseStudy.organisation,
        countries: item.caseStudy.countries.map((code) => ({ code, label: labels.countries.get(code) ?? code })),
        populations: item.caseStudy.populations.map((key) => ({ key, label: labels.populations.get(key) ?? key })),
        sectionKey: item.link.sectionKey,
        excerpt: excerptOf(item.link.sectionKey ? item.sectionText : item.caseStudy.summary, excerptLength),
      };
    case 'thread':
      return { ...base, type: 'thread', threadId: item.thread.id, title: item.thread.title, href: `/threads/${item.thread.id}`, excerpt: excerptOf(item.text, excerptLength) };
    case 'post':
      return {
        ...base,
        type: 'post',
        postId: item.link.postId!,
        threadId: item.thread.id,
        threadTitle: item.thread.title,
        href: `/threads/${item.thread.id}#post-${item.link.postId}`,
        excerpt: excerptOf(item.text, excerptLength),
        authorName: item.authorName,
      };
  }
}

const eventIdOf = (item: ReadableEvidence) => (item.type === 'case_study' ? item.caseStudy.eventId : item.thread.eventId);

/**
 * Evidence grouped by event (the theme's own first, then by date; events the viewer may not read, and
 * evidence from no event, last) then by country, with counts by country and key population. Everything
 * is computed from what the viewer may read only: a hidden piece is neither shown nor counted.
 */
function evidenceView(viewer: MaybeViewer, theme: ThemeRow, locale: Locale) {
  const db = getDb();
  const links = linksOfThemes(db, [theme.id]);
  const items = readableEvidence(db, viewer, links);
  const sessions = sessionsOf(db, viewer, items, theme.eventId, locale);
  const labels = taxonomyLabels(db, locale);
  const taggers = taggerNames(db, links);
  const eventMap = readableEvents(db, viewer, items.map(eventIdOf), locale);

  const byEvent = new Map<string, { event: EventRef | null; byCountry: Map<string, EvidenceCountryGroup> }>();
  for (const item of items) {
    const event = eventMap.get(eventIdOf(item) ?? '') ?? null;
    const eventKey = event?.id ?? '';
    if (!byEvent.has(eventKey)) byEvent.set(eventKey, { event, byCountry: new Map() });
    const codes = item.type === 'case_study' ? item.caseStudy.countries : [];
    const countryKey = codes.join(',');
    const countryGroups = byEvent.get(eventKey)!.byCountry;
    if (!countryGroups.has(countryKey)) countryGroups.set(countryKey, { countryCodes: codes, label: codes.map((code) => labels.countries.get(code) ?? code).join(', '), items: [] });
    const base: EvidenceBase = {
      evidenceId: item.link.id,
      note: item.link.note,
      taggedBy: item.link.taggedBy ? (taggers.get(item.link.taggedBy) ?? null) : null,
      taggedAt: item.link.taggedAt,
      session: sessions.get(item.link.id) ?? null,
    };
    countryGroups.get(countryKey)!.items.push(evidenceItemOf(item, base, labels));
  }
  const eventRank = (event: EventRef | null) => (event === null ? 2 : event.id === theme.eventId ? 0 : 1);
  const groups: EvidenceEventGroup[] = [...byEvent.values()]
    .sort((a, b) => eventRank(a.event) - eventRank(b.event) || (a.event?.startsOn ?? '').localeCompare(b.event?.startsOn ?? ''))
    .map(({ event, byCountry }) => ({
      event,
      // Discussions (no country) after the countries.
      countries: [...byCountry.values()].sort((a, b) => Number(!a.label) - Number(!b.label) || a.label.localeCompare(b.label, locale)),
    }));

  // Counts are of distinct case studies: a case study tagged whole and for one section counts once.
  const caseStudies = new Map<string, ReadableCaseStudy>();
  for (const item of items) if (item.type === 'case_study') caseStudies.set(item.caseStudy.id, item.caseStudy);
  const tally = (keysOf: (caseStudy: ReadableCaseStudy) => string[], labelOf: Map<string, string>) => {
    const counts = new Map<string, number>();
    for (const caseStudy of caseStudies.values()) for (const key of keysOf(caseStudy)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.entries()]
      .map(([key, count]) => ({ key, label: labelOf.get(key) ?? key, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
  };
  return {
    groups,
    counts: {
      caseStudies: caseStudies.size,
      threads: items.filter((item) => item.type === 'thread').length,
      posts: items.filter((item) => item.type === 'post').length,
      byCountry: tally((caseStudy) => caseStudy.countries, labels.countries),
      byPopulation: tally((caseStudy) => caseStudy.populations, labels.populations),
    },
  };
}

/** Other themes this one recurs with (in other events, or network principles) that the viewer may read. */
function recurringThemes(viewer: MaybeViewer, themeId: string, locale: Locale) {
  const db = getDb();
  const otherIds = db.select({ id: themeRecurrences.otherThemeId }).from(themeRecurrences).where(eq(themeRecurrences.themeId, themeId)).all().map((row) => row.id);
  if (!otherIds.length) return [];
  const rows = db
    .select()
    .from(themes)
    .where(and(inArray(themes.id, otherIds), isNull(themes.mergedIntoId)))
    .all()
    .filter((row) => can(viewer, 'theme.read', themeFacts(row)));
  const eventMap = readableEvents(db, viewer, rows.map((row) => row.eventId), locale);
  return rows
    .map((row) => ({ id: row.id, kind: row.kind, title: themeTitle(row, locale), event: row.eventId ? (eventMap.get(row.eventId) ?? null) : null }))
    .sort((a, b) => (a.event?.startsOn ?? '9999').localeCompare(b.event?.startsOn ?? '9999') || a.title.localeCompare(b.title, locale));
}

export type ThemePage = Exclude<ReturnType<typeof getThemePage>, { redirectTo: string }>;

/**
 * A theme's page: its description, then the evidence the viewer may read, grouped by event and country,
 * with counts and the themes it recurs with. A merged theme sends the reader to the theme it now lives in.
 */
export function getThemePage(viewer: MaybeViewer, themeId: string, locale: Locale) {
  const db = getDb();
  const { row, facts } = loadTheme(db, themeId);
  assertCan(viewer, 'theme.read', facts);
  if (row.mergedIntoId) {
    const target = resolveMergedTheme(db, row);
    if (target.mergedIntoId || !can(viewer, 'theme.read', themeFacts(target))) throw new AppError('not_found');
    return { redirectTo: target.id };
  }
  const canManage = can(viewer, 'synthesis.manage', { eventId: row.eventId });
  const otherLocale: Locale = locale === 'fr' ? 'en' : 'fr';
  const description = localisedRichText(row.descriptionEn, row.descriptionFr, locale);
  const event = row.eventId ? (readableEvents(db, viewer, [row.eventId], locale).get(row.eventId) ?? null) : null;
  return {
    theme: {
      id: row.id,
      kind: row.kind,
      title: themeTitle(row, locale),
      otherLanguage: { locale: otherLocale, title: themeTitle(row, otherLocale) },
      descriptionHtml: description.html,
      /** The language the description is shown in (null: there is none); differs from `locale` when only the other one exists. */
      descriptionLocale: description.locale,
      event,
      visibility: row.visibility,
      updatedAt: row.updatedAt,
      abilities: { manage: canManage, download: can(viewer, 'synthesis.download', facts) },
      /** What the edit form starts from, for the synthesis group only. */
      editable: canManage
        ? { version: row.version, titleEn: row.titleEn, titleFr: row.titleFr, descriptionEn: row.descriptionEn as RichTextJson | null, descriptionFr: row.descriptionFr as RichTextJson | null, kind: row.kind, visibility: row.visibility }
        : null,
    },
    evidence: evidenceView(viewer, row, locale),
    recurringWith: recurringThemes(viewer, row.id, locale),
  };
}

/**
 * An event's synthesis report: narrative and its ordered theme sets. Before a report exists the synthesis
 * group gets an empty one to start from; anyone else gets not found, as for a report they may not read.
 */
export function getSynthesisReport(viewer: MaybeViewer, eventId: string, locale: Locale) {
  const db = getDb();
  const event = loadReadableEvent(viewer, eventId);
  const canManage = can(viewer, 'synthesis.manage', { eventId });
  const row = db.select().from(synthesisReports).where(eq(synthesisReports.eventId, eventId)).get();
  if (!row && !canManage) throw new AppError('not_found');
  if (row) assertCan(viewer, 'synthesis.read', reportFacts(row));
  const narrative = localisedRichText(row?.narrativeEn, row?.narrativeFr, locale);
  return {
    event: { id: event.id, slug: event.slug, title: locale === 'fr' ? event.titleFr : event.titleEn, startsOn: event.startsOn, endsOn: event.endsOn, place: event.place },
    report: row
      ? {
          title: themeTitle(row, locale),
          narrativeHtml: narrative.html,
          narrativeLocale: narrative.locale,
          visibility: row.visibility,
          publishedAt: row.publishedAt,
          updatedAt: row.updatedAt,
        }
      : null,
    /** What the edit form starts from (version null: no report yet), for the synthesis group only. */
    editable: canManage
      ? {
          version: row?.version ?? null,
          titleEn: row?.titleEn ?? '',
          titleFr: row?.titleFr ?? '',
          narrativeEn: (row?.narrativeEn ?? null) as RichTextJson | null,
          narrativeFr: (row?.narrativeFr ?? null) as RichTextJson | null,
          visibility: row?.visibility ?? 'event',
          isPublished: row?.publishedAt != null,
        }
      : null,
    themeSets: listThemesForEvent(viewer, eventId, locale).groups,
    abilities: { manage: canManage, download: row ? can(viewer, 'synthesis.download', reportFacts(row)) : canManage },
  };
}

export type EvidenceTarget = { type: 'case_study'; id: string; sectionKey?: SectionKey } | { type: 'thread'; id: string } | { type: 'post'; id: string };

/**
 * The themes a case study (or one of its sections), a thread or a post is tagged with, for the tag UI.
 * Not found if the viewer may not read the target; themes they may not read are left out.
 */
export function evidenceTagsFor(viewer: MaybeViewer, target: EvidenceTarget, locale: Locale) {
  const db = getDb();
  let where: SQL | undefined;
  switch (target.type) {
    case 'case_study':
      assertCan(viewer, 'caseStudy.read', loadCaseStudy(db, target.id).facts);
      where = and(eq(themeEvidence.targetType, 'case_study'), eq(themeEvidence.caseStudyId, target.id), target.sectionKey ? eq(themeEvidence.sectionKey, target.sectionKey) : undefined);
      break;
    case 'thread':
      assertCan(viewer, 'thread.read', loadThread(db, target.id).facts);
      where = and(eq(themeEvidence.targetType, 'thread'), eq(themeEvidence.threadId, target.id));
      break;
    case 'post':
      assertCan(viewer, 'post.readText', loadPost(db, target.id).facts);
      where = and(eq(themeEvidence.targetType, 'post'), eq(themeEvidence.postId, target.id));
      break;
  }
  const rows = db
    .select({ link: themeEvidence, theme: themes })
    .from(themeEvidence)
    .innerJoin(themes, eq(themes.id, themeEvidence.themeId))
    .where(and(where, isNull(themes.mergedIntoId)))
    .orderBy(asc(themeEvidence.taggedAt))
    .all()
    .filter(({ theme }) => can(viewer, 'theme.read', themeFacts(theme)));
  return rows.map(({ link, theme }) => ({
    evidenceId: link.id,
    themeId: theme.id,
    eventId: theme.eventId,
    kind: theme.kind,
    title: themeTitle(theme, locale),
    sectionKey: link.sectionKey,
    note: link.note,
    canUntag: can(viewer, 'synthesis.manage', { eventId: theme.eventId }),
  }));
}

// ---- What the synthesis screens need around the theme pages ----

export type TaggingSession = { id: string; title: string; day: string; startsAt: string; endsAt: string };
export type TaggingEvent = {
  /** null: the network principles. */
  eventId: string | null;
  title: string;
  themes: { id: string; kind: ThemeKind; title: string }[];
  sessions: TaggingSession[];
  /** A session of this event happening now (or else today), preselected while tagging live. */
  defaultSessionId: string | null;
};

/** The session going on at `now` (event days and times compared as written, in UTC), or else the first of the day. */
function currentSessionId(sessions: readonly TaggingSession[], now: Date): string | null {
  const today = now.toISOString().slice(0, 10);
  const time = now.toISOString().slice(11, 16);
  const todays = sessions.filter((session) => session.day === today);
  const running = todays.find((session) => session.startsAt && session.startsAt <= time && (!session.endsAt || time < session.endsAt));
  return (running ?? todays[0])?.id ?? null;
}

/** Whether the viewer is in some event's synthesis group (or manages the network principles): only they get tag controls. */
export function canTagEvidence(viewer: MaybeViewer): boolean {
  return !!viewer && (synthesisEventIds(viewer).some((eventId) => can(viewer, 'synthesis.manage', { eventId })) || can(viewer, 'synthesis.manage', { eventId: null }));
}

/**
 * What a viewer may tag evidence with: the themes of every event whose synthesis group they belong to (and
 * the network principles, for those who manage them), with each event's sessions. Null for everyone else:
 * the tag controls are not shown at all. `contextEventId` (the case study's or discussion's event) comes first.
 */
export function taggingOptions(viewer: MaybeViewer, locale: Locale, contextEventId: string | null = null, now = new Date()): TaggingEvent[] | null {
  if (!viewer || !canTagEvidence(viewer)) return null;
  const db = getDb();
  const eventIds = synthesisEventIds(viewer).filter((eventId) => can(viewer, 'synthesis.manage', { eventId }));
  const result: TaggingEvent[] = [];
  if (eventIds.length) {
    const eventRows = db
      .select()
      .from(events)
      .where(inArray(events.id, eventIds))
      .all()
      .filter((event) => can(viewer, 'event.read', event))
      .sort((a, b) => Number(b.id === contextEventId) - Number(a.id === contextEventId) || b.startsOn.localeCompare(a.startsOn));
    const sessionRows = db
      .select()
      .from(eventSessions)
      .where(inArray(eventSessions.eventId, eventRows.map((event) => event.id)))
      .orderBy(asc(eventSessions.day), asc(eventSessions.startsAt))
      .all();
    for (const event of eventRows) {
      const sessions = sessionRows
        .filter((session) => session.eventId === event.id)
        .map((session) => ({ id: session.id, title: locale === 'fr' ? session.titleFr : session.titleEn, day: session.day, startsAt: session.startsAt, endsAt: session.endsAt }));
      result.push({
        eventId: event.id,
        title: locale === 'fr' ? event.titleFr : event.titleEn,
        themes: readableThemeRows(db, viewer, event.id).map((row) => ({ id: row.id, kind: row.kind, title: themeTitle(row, locale) })),
        sessions,
        defaultSessionId: currentSessionId(sessions, now),
      });
    }
  }
  if (can(viewer, 'synthesis.manage', { eventId: null })) {
    // The title is the caller's to translate ("Network principles"): an empty string stands for it.
    result.push({ eventId: null, title: '', themes: readableThemeRows(db, viewer, null).map((row) => ({ id: row.id, kind: row.kind, title: themeTitle(row, locale) })), sessions: [], defaultSessionId: null });
  }
  return result.length ? result : null;
}

/**
 * Themes a theme could be marked as recurring with: readable, unmerged themes of other events (and the
 * network principles), grouped by event, minus those already marked. For the theme's synthesis group.
 */
export function recurrenceCandidates(viewer: MaybeViewer, themeId: string, locale: Locale) {
  const db = getDb();
  const { row } = loadTheme(db, themeId);
  if (!can(viewer, 'theme.read', themeFacts(row)) || !can(viewer, 'synthesis.manage', { eventId: row.eventId })) return [];
  const already = new Set(db.select({ id: themeRecurrences.otherThemeId }).from(themeRecurrences).where(eq(themeRecurrences.themeId, row.id)).all().map((other) => other.id));
  const candidates = db
    .select()
    .from(themes)
    .where(isNull(themes.mergedIntoId))
    .orderBy(asc(themes.sortOrder))
    .all()
    .filter((other) => other.eventId !== row.eventId && !already.has(other.id) && can(viewer, 'theme.read', themeFacts(other)));
  const eventMap = readableEvents(db, viewer, candidates.map((other) => other.eventId), locale);
  const groups = new Map<string, { event: EventRef | null; themes: { id: string; title: string }[] }>();
  for (const other of candidates) {
    const event = other.eventId ? eventMap.get(other.eventId) : null;
    // A theme of an event the viewer may not read would be named without its context: left out.
    if (event === undefined) continue;
    const key = event?.id ?? '';
    if (!groups.has(key)) groups.set(key, { event, themes: [] });
    groups.get(key)!.themes.push({ id: other.id, title: themeTitle(other, locale) });
  }
  return [...groups.values()].sort((a, b) => (a.event?.startsOn ?? '9999').localeCompare(b.event?.startsOn ?? '9999'));
}

/**
 * The event page's view of its synthesis: the report's title, a short excerpt of its narrative and its theme
 * sets, for viewers who may read the report; for its synthesis group also while it is a draft (or not yet
 * started). Null for everyone else.
 */
export function synthesisSummary(viewer: MaybeViewer, eventId: string, locale: Locale) {
  const db = getDb();
  loadReadableEvent(viewer, eventId);
  const canManage = can(viewer, 'synthesis.manage', { eventId });
  const row = db.select().from(synthesisReports).where(eq(synthesisReports.eventId, eventId)).get();
  if (row ? !can(viewer, 'synthesis.read', reportFacts(row)) : !canManage) return null;
  const narrative = (locale === 'fr' ? [row?.narrativeFr, row?.narrativeEn] : [row?.narrativeEn, row?.narrativeFr]).map((json) => plainTextOf(json as RichTextJson | null)).find(Boolean) ?? '';
  return {
    title: row ? themeTitle(row, locale) : '',
    excerpt: excerptOf(narrative, 280),
    isPublished: row?.publishedAt != null,
    canManage,
    themeSets: listThemesForEvent(viewer, eventId, locale).groups,
  };
}

export type ProgrammeCaseStudy = { id: string; title: string; language: 'en' | 'fr' };

/**
 * Which case studies were presented in each session of an event, as far as the viewer may read them; for
 * those who manage the programme, the event's case studies they may link to a session.
 */
export function programmeCaseStudies(viewer: MaybeViewer, eventId: string) {
  const db = getDb();
  const event = loadReadableEvent(viewer, eventId);
  const sessionIds = db.select({ id: eventSessions.id }).from(eventSessions).where(eq(eventSessions.eventId, eventId)).all().map((row) => row.id);
  const links = sessionIds.length ? db.select().from(sessionCaseStudies).where(inArray(sessionCaseStudies.sessionId, sessionIds)).all() : [];
  const canManage = can(viewer, 'event.manageProgramme', event);
  const eventCaseStudyIds = canManage ? db.select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.eventId, eventId)).all().map((row) => row.id) : [];
  const readable = readableCaseStudies(db, viewer, [...links.map((link) => link.caseStudyId), ...eventCaseStudyIds]);
  const view = (id: string): ProgrammeCaseStudy[] => {
    const caseStudy = readable.get(id);
    return caseStudy ? [{ id: caseStudy.id, title: caseStudy.title, language: caseStudy.language }] : [];
  };
  const bySession = new Map<string, ProgrammeCaseStudy[]>();
  for (const link of links) bySession.set(link.sessionId, [...(bySession.get(link.sessionId) ?? []), ...view(link.caseStudyId)]);
  for (const list of bySession.values()) list.sort((a, b) => a.title.localeCompare(b.title));
  return {
    bySession,
    canManage,
    linkable: eventCaseStudyIds.flatMap(view).sort((a, b) => a.title.localeCompare(b.title)),
  };
}
