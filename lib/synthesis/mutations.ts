import 'server-only';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { events, eventSessions } from '@/db/schema/events';
import { sessionCaseStudies, synthesisReports, themeEvidence, themeRecurrences, themes, type ThemeKind } from '@/db/schema/synthesis';
import { loadCaseStudy, type Tx } from '@/lib/case-studies/load';
import { loadPost, loadThread } from '@/lib/conversations/load';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { plainTextOf, type RichTextJson } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { enqueueSearch } from '@/lib/search/outbox';
import { moveStoryThemeLinks } from '@/lib/stories/mutations';
import { loadManagedTheme, loadTheme } from './load';
import {
  CreateThemeInput,
  MergeThemesInput,
  PublishSynthesisReportInput,
  RecurrenceInput,
  ReorderThemesInput,
  SaveSynthesisReportInput,
  SessionCaseStudyInput,
  SynthesisReportRef,
  TagEvidenceInput,
  UntagEvidenceInput,
  UpdateThemeInput,
} from './schemas';

// The synthesis group's work: themes, the evidence tagged to them, recurrences across events, the report,
// and which case studies were presented in which session. Every write that changes a theme or its evidence
// adds a search outbox row for the theme in the same transaction.

const signedIn = (viewer: MaybeViewer): Viewer => {
  if (!viewer) throw new AppError('unauthenticated');
  return viewer;
};

/** An event the viewer may read (a members-only event is not found for visitors). */
function loadReadableEvent(tx: Tx, viewer: MaybeViewer, eventId: string) {
  const event = tx.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, 'event.read', event);
  return event;
}

/** Validated description in both languages, with the derived plain text. An absent one is stored as none. */
function descriptionsOf(data: { descriptionEn?: unknown; descriptionFr?: unknown }) {
  const one = (value: unknown): { json: RichTextJson | null; text: string } => {
    if (value === undefined) return { json: null, text: '' };
    const json = validateRichText(value, 'document');
    const text = plainTextOf(json);
    return { json: text ? json : null, text };
  };
  const en = one(data.descriptionEn);
  const fr = one(data.descriptionFr);
  return { descriptionEn: en.json, descriptionTextEn: en.text, descriptionFr: fr.json, descriptionTextFr: fr.text };
}

const sameEvent = (eventId: string | null) => (eventId === null ? isNull(themes.eventId) : eq(themes.eventId, eventId));

function nextSortOrder(tx: Tx, eventId: string | null, kind: ThemeKind): number {
  const row = tx
    .select({ last: sql<number | null>`max(${themes.sortOrder})` })
    .from(themes)
    .where(and(sameEvent(eventId), eq(themes.kind, kind), isNull(themes.mergedIntoId)))
    .get();
  return (row?.last ?? -1) + 1;
}

function assertNotMerged(row: { mergedIntoId: string | null }) {
  // A merged theme is only a pointer to where its evidence went; work continues on the target.
  if (row.mergedIntoId) throw new AppError('conflict', 'errors.theme_merged');
}

