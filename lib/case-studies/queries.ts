import 'server-only';
import { diffWords } from 'diff';
import { and, asc, desc, eq, exists, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import {
  attachments,
  callOrganisations,
  calls,
  caseStudies,
  caseStudyAuthors,
  caseStudyCountries,
  caseStudyPopulations,
  caseStudyRevisions,
  caseStudySections,
  caseStudyTopics,
  caseStudyTransitions,
  reviewComments,
  sectionKeys,
} from '@/db/schema/case-studies';
import { events } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { AppError } from '@/lib/errors';
import { abilitiesFor, assertCan, can } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import { editorOrganisationIds, facilitatedEventIds, memberOrganisationIds } from '@/lib/policy/viewer-facts';
import type { Locale, MaybeViewer, Viewer } from '@/lib/policy/types';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import { caseStudyColumns, caseStudyFacts } from './facts';
import { availableTransitions, completeness, editPermissionFor, isEditableStatus, publishedStatuses, type Transition } from './workflow';

export type CaseStudyFilters = {
  eventId?: string;
  organisationId?: string;
  countryCode?: string;
  populationKey?: string;
  topic?: string;
  language?: 'en' | 'fr';
};

const cardColumns = {
  id: caseStudies.id,
  title: caseStudies.title,
  summary: caseStudies.summary,
  language: caseStudies.language,
  status: caseStudies.status,
  visibility: caseStudies.visibility,
  publishedAt: caseStudies.publishedAt,
  updatedAt: caseStudies.updatedAt,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  organisationVisibility: organisations.visibility,
  eventId: events.id,
  eventVisibility: events.visibility,
  eventSlug: events.slug,
  eventTitleEn: events.titleEn,
  eventTitleFr: events.titleFr,
};

type CardRow = { [K in keyof typeof cardColumns]: (typeof cardColumns)[K]['_']['data'] | (K extends 'eventId' | 'eventVisibility' | 'eventSlug' | 'eventTitleEn' | 'eventTitleFr' | 'publishedAt' ? null : never) };

/**
 * A public case study must not name a members-only organisation or event to someone who may not see it:
 * being listed as the author of work with criminalised groups is itself sensitive.
 */
function visibleOrganisation(viewer: MaybeViewer, organisation: { id: string; visibility: 'public' | 'members'; name: string; slug: string }) {
  return can(viewer, 'organisation.read', organisation) ? { name: organisation.name, slug: organisation.slug } : null;
}

function visibleEvent(viewer: MaybeViewer, event: { id: string; visibility: 'public' | 'members'; slug: string; title: string }) {
  return can(viewer, 'event.read', event) ? { id: event.id, slug: event.slug, title: event.title } : null;
}

/** Countries and populations for many case studies in two queries (no N+1). */
function attachFacets(viewer: MaybeViewer, rows: CardRow[], locale: Locale) {
  const ids = rows.map((row) => row.id);
  const db = getDb();
  const countryRows = ids.length ? db.select().from(caseStudyCountries).where(inArray(caseStudyCountries.caseStudyId, ids)).all() : [];
  const populationRows = ids.length ? db.select().from(caseStudyPopulations).where(inArray(caseStudyPopulations.caseStudyId, ids)).all() : [];
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    language: row.language,
    status: row.status,
    visibility: row.visibility,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    organisation: visibleOrganisation(viewer, { id: row.organisationId, visibility: row.organisationVisibility, name: row.organisationName, slug: row.organisationSlug }),
    event:
      row.eventId && row.eventVisibility && row.eventSlug
        ? visibleEvent(viewer, { id: row.eventId, visibility: row.eventVisibility, slug: row.eventSlug, title: (locale === 'fr' ? row.eventTitleFr : row.eventTitleEn) ?? '' })
        : null,
    countries: countryRows.filter((country) => country.caseStudyId === row.id).map((country) => country.countryCode),
    populations: populationRows.filter((population) => population.caseStudyId === row.id).map((population) => population.populationKey),
  }));
}
export type CaseStudyCard = ReturnType<typeof attachFacets>[number];

/** Card columns with the organisation and event they name; callers add the where, order and limit. */
function selectCards() {
  return getDb()
    .select(cardColumns)
    .from(caseStudies)
    .innerJoin(organisations, eq(organisations.id, caseStudies.organisationId))
    .leftJoin(events, eq(events.id, caseStudies.eventId));
}

