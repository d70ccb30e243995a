import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema/accounts';
import {
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
  type CaseStudyStatus,
  type SectionKey,
} from '@/db/schema/case-studies';
import { events } from '@/db/schema/events';
import { topics } from '@/db/schema/taxonomy';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { emptyDocument, plainTextOf } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { syncSubjectThreads } from '@/lib/conversations/sync';
import { enqueueSearch } from '@/lib/search/outbox';
import { loadCaseStudy, type Tx } from './load';
import { CreateCallInput, CreateCaseStudyInput, PublishInput, ReviewCommentInput, SaveSectionInput, TransitionInput, UpdateMetadataInput } from './schemas';
import { completeness, editPermissionFor, isEditableStatus, nextStatus, type Transition } from './workflow';


/** Co-authors must belong to the owning organisation; topics must be the network's topic keys. */
function checkPeopleAndTopics(tx: Tx, organisationId: string, coAuthorIds: string[], topicKeys: string[]) {
  if (coAuthorIds.length) {
    const members = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, coAuthorIds), eq(users.isDisabled, false)))
      .all();
    if (members.length !== new Set(coAuthorIds).size) throw new AppError('invalid_input', 'errors.coauthor_not_member');
  }
  if (topicKeys.length) {
    const known = tx.select({ key: topics.key }).from(topics).where(inArray(topics.key, topicKeys)).all();
    if (known.length !== new Set(topicKeys).size) throw new AppError('invalid_input', 'errors.invalid_choice');
  }
}

function replaceMetadataLists(tx: Tx, caseStudyId: string, data: { countries: string[]; populations: string[]; topics: string[]; freeTags: string[] }) {
  tx.delete(caseStudyCountries).where(eq(caseStudyCountries.caseStudyId, caseStudyId)).run();
  tx.delete(caseStudyPopulations).where(eq(caseStudyPopulations.caseStudyId, caseStudyId)).run();
  tx.delete(caseStudyTopics).where(eq(caseStudyTopics.caseStudyId, caseStudyId)).run();
  for (const countryCode of new Set(data.countries)) tx.insert(caseStudyCountries).values({ caseStudyId, countryCode }).run();
  for (const populationKey of new Set(data.populations)) tx.insert(caseStudyPopulations).values({ caseStudyId, populationKey }).run();
  for (const topic of new Set(data.topics)) tx.insert(caseStudyTopics).values({ caseStudyId, topic, isFreeTag: false }).onConflictDoNothing().run();
  for (const topic of new Set(data.freeTags)) tx.insert(caseStudyTopics).values({ caseStudyId, topic, isFreeTag: true }).onConflictDoNothing().run();
}

function replaceCoAuthors(tx: Tx, caseStudyId: string, keepUserIds: string[]) {
  tx.delete(caseStudyAuthors).where(eq(caseStudyAuthors.caseStudyId, caseStudyId)).run();
  for (const userId of new Set(keepUserIds)) tx.insert(caseStudyAuthors).values({ caseStudyId, userId }).run();
}