export function createTheme({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { id: string } {
  const data = CreateThemeInput.parse(input);
  const eventId = data.eventId ?? null;
  const descriptions = descriptionsOf(data);
  const id = newId();
  getDb().transaction(
    (tx) => {
      if (eventId) loadReadableEvent(tx, viewer, eventId);
      assertCan(viewer, 'synthesis.manage', { eventId });
      tx.insert(themes)
        .values({ id, eventId, kind: data.kind, titleEn: data.titleEn, titleFr: data.titleFr, ...descriptions, visibility: data.visibility, sortOrder: nextSortOrder(tx, eventId, data.kind), createdBy: viewer!.userId })
        .run();
      enqueueSearch(tx, 'theme', id);
    },
    { behavior: 'immediate' },
  );
  return { id };
}

/** Saves a theme if nobody else changed it since `baseVersion` (two facilitators renaming at once during a live session). */
export function updateTheme({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { version: number } {
  const data = UpdateThemeInput.parse(input);
  const descriptions = descriptionsOf(data);
  return getDb().transaction(
    (tx) => {
      const { row } = loadManagedTheme(tx, viewer, data.themeId);
      assertNotMerged(row);
      if (row.version !== data.baseVersion) throw new AppError('conflict');
      if ((data.kind === 'network_principle') !== (row.eventId === null)) throw new AppError('invalid_input', 'errors.invalid_choice');
      if (data.visibility === 'event' && row.eventId === null) throw new AppError('invalid_input', 'errors.event_visibility_needs_event');
      // A theme moved to another kind goes to the end of that kind's list.
      const sortOrder = data.kind === row.kind ? row.sortOrder : nextSortOrder(tx, row.eventId, data.kind);
      tx.update(themes)
        .set({ kind: data.kind, titleEn: data.titleEn, titleFr: data.titleFr, ...descriptions, visibility: data.visibility, sortOrder, version: row.version + 1, updatedAt: new Date() })
        .where(eq(themes.id, row.id))
        .run();
      enqueueSearch(tx, 'theme', row.id);
      return { version: row.version + 1 };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Sets the order of one event's themes of one kind. The list must be exactly the themes there now: a
 * theme added or merged by someone else meanwhile makes it a conflict rather than a silent reshuffle.
 * (Order is not searchable content: no outbox row.)
 */
export function reorderThemes({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = ReorderThemesInput.parse(input);
  const eventId = data.eventId ?? null;
  getDb().transaction(
    (tx) => {
      if (eventId) loadReadableEvent(tx, viewer, eventId);
      assertCan(viewer, 'synthesis.manage', { eventId });
      const current = tx.select({ id: themes.id }).from(themes).where(and(sameEvent(eventId), eq(themes.kind, data.kind), isNull(themes.mergedIntoId))).all();
      const wanted = new Set(data.themeIds);
      if (wanted.size !== data.themeIds.length || current.length !== wanted.size || current.some((theme) => !wanted.has(theme.id))) throw new AppError('conflict');
      data.themeIds.forEach((themeId, sortOrder) => tx.update(themes).set({ sortOrder }).where(eq(themes.id, themeId)).run());
    },
    { behavior: 'immediate' },
  );
}

export type MergeResult = { targetId: string; movedLinks: number; mergedDuplicates: number; movedRecurrences: number };

/**
 * Merges a theme into another of the same event: every evidence link and recurrence moves to the target.
 * A piece of evidence both already had stays once, keeping both notes. The source stays as a pointer
 * (`mergedIntoId`), so its old address leads to the target.
 */
export function mergeThemes({ viewer, input }: { viewer: MaybeViewer; input: unknown }): MergeResult {
  const data = MergeThemesInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const source = loadManagedTheme(tx, viewer, data.sourceId).row;
      const target = loadManagedTheme(tx, viewer, data.targetId).row;
      assertNotMerged(source);
      assertNotMerged(target);
      if (source.eventId !== target.eventId) throw new AppError('invalid_input', 'errors.merge_other_event');

      let movedLinks = 0;
      let mergedDuplicates = 0;
      const targetLinks = new Map(tx.select().from(themeEvidence).where(eq(themeEvidence.themeId, target.id)).all().map((link) => [link.targetKey, link]));
      for (const link of tx.select().from(themeEvidence).where(eq(themeEvidence.themeId, source.id)).all()) {
        const existing = targetLinks.get(link.targetKey);
        if (!existing) {
          tx.update(themeEvidence).set({ themeId: target.id }).where(eq(themeEvidence.id, link.id)).run();
          movedLinks += 1;
          continue;
        }
        const notes = [existing.note, link.note].map((note) => note.trim()).filter((note, index, all) => note && all.indexOf(note) === index);
        tx.update(themeEvidence)
          .set({ note: notes.join('\n'), sessionId: existing.sessionId ?? link.sessionId })
          .where(eq(themeEvidence.id, existing.id))
          .run();
        tx.delete(themeEvidence).where(eq(themeEvidence.id, link.id)).run();
        mergedDuplicates += 1;
      }

      // Recurrences are stored both ways; the target takes the source's, except one pointing at itself.
      const others = tx.select().from(themeRecurrences).where(eq(themeRecurrences.themeId, source.id)).all();
      let movedRecurrences = 0;
      for (const recurrence of others) {
        if (recurrence.otherThemeId === target.id) continue;
        const inserted = tx.insert(themeRecurrences).values({ themeId: target.id, otherThemeId: recurrence.otherThemeId, createdBy: recurrence.createdBy }).onConflictDoNothing().run();
        tx.insert(themeRecurrences).values({ themeId: recurrence.otherThemeId, otherThemeId: target.id, createdBy: recurrence.createdBy }).onConflictDoNothing().run();
        movedRecurrences += inserted.changes;
      }
      tx.delete(themeRecurrences).where(or(eq(themeRecurrences.themeId, source.id), eq(themeRecurrences.otherThemeId, source.id))).run();
      // Applied-learning stories linked to the source now count for the target.
      moveStoryThemeLinks(tx, source.id, target.id);

      const now = new Date();
      tx.update(themes).set({ mergedIntoId: target.id, version: source.version + 1, updatedAt: now }).where(eq(themes.id, source.id)).run();
      // Earlier merges into the source now point at the target directly, so a redirect is one step.
      const earlier = tx.select({ id: themes.id }).from(themes).where(eq(themes.mergedIntoId, source.id)).all().map((row) => row.id);
      if (earlier.length) tx.update(themes).set({ mergedIntoId: target.id }).where(inArray(themes.id, earlier)).run();
      tx.update(themes).set({ version: target.version + 1, updatedAt: now }).where(eq(themes.id, target.id)).run();
      enqueueSearch(tx, 'theme', [source.id, target.id]);
      // Case studies carry their themes as a search facet.
      enqueueSearch(tx, 'case_study', tx.select({ id: themeEvidence.caseStudyId }).from(themeEvidence).where(eq(themeEvidence.themeId, target.id)).all().flatMap((row) => (row.id ? [row.id] : [])));
      return { targetId: target.id, movedLinks, mergedDuplicates, movedRecurrences };
    },
    { behavior: 'immediate' },
  );
}

type EvidenceTarget = { targetType: 'case_study' | 'thread' | 'post'; targetKey: string; caseStudyId: string | null; sectionKey: TagEvidenceInput['sectionKey'] | null; threadId: string | null; postId: string | null };

/** The tagged thing, if the viewer may read it: a target they may not read is not found, like everywhere. */
function readableTarget(tx: Tx, viewer: MaybeViewer, data: TagEvidenceInput): EvidenceTarget {
  switch (data.targetType) {
    case 'case_study': {
      const { row, facts } = loadCaseStudy(tx, data.targetId);
      if (!can(viewer, 'caseStudy.read', facts)) throw new AppError('not_found');
      const sectionKey = data.sectionKey ?? null;
      return { targetType: 'case_study', targetKey: sectionKey ? `case_study:${row.id}:${sectionKey}` : `case_study:${row.id}`, caseStudyId: row.id, sectionKey, threadId: null, postId: null };
    }
    case 'thread': {
      const { row, facts } = loadThread(tx, data.targetId);
      if (!can(viewer, 'thread.read', facts)) throw new AppError('not_found');
      return { targetType: 'thread', targetKey: `thread:${row.id}`, caseStudyId: null, sectionKey: null, threadId: row.id, postId: null };
    }
    case 'post': {
      const { row, facts } = loadPost(tx, data.targetId);
      // A deleted or hidden post has no text to stand as evidence.
      if (!can(viewer, 'post.readText', facts) || row.hiddenAt) throw new AppError('not_found');
      return { targetType: 'post', targetKey: `post:${row.id}`, caseStudyId: null, sectionKey: null, threadId: row.threadId, postId: row.id };
    }
  }
}

/**
 * Links a piece of evidence to a theme, with who tagged it, when, during which session of the theme's
 * event, and a short note. Tagging it again updates the note (and session) instead of failing: the quick
 * tagger is used live, and a second tap should not be an error.
 */
export function tagEvidence({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { evidenceId: string; isNew: boolean } {
  const data = TagEvidenceInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const { row: theme } = loadManagedTheme(tx, viewer, data.themeId);
      const tagger = signedIn(viewer);
      assertNotMerged(theme);
      const target = readableTarget(tx, viewer, data);
      if (data.sessionId) {
        const session = tx.select({ eventId: eventSessions.eventId }).from(eventSessions).where(eq(eventSessions.id, data.sessionId)).get();
        if (!session || theme.eventId === null || session.eventId !== theme.eventId) throw new AppError('invalid_input', 'errors.session_not_in_event');
      }
      const existing = tx.select().from(themeEvidence).where(and(eq(themeEvidence.themeId, theme.id), eq(themeEvidence.targetKey, target.targetKey))).get();
      let result: { evidenceId: string; isNew: boolean };
      if (existing) {
        // The first tagger and time stay: they say when the evidence surfaced.
        tx.update(themeEvidence)
          .set({ note: data.note ?? existing.note, sessionId: data.sessionId ?? existing.sessionId })
          .where(eq(themeEvidence.id, existing.id))
          .run();
        result = { evidenceId: existing.id, isNew: false };
      } else {
        const evidenceId = newId();
        tx.insert(themeEvidence)
          .values({ id: evidenceId, themeId: theme.id, ...target, note: data.note ?? '', sessionId: data.sessionId ?? null, taggedBy: tagger.userId, taggedAt: new Date() })
          .run();
        result = { evidenceId, isNew: true };
      }
      enqueueSearch(tx, 'theme', theme.id);
      if (target.caseStudyId) enqueueSearch(tx, 'case_study', target.caseStudyId);
      return result;
    },
    { behavior: 'immediate' },
  );
}

/** Removes one evidence link. The group manages its theme's links, even to something it can no longer read. */
export function untagEvidence({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { themeId: string } {
  const data = UntagEvidenceInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const link = tx.select().from(themeEvidence).where(eq(themeEvidence.id, data.evidenceId)).get();
      if (!link) throw new AppError('not_found');
      loadManagedTheme(tx, viewer, link.themeId);
      tx.delete(themeEvidence).where(eq(themeEvidence.id, link.id)).run();
      enqueueSearch(tx, 'theme', link.themeId);
      if (link.caseStudyId) enqueueSearch(tx, 'case_study', link.caseStudyId);
      return { themeId: link.themeId };
    },
    { behavior: 'immediate' },
  );
}

/** The two themes of a recurrence: the viewer works on the first and may read the second, of another event. */
function recurrencePair(tx: Tx, viewer: MaybeViewer, input: unknown) {
  const data = RecurrenceInput.parse(input);
  const theme = loadManagedTheme(tx, viewer, data.themeId).row;
  const other = loadTheme(tx, data.otherThemeId);
  if (!can(viewer, 'theme.read', other.facts)) throw new AppError('not_found');
  return { theme, other: other.row };
}

/** Marks that a theme recurs in another event (e.g. safety and security), stored both ways. */
export function markRecurring({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  getDb().transaction(
    (tx) => {
      const { theme, other } = recurrencePair(tx, viewer, input);
      assertNotMerged(theme);
      assertNotMerged(other);
      if (theme.eventId === other.eventId) throw new AppError('invalid_input', 'errors.recurring_same_event');
      for (const [themeId, otherThemeId] of [[theme.id, other.id], [other.id, theme.id]] as const) {
        tx.insert(themeRecurrences).values({ themeId, otherThemeId, createdBy: viewer!.userId }).onConflictDoNothing().run();
      }
      enqueueSearch(tx, 'theme', [theme.id, other.id]);
    },
    { behavior: 'immediate' },
  );
}

export function unmarkRecurring({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  getDb().transaction(
    (tx) => {
      const { theme, other } = recurrencePair(tx, viewer, input);
      tx.delete(themeRecurrences)
        .where(
          or(
            and(eq(themeRecurrences.themeId, theme.id), eq(themeRecurrences.otherThemeId, other.id)),
            and(eq(themeRecurrences.themeId, other.id), eq(themeRecurrences.otherThemeId, theme.id)),
          ),
        )
        .run();
      enqueueSearch(tx, 'theme', [theme.id, other.id]);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Saves an event's synthesis report (title and narrative in each language, visibility), creating it on the
 * first save. Concurrent edits are refused with a conflict rather than overwritten.
 */
export function saveSynthesisReport({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { version: number } {
  const data = SaveSynthesisReportInput.parse(input);
  const narrative = (value: unknown) => (value === undefined ? null : validateRichText(value, 'document'));
  const narrativeEn = narrative(data.narrativeEn);
  const narrativeFr = narrative(data.narrativeFr);
  return getDb().transaction(
    (tx) => {
      loadReadableEvent(tx, viewer, data.eventId);
      assertCan(viewer, 'synthesis.manage', { eventId: data.eventId });
      const existing = tx.select().from(synthesisReports).where(eq(synthesisReports.eventId, data.eventId)).get();
      const fields = { titleEn: data.titleEn ?? '', titleFr: data.titleFr ?? '', narrativeEn, narrativeFr, visibility: data.visibility, updatedBy: viewer!.userId, updatedAt: new Date() };
      if (!existing) {
        // Someone else created it after this editor opened the empty form.
        if (data.baseVersion !== undefined) throw new AppError('conflict');
        tx.insert(synthesisReports).values({ eventId: data.eventId, ...fields, version: 1 }).run();
        return { version: 1 };
      }
      if (existing.version !== data.baseVersion) throw new AppError('conflict');
      tx.update(synthesisReports).set({ ...fields, version: existing.version + 1 }).where(eq(synthesisReports.eventId, data.eventId)).run();
      return { version: existing.version + 1 };
    },
    { behavior: 'immediate' },
  );
}

function loadManagedReport(tx: Tx, viewer: MaybeViewer, eventId: string) {
  loadReadableEvent(tx, viewer, eventId);
  assertCan(viewer, 'synthesis.manage', { eventId });
  const report = tx.select().from(synthesisReports).where(eq(synthesisReports.eventId, eventId)).get();
  if (!report) throw new AppError('not_found');
  return report;
}

/** Publishes the report with its visibility (or a new one); publishing again only changes the visibility. */
export function publishSynthesisReport({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = PublishSynthesisReportInput.parse(input);
  getDb().transaction(
    (tx) => {
      const report = loadManagedReport(tx, viewer, data.eventId);
      tx.update(synthesisReports)
        .set({ publishedAt: report.publishedAt ?? new Date(), visibility: data.visibility ?? report.visibility, version: report.version + 1, updatedBy: viewer!.userId, updatedAt: new Date() })
        .where(eq(synthesisReports.eventId, report.eventId))
        .run();
    },
    { behavior: 'immediate' },
  );
}

export function unpublishSynthesisReport({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = SynthesisReportRef.parse(input);
  getDb().transaction(
    (tx) => {
      const report = loadManagedReport(tx, viewer, data.eventId);
      tx.update(synthesisReports).set({ publishedAt: null, version: report.version + 1, updatedBy: viewer!.userId, updatedAt: new Date() }).where(eq(synthesisReports.eventId, report.eventId)).run();
    },
    { behavior: 'immediate' },
  );
}

function loadManagedSession(tx: Tx, viewer: MaybeViewer, sessionId: string) {
  const session = tx.select().from(eventSessions).where(eq(eventSessions.id, sessionId)).get();
  if (!session) throw new AppError('not_found');
  const event = tx.select().from(events).where(eq(events.id, session.eventId)).get()!;
  assertCan(viewer, 'event.manageProgramme', event);
  return session;
}

/**
 * Records that a case study was presented in a session, so evidence can say where it surfaced. The case
 * study is one written for the session's event, or published work the facilitator may read (a guest
 * presentation of earlier work); one they may not read is not found.
 */
export function linkSessionCaseStudy({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = SessionCaseStudyInput.parse(input);
  getDb().transaction(
    (tx) => {
      const session = loadManagedSession(tx, viewer, data.sessionId);
      const { row, facts } = loadCaseStudy(tx, data.caseStudyId);
      if (!can(viewer, 'caseStudy.read', facts)) throw new AppError('not_found');
      if (row.eventId !== session.eventId && !facts.isPublished) throw new AppError('invalid_input', 'errors.case_study_not_in_event');
      tx.insert(sessionCaseStudies).values({ sessionId: session.id, caseStudyId: row.id }).onConflictDoNothing().run();
    },
    { behavior: 'immediate' },
  );
}

export function unlinkSessionCaseStudy({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = SessionCaseStudyInput.parse(input);
  getDb().transaction(
    (tx) => {
      const session = loadManagedSession(tx, viewer, data.sessionId);
      tx.delete(sessionCaseStudies).where(and(eq(sessionCaseStudies.sessionId, session.id), eq(sessionCaseStudies.caseStudyId, data.caseStudyId))).run();
    },
    { behavior: 'immediate' },
  );
}