function filterWhere(filters: CaseStudyFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.eventId) conditions.push(eq(caseStudies.eventId, filters.eventId));
  if (filters.organisationId) conditions.push(eq(caseStudies.organisationId, filters.organisationId));
  if (filters.language) conditions.push(eq(caseStudies.language, filters.language));
  if (filters.countryCode)
    conditions.push(exists(getDb().select({ one: sql`1` }).from(caseStudyCountries).where(and(eq(caseStudyCountries.caseStudyId, caseStudies.id), eq(caseStudyCountries.countryCode, filters.countryCode)))));
  if (filters.populationKey)
    conditions.push(exists(getDb().select({ one: sql`1` }).from(caseStudyPopulations).where(and(eq(caseStudyPopulations.caseStudyId, caseStudies.id), eq(caseStudyPopulations.populationKey, filters.populationKey)))));
  if (filters.topic)
    conditions.push(exists(getDb().select({ one: sql`1` }).from(caseStudyTopics).where(and(eq(caseStudyTopics.caseStudyId, caseStudies.id), eq(caseStudyTopics.topic, filters.topic)))));
  return conditions;
}

/** Published case studies the viewer may read, newest first, with the total under the same rule. */
export function listPublishedCaseStudies(viewer: MaybeViewer, locale: Locale, filters: CaseStudyFilters = {}, page = { limit: 20, offset: 0 }) {
  const db = getDb();
  const where = and(readableWhere(viewer, caseStudyColumns), eq(caseStudies.status, 'published'), ...filterWhere(filters));
  const rows = selectCards()
    .where(where)
    .orderBy(desc(caseStudies.publishedAt), asc(caseStudies.title))
    .limit(page.limit)
    .offset(page.offset)
    .all() as CardRow[];
  const total = db.select({ count: sql<number>`count(*)` }).from(caseStudies).where(where).get()?.count ?? 0;
  return { items: attachFacets(viewer, rows, locale), total };
}

const valueList = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

/**
 * Related practice for a case study: published work the viewer may read that shares its topics or key
 * populations, preferring other countries and other events (the point is to learn from elsewhere).
 * Scored in SQL: each shared topic counts 6 and each shared population 4, then another country adds 2 and
 * another event 1, so what is shared decides first and the preference for elsewhere breaks close calls.
 */
export function listRelatedCaseStudies(viewer: MaybeViewer, caseStudyId: string, locale: Locale, limit = 4) {
  const db = getDb();
  const source = db.select({ eventId: caseStudies.eventId }).from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get();
  if (!source) return [];
  const topicKeys = db.select({ topic: caseStudyTopics.topic }).from(caseStudyTopics).where(eq(caseStudyTopics.caseStudyId, caseStudyId)).all().map((row) => row.topic);
  const populationKeys = db.select({ key: caseStudyPopulations.populationKey }).from(caseStudyPopulations).where(eq(caseStudyPopulations.caseStudyId, caseStudyId)).all().map((row) => row.key);
  const countryCodes = db.select({ code: caseStudyCountries.countryCode }).from(caseStudyCountries).where(eq(caseStudyCountries.caseStudyId, caseStudyId)).all().map((row) => row.code);
  if (!topicKeys.length && !populationKeys.length) return [];

  const sharedTopics = topicKeys.length
    ? sql`(select count(*) from case_study_topics t where t.case_study_id = ${caseStudies.id} and t.topic in (${valueList(topicKeys)}))`
    : sql`0`;
  const sharedPopulations = populationKeys.length
    ? sql`(select count(*) from case_study_populations p where p.case_study_id = ${caseStudies.id} and p.population_key in (${valueList(populationKeys)}))`
    : sql`0`;
  const otherCountry = countryCodes.length
    ? sql`(not exists (select 1 from case_study_countries c where c.case_study_id = ${caseStudies.id} and c.country_code in (${valueList(countryCodes)})))`
    : sql`0`;
  const otherEvent = source.eventId ? sql`(${caseStudies.eventId} is null or ${caseStudies.eventId} <> ${source.eventId})` : sql`0`;
  const shared = sql`(3 * ${sharedTopics} + 2 * ${sharedPopulations})`;
  const rows = selectCards()
    .where(and(readableWhere(viewer, caseStudyColumns), eq(caseStudies.status, 'published'), sql`${caseStudies.id} <> ${caseStudyId}`, sql`${shared} > 0`))
    .orderBy(sql`2 * ${shared} + 2 * ${otherCountry} + ${otherEvent} desc`, desc(caseStudies.publishedAt))
    .limit(limit)
    .all() as CardRow[];
  return attachFacets(viewer, rows, locale);
}

