import { asc, eq, gt, isNull } from 'drizzle-orm';
import type { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseStudies } from '@/db/schema/case-studies';
import { searchOutbox } from '@/db/schema/search';
import { insertCall, insertCaseStudy, insertOrganisation } from '@/db/seed/factories';
import { updateCaseStudyMetadata } from '@/lib/case-studies/mutations';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import { buildAllDocuments, expectedDocumentCount, type SearchDocument } from '@/lib/search/documents';
import { drainOutbox } from '@/lib/search/outbox';
import { reindexAll } from '@/lib/search/reindex';
import { ensureSearchIndex } from '@/lib/search/settings';
import type { SearchTarget } from '@/lib/search/target';
import { prepareSearchIndex, startSearchWorker } from '@/lib/search/worker';
import { caseStudyInput, paragraphs } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { seedPersonas, type Personas } from '../../support/personas';
import { indexedDocuments, removeTestIndex, searchAs, taskWait, testSearchTarget } from '../../support/search';

// A rebuild must leave the live index holding exactly what SQLite says (and nothing stale), without losing a
// write that lands while it runs. expectedDocumentCount is the cheap drift check at start: it must agree
// with buildAllDocuments on every kind of case study.

let personas: Personas;
const ids: Record<string, string> = {};
const db = () => testDb();

const lessonsText = (word: string): RichTextJson => paragraphs(`The ${word} team learned to ask first.`);

beforeAll(async () => {
  personas = await seedPersonas();
  const database = db();
  database.transaction(() => {
    insertOrganisation(database, { name: 'Third Organisation', type: 'linking_organisation', countryCode: 'TZ', populations: ['msm', 'pwud'], visibility: 'public' });
    const callId = insertCall(database, { eventId: personas.eventId, opensOn: '2020-01-01', deadline: '2040-01-01', organisationIds: [personas.organisationId] });
    const add = (key: string, input: { status: 'published' | 'archived' | 'draft' | 'submitted' | 'changes_requested' | 'accepted' | 'withdrawn'; visibility?: 'public' | 'members' | 'event' | 'organisation'; lessons: boolean; viaCall?: boolean }) => {
      ids[key] = insertCaseStudy(database, {
        organisationId: personas.organisationId,
        callId: input.viaCall ? callId : null,
        eventId: personas.eventId,
        title: `The ${key} case study`,
        summary: `About ${key}.`,
        language: 'en',
        visibility: input.visibility ?? 'public',
        status: input.status,
        authorIds: [personas.userIds.organisationEditor],
        reviewerId: personas.userIds.eventFacilitator,
        countries: ['KE'],
        populations: ['sex_workers'],
        topics: ['community-engagement'],
        freeTags: ['drop-in'],
        sections: { problem: paragraphs(`The ${key} problem.`), ...(input.lessons ? { lessons: lessonsText(key) } : {}) },
      });
    };
    add('publishedWithLessons', { status: 'published', lessons: true });
    add('publishedWithoutLessons', { status: 'published', visibility: 'members', lessons: false });
    add('archivedWithLessons', { status: 'archived', visibility: 'organisation', lessons: true });
    add('archivedWithoutLessons', { status: 'archived', lessons: false });
    add('publishedThroughCall', { status: 'published', visibility: 'event', lessons: true, viaCall: true });
    add('draft', { status: 'draft', lessons: true });
    add('submitted', { status: 'submitted', lessons: true, viaCall: true });
    add('changesRequested', { status: 'changes_requested', lessons: true, viaCall: true });
    add('accepted', { status: 'accepted', lessons: true, viaCall: true });
    add('withdrawn', { status: 'withdrawn', lessons: true });
  });
}, 120_000);

const sortedById = <T extends { id: string }>(documents: readonly T[]) => [...documents].sort((a, b) => a.id.localeCompare(b.id));

async function expectIndexMatchesSqlite(target: SearchTarget) {
  const indexed = await indexedDocuments(target);
  expect(indexed).toEqual(sortedById(buildAllDocuments(db())));
  expect((await target.client.index(target.indexUid).getStats()).numberOfDocuments).toBe(expectedDocumentCount(db()));
}

