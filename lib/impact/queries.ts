import 'server-only';
import { and, desc, eq, exists, gt, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/client';
import { caseStudies } from '@/db/schema/case-studies';
import { events } from '@/db/schema/events';
import { followUpQuestions, followUpResponses, followUps } from '@/db/schema/follow-ups';
import { appliedStories, appliedStoryCaseStudies, appliedStoryThemes } from '@/db/schema/stories';
import { themes } from '@/db/schema/synthesis';
import { AppError } from '@/lib/errors';
import { SurveyAnswers } from '@/lib/follow-ups/answers';
import { assertCan, can, type ImpactScope } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import type { Locale, MaybeViewer, Viewer } from '@/lib/policy/types';
import { storyColumns } from '@/lib/stories/facts';
import { aggregateSurvey, countStoriesByYear, isBelowMinimum, responseRateRows, type ChartKey, type ResponseRateRow, type StoriesChart, type SurveyCharts } from './aggregate';
import { toCsv } from './csv';
import { answerTable, secureRandomIndex, shuffle, type ExportedResponse, type RandomIndex } from './export';
import { presentShareChart, presentStories, type PresentedChart, type Selection } from './present';

// The impact dashboard's reads. Each loads, for one scope (an event, or the network), the submitted
// answers and how many were invited, in SQL, after `impact.read` (or `impact.export`); the figures come
// from aggregate.ts, which hides every chart fewer than 5 people answered. Who answered never leaves this
// module: user ids are only grouped on inside SQL.
//
// Which answers count: an event's dashboard shows by default each participant's latest submitted answers
// over all its rounds (a member answering the 6- and 12-month rounds counts once, as they see things now),
// or one chosen round. The network pools, per event, each participant's latest answers, and leaves out
// events fewer than 5 people answered (otherwise network minus the other events would reveal them).

type EventRow = { id: string; slug: string; titleEn: string; titleFr: string; visibility: 'public' | 'members' };
export type RoundOption = { id: string; opensOn: string; monthsAfter: number | null; isSmall: boolean };
/** What the page, the image and the export agree on: an event and optionally one of its rounds, or the network. */
export type ImpactSelection = { event: EventRow; round: RoundOption | null } | { event: null; round: null };

const scopeOf = (selection: ImpactSelection): ImpactScope => ({ event: selection.event ? { id: selection.event.id, visibility: selection.event.visibility } : null });
const titleOf = (event: EventRow, locale: Locale) => (locale === 'fr' ? event.titleFr : event.titleEn);

/** The event's rounds that invited someone and were not cancelled, newest first, with whether they are too small to show. */
function listRounds(db: Db, eventId: string): RoundOption[] {
  return db
    .select({ id: followUps.id, opensOn: followUps.opensOn, monthsAfter: followUps.monthsAfter, submitted: sql<number>`count(${followUpResponses.submittedAt})` })
    .from(followUps)
    .innerJoin(followUpResponses, eq(followUpResponses.followUpId, followUps.id))
    .where(and(eq(followUps.eventId, eventId), isNull(followUps.cancelledAt)))
    .groupBy(followUps.id)
    .orderBy(desc(followUps.opensOn))
    .all()
    .map(({ submitted, ...round }) => ({ ...round, isSmall: isBelowMinimum(submitted) }));
}

/**
 * The scope a request asks for, after `action` on it: anonymous visitors are asked to sign in before
 * anything is looked up; an event the viewer may not see, or a round not of that event, is not found.
 */
function resolveSelection(db: Db, viewer: MaybeViewer, action: 'impact.read' | 'impact.export', input: { slug?: string | null; roundId?: string | null }): { selection: ImpactSelection; rounds: RoundOption[] } {
  if (!viewer) throw new AppError('unauthenticated');
  if (!input.slug) {
    assertCan(viewer, action, { event: null });
    return { selection: { event: null, round: null }, rounds: [] };
  }
  const event = db.select({ id: events.id, slug: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, visibility: events.visibility }).from(events).where(eq(events.slug, input.slug)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, action, { event: { id: event.id, visibility: event.visibility } });
  const rounds = listRounds(db, event.id);
  const round = input.roundId ? rounds.find((option) => option.id === input.roundId) : null;
  if (round === undefined) throw new AppError('not_found');
  return { selection: { event, round }, rounds };
}

/** Stored answers read back through the framework's schema (a row from an older version never breaks the figures). */
function parseAnswers(value: unknown): SurveyAnswers {
  const parsed = SurveyAnswers.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

type Loaded = { responses: ExportedResponse[]; roundIds: string[]; invited: number };

const responseColumns = { answers: followUpResponses.answers, submittedAt: followUpResponses.submittedAt, roundId: followUps.id, roundOpensOn: followUps.opensOn, eventSlug: events.slug };

function toResponses(rows: { answers: unknown; submittedAt: Date | null; roundId: string; roundOpensOn: string; eventSlug: string }[]): ExportedResponse[] {
  return rows.map((row) => ({ eventSlug: row.eventSlug, roundOpensOn: row.roundOpensOn, submittedAt: row.submittedAt ?? new Date(0), answers: parseAnswers(row.answers) }));
}

/** Each participant's latest submitted response per event (the newer round wins a tie), over the events given. */
function loadLatestResponses(db: Db, eventIds: readonly string[]): Loaded {
  if (!eventIds.length) return { responses: [], roundIds: [], invited: 0 };
  const newer = alias(followUpResponses, 'newer_response');
  const newerRound = alias(followUps, 'newer_round');
  const hasNewer = exists(
    db
      .select({ one: sql`1` })
      .from(newer)
      .innerJoin(newerRound, eq(newerRound.id, newer.followUpId))
      .where(
        and(
          eq(newer.userId, followUpResponses.userId),
          eq(newerRound.eventId, followUps.eventId),
          isNotNull(newer.submittedAt),
          isNull(newerRound.cancelledAt),
          or(gt(newer.submittedAt, followUpResponses.submittedAt), and(eq(newer.submittedAt, followUpResponses.submittedAt), gt(newerRound.opensOn, followUps.opensOn))),
        ),
      ),
  );
  const inScope = and(inArray(followUps.eventId, [...eventIds]), isNull(followUps.cancelledAt));
  const rows = db
    .select(responseColumns)
    .from(followUpResponses)
    .innerJoin(followUps, eq(followUps.id, followUpResponses.followUpId))
    .innerJoin(events, eq(events.id, followUps.eventId))
    .where(and(inScope, isNotNull(followUpResponses.submittedAt), sql`not ${hasNewer}`))
    .all();
  // Invited: each (event, member) pair once, however many rounds asked them.
  const invited = db
    .select({ count: sql<number>`count(distinct ${followUps.eventId} || ':' || ${followUpResponses.userId})` })
    .from(followUpResponses)
    .innerJoin(followUps, eq(followUps.id, followUpResponses.followUpId))
    .where(inScope)
    .get();
  const roundIds = db.select({ id: followUps.id }).from(followUps).where(inScope).all().map((row) => row.id);
  return { responses: toResponses(rows), roundIds, invited: invited?.count ?? 0 };
}

function loadRoundResponses(db: Db, roundId: string): Loaded {
  const rows = db
    .select(responseColumns)
    .from(followUpResponses)
    .innerJoin(followUps, eq(followUps.id, followUpResponses.followUpId))
    .innerJoin(events, eq(events.id, followUps.eventId))
    .where(and(eq(followUps.id, roundId), isNotNull(followUpResponses.submittedAt)))
    .all();
  const invited = db.select({ count: sql<number>`count(*)` }).from(followUpResponses).where(eq(followUpResponses.followUpId, roundId)).get();
  return { responses: toResponses(rows), roundIds: [roundId], invited: invited?.count ?? 0 };
}

type EventBreakdown = { event: EventRow; row: ResponseRateRow<string> };

/** Per event with a round: members invited and members who answered (each once), with small rows hidden. */
function loadEventBreakdown(db: Db): EventBreakdown[] {
  const rows = db
    .select({
      id: events.id,
      slug: events.slug,
      titleEn: events.titleEn,
      titleFr: events.titleFr,
      visibility: events.visibility,
      startsOn: events.startsOn,
      invited: sql<number>`count(distinct ${followUpResponses.userId})`,
      submitted: sql<number>`count(distinct case when ${followUpResponses.submittedAt} is not null then ${followUpResponses.userId} end)`,
    })
    .from(events)
    .innerJoin(followUps, eq(followUps.eventId, events.id))
    .innerJoin(followUpResponses, eq(followUpResponses.followUpId, followUps.id))
    .where(isNull(followUps.cancelledAt))
    .groupBy(events.id)
    .orderBy(desc(events.startsOn))
    .all();
  const breakdown = responseRateRows(rows.map((row) => ({ key: row.id, invited: row.invited, submitted: row.submitted })));
  return rows.map((row, index) => ({ event: { id: row.id, slug: row.slug, titleEn: row.titleEn, titleFr: row.titleFr, visibility: row.visibility }, row: breakdown[index]! }));
}

function loadSelection(db: Db, selection: ImpactSelection): Loaded {
  if (selection.event === null) {
    const shown = loadEventBreakdown(db).filter((entry) => entry.row.status === 'shown');
    return loadLatestResponses(db, shown.map((entry) => entry.event.id));
  }
  return selection.round ? loadRoundResponses(db, selection.round.id) : loadLatestResponses(db, [selection.event.id]);
}

/** Readable stories only (the SQL form of `story.read`); for an event, those linked to its case studies or themes. */
function loadStories(db: Db, viewer: Viewer, eventId: string | null): StoriesChart {
  const conditions: SQL[] = [readableWhere(viewer, storyColumns)];
  if (eventId) {
    conditions.push(
      or(
        exists(
          db
            .select({ one: sql`1` })
            .from(appliedStoryCaseStudies)
            .innerJoin(caseStudies, eq(caseStudies.id, appliedStoryCaseStudies.caseStudyId))
            .where(and(eq(appliedStoryCaseStudies.storyId, appliedStories.id), eq(caseStudies.eventId, eventId))),
        ),
        exists(
          db
            .select({ one: sql`1` })
            .from(appliedStoryThemes)
            .innerJoin(themes, eq(themes.id, appliedStoryThemes.themeId))
            .where(and(eq(appliedStoryThemes.storyId, appliedStories.id), eq(themes.eventId, eventId))),
        ),
      )!,
    );
  }
  const rows = db.select({ createdAt: appliedStories.createdAt }).from(appliedStories).where(and(...conditions)).all();
  return countStoriesByYear(rows.map((row) => row.createdAt));
}

const chartsOf = (loaded: Loaded): SurveyCharts => aggregateSurvey({ answers: loaded.responses.map((response) => response.answers), invited: loaded.invited });
const canDownloadAnswers = (viewer: MaybeViewer, selection: ImpactSelection, loaded: Loaded) => can(viewer, 'impact.export', scopeOf(selection)) && !isBelowMinimum(loaded.responses.length);

export type EventImpact = {
  event: { id: string; slug: string; title: string };
  rounds: RoundOption[];
  /** The chosen round, or null for each participant's latest answers. */
  round: RoundOption | null;
  /** What the figures count, in words for the downloaded images. */
  selection: Selection;
  charts: SurveyCharts;
  stories: StoriesChart;
  /** The viewer may export, and there are enough answers to. */
  canExport: boolean;
};

/** An event's dashboard, for its participants, facilitators and admins (`impact.read`). */
export function getEventImpact(viewer: MaybeViewer, input: { slug: string; roundId?: string | null; locale: Locale }): EventImpact {
  const db = getDb();
  const { selection, rounds } = resolveSelection(db, viewer, 'impact.read', input);
  const event = selection.event!;
  const loaded = loadSelection(db, selection);
  return {
    event: { id: event.id, slug: event.slug, title: titleOf(event, input.locale) },
    rounds,
    round: selection.round,
    selection: selectionFor(selection, input.locale),
    charts: chartsOf(loaded),
    stories: loadStories(db, viewer!, event.id),
    canExport: canDownloadAnswers(viewer, selection, loaded),
  };
}

export type NetworkImpact = {
  events: { slug: string; title: string; row: ResponseRateRow<string>; isMine: boolean }[];
  charts: SurveyCharts;
  stories: StoriesChart;
  canExport: boolean;
};

/** The network's dashboard, for every member: events' response rates and the pooled figures. */
export function getNetworkImpact(viewer: MaybeViewer, locale: Locale): NetworkImpact {
  const db = getDb();
  const { selection } = resolveSelection(db, viewer, 'impact.read', {});
  const loaded = loadSelection(db, selection);
  return {
    events: loadEventBreakdown(db)
      .filter((entry) => can(viewer, 'event.read', entry.event))
      .map((entry) => ({ slug: entry.event.slug, title: titleOf(entry.event, locale), row: entry.row, isMine: can(viewer, 'impact.read', { event: entry.event }) })),
    charts: chartsOf(loaded),
    stories: loadStories(db, viewer!, null),
    canExport: canDownloadAnswers(viewer, selection, loaded),
  };
}

function selectionFor(selection: ImpactSelection, locale: Locale): Selection {
  return selection.event ? { kind: 'event', eventTitle: titleOf(selection.event, locale), round: selection.round } : { kind: 'network' };
}

/**
 * One chart, presented for a download: the same selection, policy and suppression as the page; a hidden
 * chart is not found (there is nothing to draw without its figures).
 */
export function getImpactChart(viewer: MaybeViewer, input: { chartKey: ChartKey; slug?: string | null; roundId?: string | null; locale: Locale }): PresentedChart & { status: 'shown'; fileName: string } {
  const db = getDb();
  const { selection } = resolveSelection(db, viewer, 'impact.read', input);
  const described = selectionFor(selection, input.locale);
  const chart =
    input.chartKey === 'stories'
      ? presentStories(input.locale, loadStories(db, viewer!, selection.event?.id ?? null), described)
      : presentShareChart(input.locale, chartsOf(loadSelection(db, selection))[input.chartKey], described);
  if (chart.status === 'hidden') throw new AppError('not_found');
  return { ...chart, fileName: `impact-${selection.event?.slug ?? 'network'}-${input.chartKey}` };
}

export type AnswersExport = { status: 'ready'; fileName: string; csv: string } | { status: 'refused' };

/**
 * The anonymised answers of a selection as CSV, for those who run the event's follow-up (the network's:
 * admins). Refused under 5 responses: rows of 3 people are as good as names to those who know them.
 */
export function exportImpactAnswers(viewer: MaybeViewer, input: { slug?: string | null; roundId?: string | null; randomIndex?: RandomIndex }): AnswersExport {
  const db = getDb();
  const { selection } = resolveSelection(db, viewer, 'impact.export', input);
  const loaded = loadSelection(db, selection);
  if (isBelowMinimum(loaded.responses.length)) return { status: 'refused' };
  const questions = loaded.roundIds.length
    ? db
        .select({ id: followUpQuestions.id, promptEn: followUpQuestions.promptEn })
        .from(followUpQuestions)
        .where(inArray(followUpQuestions.followUpId, loaded.roundIds))
        .orderBy(followUpQuestions.followUpId, followUpQuestions.sortOrder, followUpQuestions.createdAt)
        .all()
    : [];
  const rows = shuffle(loaded.responses, input.randomIndex ?? secureRandomIndex);
  const round = selection.round ? `-${selection.round.opensOn}` : '';
  return { status: 'ready', fileName: `impact-answers-${selection.event?.slug ?? 'network'}${round}.csv`, csv: toCsv(answerTable(rows, questions)) };
}