/** Work in progress the viewer can edit: as an author, or as an editor of the owning organisation. */
export function listMyDrafts(viewer: Viewer, locale: Locale) {
  const editorOrganisations = editorOrganisationIds(viewer);
  // As caseStudy.edit: an author writes only while still a member of the owning organisation, so a
  // former co-author's old drafts are not "theirs" any more. No membership at all means nothing to list
  // (and keeps the `or` below from collapsing to no condition).
  const memberOrganisations = memberOrganisationIds(viewer);
  if (!memberOrganisations.length) return [];
  const rows = selectCards()
    .where(
      and(
        notInArray(caseStudies.status, [...publishedStatuses]),
        or(
          and(caseStudyColumns.authoredBy(viewer.userId), inArray(caseStudies.organisationId, memberOrganisations)),
          editorOrganisations.length ? inArray(caseStudies.organisationId, editorOrganisations) : undefined,
        ),
      ),
    )
    .orderBy(desc(caseStudies.updatedAt))
    .all() as CardRow[];
  return attachFacets(viewer, rows, locale);
}

/** Submissions waiting for this facilitator's review. */
export function listSubmissionsToReview(viewer: Viewer, locale: Locale) {
  const facilitated = facilitatedEventIds(viewer);
  if (!facilitated.length) return [];
  const rows = selectCards()
    .where(and(eq(caseStudies.status, 'submitted'), inArray(caseStudies.eventId, facilitated), readableWhere(viewer, caseStudyColumns)))
    .orderBy(asc(caseStudies.submittedAt))
    .all() as CardRow[];
  return attachFacets(viewer, rows, locale);
}

/** One case study as the viewer may see it: content, metadata, people, and what they may do with it. */
export function getCaseStudy(viewer: MaybeViewer, caseStudyId: string, locale: Locale) {
  const db = getDb();
  const row = db.select().from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get();
  if (!row) throw new AppError('not_found');
  const authors = db
    .select({ id: users.id, displayName: users.displayName })
    .from(caseStudyAuthors)
    .innerJoin(users, eq(users.id, caseStudyAuthors.userId))
    .where(eq(caseStudyAuthors.caseStudyId, caseStudyId))
    .orderBy(asc(users.displayName))
    .all();
  const facts = caseStudyFacts(row, authors.map((author) => author.id));
  assertCan(viewer, 'caseStudy.read', facts);

  const sectionRows = db.select().from(caseStudySections).where(eq(caseStudySections.caseStudyId, caseStudyId)).all();
  const sections = sectionKeys.map((key) => {
    const section = sectionRows.find((candidate) => candidate.key === key);
    return { key, content: (section?.content ?? null) as RichTextJson | null, plainText: section?.plainText ?? '', version: section?.version ?? 1 };
  });
  const organisationRow = db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug, visibility: organisations.visibility }).from(organisations).where(eq(organisations.id, row.organisationId)).get()!;
  const eventRow = row.eventId ? db.select({ id: events.id, slug: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, visibility: events.visibility }).from(events).where(eq(events.id, row.eventId)).get() : undefined;
  const organisation = visibleOrganisation(viewer, organisationRow);
  const event = eventRow ? visibleEvent(viewer, { ...eventRow, title: locale === 'fr' ? eventRow.titleFr : eventRow.titleEn }) : null;
  const topicRows = db.select().from(caseStudyTopics).where(eq(caseStudyTopics.caseStudyId, caseStudyId)).all();
  const abilities = abilitiesFor(viewer, ['caseStudy.edit', 'caseStudy.submit', 'caseStudy.publish', 'caseStudy.review', 'caseStudy.readReview'], facts);
  const permissionOf: Record<Transition, keyof typeof abilities> = {
    submit: 'caseStudy.submit', withdraw: 'caseStudy.submit', reopen: 'caseStudy.submit',
    requestChanges: 'caseStudy.review', accept: 'caseStudy.review',
    publish: 'caseStudy.publish', unpublish: 'caseStudy.publish', archive: 'caseStudy.publish', restore: 'caseStudy.publish',
  };
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    language: row.language,
    status: row.status,
    visibility: row.visibility,
    version: row.version,
    callId: row.callId,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    organisationId: organisationRow.id,
    organisation,
    event,
    authors,
    countries: db.select().from(caseStudyCountries).where(eq(caseStudyCountries.caseStudyId, caseStudyId)).all().map((country) => country.countryCode),
    populations: db.select().from(caseStudyPopulations).where(eq(caseStudyPopulations.caseStudyId, caseStudyId)).all().map((population) => population.populationKey),
    topics: topicRows.filter((topic) => !topic.isFreeTag).map((topic) => topic.topic),
    freeTags: topicRows.filter((topic) => topic.isFreeTag).map((topic) => topic.topic),
    sections,
    completeness: completeness(Object.fromEntries(sections.map((section) => [section.key, section.plainText]))),
    attachments: db.select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, byteSize: attachments.byteSize }).from(attachments).where(eq(attachments.caseStudyId, caseStudyId)).orderBy(asc(attachments.createdAt)).all(),
    reviewComments: abilities['caseStudy.readReview'] ? listReviewComments(caseStudyId) : [],
    abilities: { ...abilities, canEditNow: abilities[editPermissionFor(row.status)] && isEditableStatus(row.status) },
    transitions: availableTransitions(row).filter((transition) => abilities[permissionOf[transition]]),
  };
}
export type CaseStudyDetail = ReturnType<typeof getCaseStudy>;