describe('expectedDocumentCount', () => {
  it('agrees with buildAllDocuments and with a count by hand on a varied dataset', () => {
    const documents = buildAllDocuments(db());
    const organisationCount = 3;
    // Published and archived case studies: one document each, plus one per non-empty lessons section.
    const byHand = ['publishedWithLessons', 'publishedWithoutLessons', 'archivedWithLessons', 'archivedWithoutLessons', 'publishedThroughCall'].length + 3 + organisationCount;
    expect(expectedDocumentCount(db())).toBe(byHand);
    expect(documents).toHaveLength(byHand);
    const expectedIds = [
      ...['publishedWithLessons', 'publishedWithoutLessons', 'archivedWithLessons', 'archivedWithoutLessons', 'publishedThroughCall'].map((key) => `case_study-${ids[key]}`),
      ...['publishedWithLessons', 'archivedWithLessons', 'publishedThroughCall'].map((key) => `lesson-${ids[key]}`),
    ];
    expect(documents.filter((document) => document.type !== 'organisation').map((document) => document.id).sort()).toEqual(expectedIds.sort());
  });

  it('carries the policy facts and facets of each case study', () => {
    const documents = new Map(buildAllDocuments(db()).map((document) => [document.id, document]));
    expect(documents.get(`case_study-${ids.publishedThroughCall}`)).toMatchObject({
      type: 'case_study',
      sourceId: ids.publishedThroughCall,
      visibility: 'event',
      isPublished: true,
      isSubmitted: true,
      organisationId: personas.organisationId,
      eventId: personas.eventId,
      authorIds: [personas.userIds.organisationEditor],
      countries: ['KE'],
      populations: ['sex_workers'],
      topics: ['community-engagement'],
      path: `/case-studies/${ids.publishedThroughCall}`,
    } satisfies Partial<SearchDocument>);
    expect(documents.get(`lesson-${ids.publishedThroughCall}`)).toMatchObject({ type: 'lesson', sections: { lessons: 'The publishedThroughCall team learned to ask first.' }, summary: '', path: `/case-studies/${ids.publishedThroughCall}#section-lessons` });
    expect(documents.get(`case_study-${ids.archivedWithoutLessons}`)).toMatchObject({ isPublished: true, isSubmitted: false });
  });

  it('follows an emptied lessons section and an unpublished case study', () => {
    const before = expectedDocumentCount(db());
    db().update(caseStudies).set({ status: 'draft' }).where(eq(caseStudies.id, ids.archivedWithoutLessons!)).run();
    try {
      expect(expectedDocumentCount(db())).toBe(before - 1);
      expect(buildAllDocuments(db())).toHaveLength(before - 1);
    } finally {
      db().update(caseStudies).set({ status: 'archived' }).where(eq(caseStudies.id, ids.archivedWithoutLessons!)).run();
    }
  });
});