export function createCaseStudy({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { id: string } {
  const data = CreateCaseStudyInput.parse(input);
  assertCan(viewer, 'caseStudy.create', { organisationId: data.organisationId });
  const id = newId();
  getDb().transaction(
    (tx) => {
      let eventId: string | null = null;
      if (data.callId) {
        const call = tx.select().from(calls).where(eq(calls.id, data.callId)).get();
        if (!call) throw new AppError('not_found');
        // Only an open call, and only for an organisation it expects (an empty list expects everyone).
        const today = new Date().toISOString().slice(0, 10);
        const expected = tx.select({ organisationId: callOrganisations.organisationId }).from(callOrganisations).where(eq(callOrganisations.callId, call.id)).all();
        if (call.opensOn > today || call.deadline < today) throw new AppError('conflict', 'errors.call_closed');
        if (expected.length && !expected.some((entry) => entry.organisationId === data.organisationId)) throw new AppError('invalid_input', 'errors.call_not_for_organisation');
        eventId = call.eventId;
      }
      checkPeopleAndTopics(tx, data.organisationId, data.coAuthorIds, data.topics);
      tx.insert(caseStudies)
        .values({ id, organisationId: data.organisationId, callId: data.callId ?? null, eventId, title: data.title, summary: data.summary, language: data.language, createdBy: viewer!.userId })
        .run();
      for (const key of sectionKeys) tx.insert(caseStudySections).values({ caseStudyId: id, key, content: emptyDocument, plainText: '', updatedBy: viewer!.userId }).run();
      replaceCoAuthors(tx, id, [viewer!.userId, ...data.coAuthorIds]);
      replaceMetadataLists(tx, id, data);
    },
    { behavior: 'immediate' },
  );
  return { id };
}

export function updateCaseStudyMetadata({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { version: number } {
  const data = UpdateMetadataInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { row, authorIds, facts } = loadCaseStudy(tx, data.caseStudyId);
      assertCan(viewer, editPermissionFor(row.status), facts);
      if (!isEditableStatus(row.status)) throw new AppError('conflict', 'errors.not_editable');
      if (row.version !== data.baseVersion) throw new AppError('conflict');
      checkPeopleAndTopics(tx, row.organisationId, data.coAuthorIds, data.topics);
      tx.update(caseStudies)
        .set({ title: data.title, summary: data.summary, language: data.language, version: row.version + 1, updatedAt: new Date() })
        .where(eq(caseStudies.id, row.id))
        .run();
      replaceMetadataLists(tx, row.id, data);
      // Drafts are never indexed; a published case study's document follows every edit.
      if (facts.isPublished) enqueueSearch(tx, 'case_study', row.id);
      // The original creator stays an author; the editor chooses the other co-authors.
      // Who writes is the editors' call: a co-author's save leaves the author list as it is.
      if (can(viewer, 'caseStudy.submit', facts)) {
        replaceCoAuthors(tx, row.id, [...(row.createdBy && authorIds.includes(row.createdBy) ? [row.createdBy] : []), ...data.coAuthorIds]);
      }
      return { version: row.version + 1 };
    },
    { behavior: 'immediate' },
  );
}

export type SaveSectionResult =
  | { status: 'saved'; version: number }
  | { status: 'conflict'; current: { content: unknown; version: number; updatedByName: string | null; updatedAt: Date } };

/**
 * Saves one section if nobody else saved it since `baseVersion`. On a conflict nothing is overwritten:
 * the caller gets the other version and keeps its own text, so neither is lost.
 */
export function saveCaseStudySection({ viewer, input }: { viewer: MaybeViewer; input: unknown }): SaveSectionResult {
  const data = SaveSectionInput.parse(input);
  const content = validateRichText(data.content);
  const plainText = plainTextOf(content);
  return getDb().transaction(
    (tx) => {
      const { row, facts } = loadCaseStudy(tx, data.caseStudyId);
      assertCan(viewer, editPermissionFor(row.status), facts);
      if (!isEditableStatus(row.status)) throw new AppError('conflict', 'errors.not_editable');
      const section = tx
        .select({ content: caseStudySections.content, version: caseStudySections.version, updatedAt: caseStudySections.updatedAt, updatedByName: users.displayName })
        .from(caseStudySections)
        .leftJoin(users, eq(users.id, caseStudySections.updatedBy))
        .where(and(eq(caseStudySections.caseStudyId, row.id), eq(caseStudySections.key, data.key)))
        .get();
      if (!section) throw new AppError('not_found');
      if (section.version !== data.baseVersion) return { status: 'conflict', current: section } as const;
      tx.update(caseStudySections)
        .set({ content, plainText, version: section.version + 1, updatedBy: viewer!.userId, updatedAt: new Date() })
        .where(and(eq(caseStudySections.caseStudyId, row.id), eq(caseStudySections.key, data.key)))
        .run();
      tx.update(caseStudies).set({ updatedAt: new Date() }).where(eq(caseStudies.id, row.id)).run();
      if (facts.isPublished) enqueueSearch(tx, 'case_study', row.id);
      return { status: 'saved', version: section.version + 1 } as const;
    },
    { behavior: 'immediate' },
  );
}

function snapshotRevision(tx: Tx, row: typeof caseStudies.$inferSelect, actorId: string) {
  const sections = tx.select().from(caseStudySections).where(eq(caseStudySections.caseStudyId, row.id)).all();
  const last = tx.select({ number: sql<number>`coalesce(max(${caseStudyRevisions.number}), 0)` }).from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, row.id)).get();
  const number = (last?.number ?? 0) + 1;
  tx.insert(caseStudyRevisions)
    .values({
      id: newId(),
      caseStudyId: row.id,
      number,
      title: row.title,
      summary: row.summary,
      sections: Object.fromEntries(sections.map((section) => [section.key, { content: section.content, plainText: section.plainText }])) as Record<SectionKey, { content: unknown; plainText: string }>,
      submittedBy: actorId,
    })
    .run();
  return { number, sections };
}

function assertComplete(sections: { key: SectionKey; plainText: string }[]) {
  const check = completeness(Object.fromEntries(sections.map((section) => [section.key, section.plainText])));
  if (!check.isComplete) throw new AppError('invalid_input', 'errors.case_study_incomplete');
}

function recordTransition(tx: Tx, caseStudyId: string, fromStatus: CaseStudyStatus, toStatus: CaseStudyStatus, actorId: string, note = '') {
  tx.insert(caseStudyTransitions).values({ caseStudyId, fromStatus, toStatus, actorId, note }).run();
}