function listReviewComments(caseStudyId: string) {
  return getDb()
    .select({ id: reviewComments.id, sectionKey: reviewComments.sectionKey, body: reviewComments.body, revisionNumber: reviewComments.revisionNumber, createdAt: reviewComments.createdAt, authorName: users.displayName })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorId))
    .where(eq(reviewComments.caseStudyId, caseStudyId))
    .orderBy(asc(reviewComments.createdAt))
    .all();
}

/**
 * Earlier versions are for the people who wrote and reviewed them (`caseStudy.readReview`), not for every
 * reader: review is where identifying details get taken out, and a public history or diff would put them
 * back in view. Everyone else sees the published text only, and gets "not found" here.
 */
function getCaseStudyForReview(viewer: MaybeViewer, caseStudyId: string, locale: Locale) {
  const caseStudy = getCaseStudy(viewer, caseStudyId, locale);
  if (!caseStudy.abilities['caseStudy.readReview']) throw new AppError('not_found');
  return caseStudy;
}

/** Submitted versions and the status history, for authors, editors and reviewers. */
export function getCaseStudyHistory(viewer: MaybeViewer, caseStudyId: string, locale: Locale) {
  const caseStudy = getCaseStudyForReview(viewer, caseStudyId, locale);
  const db = getDb();
  const revisions = db
    .select({ number: caseStudyRevisions.number, title: caseStudyRevisions.title, createdAt: caseStudyRevisions.createdAt, submittedByName: users.displayName })
    .from(caseStudyRevisions)
    .leftJoin(users, eq(users.id, caseStudyRevisions.submittedBy))
    .where(eq(caseStudyRevisions.caseStudyId, caseStudyId))
    .orderBy(desc(caseStudyRevisions.number))
    .all();
  const statusChanges = db
    .select({ fromStatus: caseStudyTransitions.fromStatus, toStatus: caseStudyTransitions.toStatus, createdAt: caseStudyTransitions.createdAt, actorName: users.displayName })
    .from(caseStudyTransitions)
    .leftJoin(users, eq(users.id, caseStudyTransitions.actorId))
    .where(eq(caseStudyTransitions.caseStudyId, caseStudyId))
    .orderBy(desc(caseStudyTransitions.id))
    .all();
  return { caseStudy, revisions, statusChanges };
}

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Section-by-section word diff between two submitted versions, for authors, editors and reviewers. */
export function getRevisionDiff(viewer: MaybeViewer, caseStudyId: string, fromNumber: number, toNumber: number, locale: Locale) {
  const caseStudy = getCaseStudyForReview(viewer, caseStudyId, locale);
  const load = (number: number) =>
    getDb().select().from(caseStudyRevisions).where(and(eq(caseStudyRevisions.caseStudyId, caseStudyId), eq(caseStudyRevisions.number, number))).get();
  const from = load(fromNumber);
  const to = load(toNumber);
  if (!from || !to) throw new AppError('not_found');
  const toParts = (before: string, after: string): DiffPart[] =>
    diffWords(before, after).map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
  return {
    caseStudy,
    from: { number: from.number, createdAt: from.createdAt },
    to: { number: to.number, createdAt: to.createdAt },
    title: toParts(from.title, to.title),
    summary: toParts(from.summary, to.summary),
    sections: sectionKeys.map((key) => {
      const before = from.sections[key]?.plainText ?? '';
      const after = to.sections[key]?.plainText ?? '';
      return { key, isChanged: before !== after, parts: toParts(before, after) };
    }),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** Calls an editor can answer now: open, and expecting one of the organisations they edit for (or anyone). */
export function listOpenCallsForEditor(viewer: Viewer, locale: Locale) {
  const editorOrganisations = editorOrganisationIds(viewer);
  if (!editorOrganisations.length) return [];
  const db = getDb();
  const rows = db
    .select({ id: calls.id, opensOn: calls.opensOn, deadline: calls.deadline, guidanceEn: calls.guidanceEn, guidanceFr: calls.guidanceFr, eventSlug: events.slug, eventTitleEn: events.titleEn, eventTitleFr: events.titleFr })
    .from(calls)
    .innerJoin(events, eq(events.id, calls.eventId))
    .where(and(sql`${calls.opensOn} <= ${today()}`, sql`${calls.deadline} >= ${today()}`))
    .orderBy(asc(calls.deadline))
    .all();
  const expected = rows.length ? db.select().from(callOrganisations).where(inArray(callOrganisations.callId, rows.map((row) => row.id))).all() : [];
  return rows
    .map((row) => {
      const expectedIds = expected.filter((entry) => entry.callId === row.id).map((entry) => entry.organisationId);
      const organisationIds = expectedIds.length ? editorOrganisations.filter((id) => expectedIds.includes(id)) : editorOrganisations;
      return {
        id: row.id,
        deadline: row.deadline,
        guidance: locale === 'fr' ? row.guidanceFr || row.guidanceEn : row.guidanceEn || row.guidanceFr,
        event: { slug: row.eventSlug, title: locale === 'fr' ? row.eventTitleFr : row.eventTitleEn },
        organisationIds,
      };
    })
    .filter((call) => call.organisationIds.length > 0);
}

export function getCall(callId: string) {
  const call = getDb().select().from(calls).where(eq(calls.id, callId)).get();
  if (!call) throw new AppError('not_found');
  return call;
}

/** Per expected organisation: not started, drafting or submitted. For the event's facilitators and admins. */
export function getCallProgress(viewer: MaybeViewer, callId: string) {
  const db = getDb();
  const call = getCall(callId);
  const event = db.select().from(events).where(eq(events.id, call.eventId)).get()!;
  assertCan(viewer, 'call.manage', event);
  const expected = db
    .select({ id: organisations.id, name: organisations.name })
    .from(callOrganisations)
    .innerJoin(organisations, eq(organisations.id, callOrganisations.organisationId))
    .where(eq(callOrganisations.callId, callId))
    .orderBy(asc(organisations.name))
    .all();
  const answers = db.select({ organisationId: caseStudies.organisationId, status: caseStudies.status }).from(caseStudies).where(eq(caseStudies.callId, callId)).all();
  const stageOf = (organisationId: string): 'not_started' | 'drafting' | 'submitted' => {
    const statuses = answers.filter((answer) => answer.organisationId === organisationId).map((answer) => answer.status);
    if (statuses.some((status) => ['submitted', 'accepted', 'published', 'archived'].includes(status))) return 'submitted';
    if (statuses.some((status) => status === 'draft' || status === 'changes_requested')) return 'drafting';
    return 'not_started';
  };
  return { call, event, organisations: expected.map((organisation) => ({ ...organisation, stage: stageOf(organisation.id) })) };
}

export function listCallsForEvent(viewer: MaybeViewer, eventId: string) {
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  if (!can(viewer, 'call.manage', event)) return [];
  return getDb().select().from(calls).where(eq(calls.eventId, eventId)).orderBy(desc(calls.deadline)).all();
}