describe('reindexAll', () => {
  const target = testSearchTarget('search_reindex');

  afterAll(async () => {
    await removeTestIndex(target);
  }, 120_000);

  it('replaces a live index holding stale documents with exactly what SQLite holds', async () => {
    await ensureSearchIndex(target);
    const [current] = buildAllDocuments(db()).filter((document) => document.id === `case_study-${ids.publishedWithLessons}`);
    const stale = [
      { ...current!, title: 'A stale title' },
      { ...current!, id: 'case_study-ghost', sourceId: 'ghost' },
      { ...current!, id: `case_study-${ids.draft}`, sourceId: ids.draft! },
    ];
    const added = await target.client.index(target.indexUid).addDocuments(stale).waitTask(taskWait);
    expect(added.status).toBe('succeeded');

    const result = await reindexAll(db(), target);
    expect(result.documents).toBe(expectedDocumentCount(db()));
    await expectIndexMatchesSqlite(target);
    // The rebuilt index is the live one now, with its settings: the viewer filter and facets work on it.
    const found = await searchAs(db(), target, personas.viewers.organisationMember, { q: 'publishedWithLessons', country: 'KE' });
    expect(found.hits.map((hit) => hit.id).sort()).toEqual([`case_study-${ids.publishedWithLessons}`, `lesson-${ids.publishedWithLessons}`].sort());
    // The swapped-out index goes too (its deletion is a task reindexAll does not wait for).
    await vi.waitFor(
      async () => {
        const { results } = await target.client.getIndexes({ limit: 1_000 });
        expect(results.map((index) => index.uid).filter((uid) => uid.startsWith(`${target.indexUid}_next_`))).toEqual([]);
      },
      { timeout: 60_000, interval: 200 },
    );
  }, 120_000);

  it('replays a write that landed while it ran, so the swapped-in index does not miss it', async () => {
    await drainOutbox(db(), target);
    expect(db().select().from(searchOutbox).where(isNull(searchOutbox.processedAt)).all()).toEqual([]);
    const caseStudyId = ids.publishedWithLessons!;
    let writeRowId = 0;
    // The real client, with a real write made (and drained into the live index, as the worker would) after
    // reindexAll read its snapshot and just before it swaps: the moment a concurrent write is lost without replay.
    const client = new Proxy(target.client, {
      get(real, property) {
        if (property === 'swapIndexes') {
          return async (...args: Parameters<Meilisearch['swapIndexes']>) => {
            const version = db().select({ version: caseStudies.version }).from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get()!.version;
            updateCaseStudyMetadata({ viewer: personas.viewers.organisationEditor, input: { ...caseStudyInput(personas.organisationId, { title: 'The nectarine case study' }), caseStudyId, baseVersion: version } });
            writeRowId = db().select({ id: searchOutbox.id }).from(searchOutbox).orderBy(asc(searchOutbox.id)).all().at(-1)!.id;
            const drained = await drainOutbox(db(), target);
            expect(drained).toEqual({ processed: 1, failed: 0 });
            return real.swapIndexes(...args);
          };
        }
        const value: unknown = Reflect.get(real, property, real);
        return typeof value === 'function' ? value.bind(real) : value;
      },
    });
    await reindexAll(db(), { client, indexUid: target.indexUid });
    expect(writeRowId).toBeGreaterThan(0);

    // The rebuilt index was read before the write, and the write's row is already processed ...
    expect((await searchAs(db(), target, null, { q: 'nectarine' })).total).toBe(0);
    // ... so the rebuild enqueued it again: one new row, for that case study only, after the write's row.
    const replayed = db().select().from(searchOutbox).where(gt(searchOutbox.id, writeRowId)).all();
    expect(replayed).toEqual([expect.objectContaining({ entityType: 'case_study', entityId: caseStudyId, processedAt: null })]);

    expect((await drainOutbox(db(), target)).processed).toBe(1);
    const hits = (await searchAs(db(), target, null, { q: 'nectarine' })).hits;
    expect(hits.map((hit) => hit.id).sort()).toEqual([`case_study-${caseStudyId}`, `lesson-${caseStudyId}`].sort());
    await expectIndexMatchesSqlite(target);
  }, 120_000);

  it('does not replay rows from before its snapshot', async () => {
    const rowsBefore = db().select({ id: searchOutbox.id }).from(searchOutbox).all().length;
    await reindexAll(db(), target);
    expect(db().select({ id: searchOutbox.id }).from(searchOutbox).all()).toHaveLength(rowsBefore);
    await expectIndexMatchesSqlite(target);
  }, 120_000);
});

describe('prepareSearchIndex and the worker', () => {
  const prepared = testSearchTarget('search_prepare');
  const worked = testSearchTarget('search_worker');

  afterAll(async () => {
    await Promise.all([removeTestIndex(prepared), removeTestIndex(worked)]);
  }, 120_000);

  it('builds a missing index, leaves a matching one alone, and rebuilds one that drifted', async () => {
    const log: string[] = [];
    await prepareSearchIndex(db(), prepared, (line) => log.push(line));
    expect(log).toHaveLength(1);
    await expectIndexMatchesSqlite(prepared);

    await prepareSearchIndex(db(), prepared, (line) => log.push(line));
    expect(log).toHaveLength(1);

    const removed = await prepared.client.index(prepared.indexUid).deleteDocument(`lesson-${ids.archivedWithLessons}`).waitTask(taskWait);
    expect(removed.status).toBe('succeeded');
    await prepareSearchIndex(db(), prepared, (line) => log.push(line));
    expect(log).toHaveLength(2);
    await expectIndexMatchesSqlite(prepared);
  }, 120_000);

  it('drains writes continuously once started', async () => {
    const log: string[] = [];
    const worker = startSearchWorker(db(), worked, (line) => log.push(line));
    try {
      await worker.ready;
      const caseStudyId = ids.publishedWithoutLessons!;
      const version = db().select({ version: caseStudies.version }).from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get()!.version;
      updateCaseStudyMetadata({ viewer: personas.viewers.organisationEditor, input: { ...caseStudyInput(personas.organisationId, { title: 'The apricot case study' }), caseStudyId, baseVersion: version } });
      await vi.waitFor(
        async () => {
          const hits = (await searchAs(db(), worked, personas.viewers.organisationMember, { q: 'apricot' })).hits;
          expect(hits.map((hit) => hit.sourceId)).toEqual([caseStudyId]);
        },
        { timeout: 60_000, interval: 200 },
      );
    } finally {
      await worker.stop();
    }
    expect(log.filter((line) => line.includes('failed'))).toEqual([]);
  }, 120_000);
});