// Which permission each move needs: editors move their organisation's work, facilitators review it.
const permissionFor = {
  submit: 'caseStudy.submit',
  requestChanges: 'caseStudy.review',
  accept: 'caseStudy.review',
  publish: 'caseStudy.publish',
  unpublish: 'caseStudy.publish',
  archive: 'caseStudy.publish',
  restore: 'caseStudy.publish',
  withdraw: 'caseStudy.submit',
  reopen: 'caseStudy.submit',
} as const satisfies Record<Transition, string>;

/** Every lifecycle move but publishing (which also sets the visibility): see publishCaseStudy. */
export function transitionCaseStudy({ viewer, input, transition }: { viewer: MaybeViewer; input: unknown; transition: Exclude<Transition, 'publish'> }) {
  const data = TransitionInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { row, facts } = loadCaseStudy(tx, data.caseStudyId);
      assertCan(viewer, permissionFor[transition], facts);
      const status = nextStatus(transition, row);
      if (transition === 'requestChanges' && !data.note) throw new AppError('invalid_input', 'errors.note_required');
      const now = new Date();
      let revisionNumber: number | null = null;
      if (transition === 'submit') {
        const { number, sections } = snapshotRevision(tx, row, viewer!.userId);
        assertComplete(sections);
        revisionNumber = number;
      }
      tx.update(caseStudies)
        .set({ status, updatedAt: now, ...(transition === 'submit' ? { submittedAt: now } : {}), ...(transition === 'unpublish' ? { publishedAt: null } : {}) })
        .where(eq(caseStudies.id, row.id))
        .run();
      recordTransition(tx, row.id, row.status, status, viewer!.userId, data.note ?? '');
      // Publishing, unpublishing, archiving: the worker adds or removes the documents.
      enqueueSearch(tx, 'case_study', row.id);
      syncSubjectThreads(tx, 'case_study', row.id);
      // A facilitator's note when requesting changes or accepting is kept as a comment on the whole.
      if (data.note && (transition === 'requestChanges' || transition === 'accept')) {
        tx.insert(reviewComments).values({ id: newId(), caseStudyId: row.id, revisionNumber: latestRevisionNumber(tx, row.id), sectionKey: null, authorId: viewer!.userId, body: data.note }).run();
      }
      return { status, revisionNumber };
    },
    { behavior: 'immediate' },
  );
}

function latestRevisionNumber(tx: Tx, caseStudyId: string): number {
  return tx.select({ number: sql<number>`coalesce(max(${caseStudyRevisions.number}), 0)` }).from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, caseStudyId)).get()?.number ?? 0;
}

export function publishCaseStudy({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = PublishInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { row, facts } = loadCaseStudy(tx, data.caseStudyId);
      assertCan(viewer, 'caseStudy.publish', facts);
      const status = nextStatus('publish', row);
      // Outside a call nobody reviewed it: the published text is kept as a revision, and it must be whole.
      if (row.status === 'draft') assertComplete(snapshotRevision(tx, row, viewer!.userId).sections);
      // `event` visibility needs an event to scope to.
      if (data.visibility === 'event' && !row.eventId) throw new AppError('invalid_input', 'errors.event_visibility_needs_event');
      tx.update(caseStudies).set({ status, visibility: data.visibility, publishedAt: new Date(), updatedAt: new Date() }).where(eq(caseStudies.id, row.id)).run();
      recordTransition(tx, row.id, row.status, status, viewer!.userId, `visibility=${data.visibility}`);
      enqueueSearch(tx, 'case_study', row.id);
      syncSubjectThreads(tx, 'case_study', row.id);
      return { status };
    },
    { behavior: 'immediate' },
  );
}

export function addReviewComment({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = ReviewCommentInput.parse(input);
  getDb().transaction(
    (tx) => {
      const { row, facts } = loadCaseStudy(tx, data.caseStudyId);
      assertCan(viewer, 'caseStudy.review', facts);
      if (row.status !== 'submitted') throw new AppError('conflict', 'errors.transition_not_allowed');
      tx.insert(reviewComments).values({ id: newId(), caseStudyId: row.id, revisionNumber: latestRevisionNumber(tx, row.id), sectionKey: data.sectionKey ?? null, authorId: viewer!.userId, body: data.body }).run();
    },
    { behavior: 'immediate' },
  );
}

export function createCall({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { id: string } {
  const data = CreateCallInput.parse(input);
  const id = newId();
  getDb().transaction(
    (tx) => {
      const event = tx.select({ id: events.id, visibility: events.visibility }).from(events).where(eq(events.id, data.eventId)).get();
      if (!event) throw new AppError('not_found');
      assertCan(viewer, 'call.manage', event);
      tx.insert(calls).values({ id, eventId: event.id, opensOn: data.opensOn, deadline: data.deadline, guidanceEn: data.guidanceEn ?? '', guidanceFr: data.guidanceFr ?? '', createdBy: viewer!.userId }).run();
      for (const organisationId of new Set(data.organisationIds)) tx.insert(callOrganisations).values({ callId: id, organisationId }).run();
    },
    { behavior: 'immediate' },
  );
  return { id };
}
