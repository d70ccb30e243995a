import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { asc, eq, inArray, isNull } from 'drizzle-orm';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseStudies, sectionKeys, type SectionKey } from '@/db/schema/case-studies';
import { searchOutbox } from '@/db/schema/search';
import { insertCaseStudy } from '@/db/seed/factories';
import { publishCaseStudy, saveCaseStudySection, transitionCaseStudy, updateCaseStudyMetadata } from '@/lib/case-studies/mutations';
import { updateOrganisation } from '@/lib/organisations/mutations';
import type { Viewer } from '@/lib/policy/types';
import { emptyDocument, type RichTextJson } from '@/lib/rich-text/plain-text';
import { buildAllDocuments, expectedDocumentCount } from '@/lib/search/documents';
import { findFreePort, startMeilisearch, type MeiliProcess } from '@/lib/search/meili-process';
import { drainOutbox, drainOutboxBatch, enqueueSearch, outboxLag, purgeProcessedOutbox } from '@/lib/search/outbox';
import { reindexAll } from '@/lib/search/reindex';
import type { SearchTarget } from '@/lib/search/target';
import { caseStudyInput, paragraphs, sectionVersion } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, type Personas } from '../../support/personas';
import { indexedDocuments, removeTestIndex, searchAs, testSearchTarget } from '../../support/search';

// The outbox is how the index follows SQLite: every write that changes searchable content adds a row in its
// own transaction, and the drain applies rows to Meilisearch, retrying with backoff while it is away.

let personas: Personas;
let editor: Viewer;
const target = testSearchTarget('search_outbox');
const db = () => testDb();
const ids: Record<string, string> = {};
let ownMeili: MeiliProcess | undefined;

/** All five sections, so the case study is complete (publishing a draft needs that). */
function allSections(word: string, lessons = true): Partial<Record<SectionKey, RichTextJson>> {
  return Object.fromEntries(sectionKeys.filter((key) => lessons || key !== 'lessons').map((key) => [key, paragraphs(`The ${key} part of the ${word} story.`)]));
}

function insertOwned(key: string, word: string, status: 'published' | 'draft', lessons = true) {
  ids[key] = insertCaseStudy(db(), {
    organisationId: personas.organisationId,
    title: `The ${word} programme`,
    summary: `What the ${word} programme did for peers.`,
    language: 'en',
    visibility: 'public',
    status,
    authorIds: [personas.userIds.organisationEditor],
    countries: ['KE'],
    sections: allSections(word, lessons),
  });
}

const outboxRowsOf = (entityId: string) => db().select().from(searchOutbox).where(eq(searchOutbox.entityId, entityId)).orderBy(asc(searchOutbox.id)).all();
const pendingRows = () => db().select().from(searchOutbox).where(isNull(searchOutbox.processedAt)).orderBy(asc(searchOutbox.id)).all();
const versionOf = (caseStudyId: string) => db().select({ version: caseStudies.version }).from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get()!.version;
const titleOf = (caseStudyId: string) => db().select({ title: caseStudies.title }).from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get()!.title;

function editMetadata(viewer: Viewer, caseStudyId: string, title: string, baseVersion = versionOf(caseStudyId)) {
  return updateCaseStudyMetadata({ viewer, input: { ...caseStudyInput(personas.organisationId, { title }), caseStudyId, baseVersion } });
}

function saveSection(viewer: Viewer, caseStudyId: string, key: SectionKey, content: RichTextJson, baseVersion = sectionVersion(caseStudyId, key)) {
  return saveCaseStudySection({ viewer, input: { caseStudyId, key, content, baseVersion } });
}

/** Drains until nothing is due, failing the test if Meilisearch refused anything. */
async function drainAll(into: SearchTarget, now?: () => number) {
  const result = await drainOutbox(db(), into, now ? { now } : {});
  expect(result.error).toBeUndefined();
  expect(result.failed).toBe(0);
  return result;
}

const sortedById = <T extends { id: string }>(documents: T[]) => [...documents].sort((a, b) => a.id.localeCompare(b.id));

/** The index holds exactly what SQLite says it should: every document once, each as buildAllDocuments makes it. */
async function expectIndexMatchesSqlite(into: SearchTarget) {
  const indexed = await indexedDocuments(into);
  expect(new Set(indexed.map((document) => document.id)).size).toBe(indexed.length);
  expect(indexed).toEqual(sortedById(buildAllDocuments(db())));
  expect((await into.client.index(into.indexUid).getStats()).numberOfDocuments).toBe(expectedDocumentCount(db()));
}

beforeAll(async () => {
  personas = await seedPersonas();
  editor = personas.viewers.organisationEditor!;
  db().transaction(() => {
    insertOwned('edited', 'guava', 'published');
    insertOwned('unpublished', 'quince', 'published');
    insertOwned('toPublish', 'medlar', 'draft');
    insertOwned('archived', 'loquat', 'published', false);
    insertOwned('draft', 'sapodilla', 'draft');
  });
  await reindexAll(db(), target);
}, 120_000);

afterAll(async () => {
  await ownMeili?.stop();
  await removeTestIndex(target);
}, 120_000);

describe('writes add outbox rows in their own transaction', () => {
  it('a metadata edit of published work adds one pending row for its case study, synchronously', () => {
    const before = outboxRowsOf(ids.edited!).length;
    const result = editMetadata(editor, ids.edited!, 'The guava programme, second edition');
    // Mutations are synchronous: a write never waits for Meilisearch.
    expect(result).not.toBeInstanceOf(Promise);
    const rows = outboxRowsOf(ids.edited!);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ entityType: 'case_study', entityId: ids.edited, attempts: 0, processedAt: null, lastError: null });
  });

  it('commits the content and its outbox row together: when the outbox insert fails, the edit rolls back', () => {
    const title = titleOf(ids.edited!);
    const version = versionOf(ids.edited!);
    const lessons = sectionVersion(ids.edited!, 'lessons');
    const rows = outboxRowsOf(ids.edited!).length;
    db().$client.exec("create trigger refuse_outbox before insert on search_outbox begin select raise(abort, 'outbox refused'); end");
    try {
      expect(() => editMetadata(editor, ids.edited!, 'A title that must not be saved')).toThrow(/outbox refused/);
      expect(() => saveSection(editor, ids.edited!, 'lessons', paragraphs('A lesson that must not be saved.'))).toThrow(/outbox refused/);
    } finally {
      db().$client.exec('drop trigger refuse_outbox');
    }
    expect(titleOf(ids.edited!)).toBe(title);
    expect(versionOf(ids.edited!)).toBe(version);
    expect(sectionVersion(ids.edited!, 'lessons')).toBe(lessons);
    expect(outboxRowsOf(ids.edited!)).toHaveLength(rows);
  });

  it('a failed write adds no row: a stale version, a section conflict', () => {
    const rows = outboxRowsOf(ids.edited!).length;
    expectAppError(thrownBy(() => editMetadata(editor, ids.edited!, 'The guava programme, stale', versionOf(ids.edited!) - 1)), 'conflict');
    const conflict = saveSection(editor, ids.edited!, 'problem', paragraphs('Stale text.'), sectionVersion(ids.edited!, 'problem') - 1);
    expect(conflict.status).toBe('conflict');
    expect(outboxRowsOf(ids.edited!)).toHaveLength(rows);
  });

  it('rejects a viewer without rights, and adds no row', () => {
    const rows = outboxRowsOf(ids.edited!).length;
    expectAppError(thrownBy(() => editMetadata(personas.viewers.organisationMember!, ids.edited!, 'The guava programme, hijacked')), 'forbidden');
    expectAppError(thrownBy(() => transitionCaseStudy({ viewer: personas.viewers.admin, input: { caseStudyId: ids.edited }, transition: 'unpublish' })), 'forbidden');
    expect(outboxRowsOf(ids.edited!)).toHaveLength(rows);
  });

  it('an edit of a draft adds no row: drafts are never indexed', () => {
    expect(saveSection(editor, ids.draft!, 'problem', paragraphs('A sapodilla draft, rewritten.')).status).toBe('saved');
    expect(outboxRowsOf(ids.draft!)).toEqual([]);
  });
});

describe('draining applies the rows to the index', () => {
  it('makes an edit of published work searchable', async () => {
    editMetadata(editor, ids.edited!, 'The guava pomegranate programme');
    expect((await searchAs(db(), target, null, { q: 'pomegranate' })).hits).toEqual([]);
    const result = await drainAll(target);
    expect(result.processed).toBeGreaterThan(0);
    const hits = (await searchAs(db(), target, null, { q: 'pomegranate' })).hits;
    expect(hits.map((hit) => hit.id).sort()).toEqual([`case_study-${ids.edited}`, `lesson-${ids.edited}`].sort());
    expect(outboxRowsOf(ids.edited!).every((row) => row.processedAt !== null)).toBe(true);
    expect(outboxLag(db()).pending).toBe(0);
  });

  it('updates the lesson document when the lessons section changes, and removes it when emptied', async () => {
    saveSection(editor, ids.edited!, 'lessons', paragraphs('Persimmon growers taught us to listen first.'));
    await drainAll(target);
    const [hit] = (await searchAs(db(), target, null, { q: 'persimmon', type: 'lesson' })).hits;
    expect(hit).toMatchObject({ id: `lesson-${ids.edited}`, excerptFrom: 'lessons' });

    saveSection(editor, ids.edited!, 'lessons', emptyDocument);
    await drainAll(target);
    const documentIds = (await indexedDocuments(target)).map((document) => document.id);
    expect(documentIds).toContain(`case_study-${ids.edited}`);
    expect(documentIds).not.toContain(`lesson-${ids.edited}`);
    expect((await searchAs(db(), target, null, { q: 'persimmon' })).total).toBe(0);
  });

  it('unpublishing removes both the case-study and the lesson document', async () => {
    const before = (await indexedDocuments(target)).map((document) => document.id);
    expect(before).toEqual(expect.arrayContaining([`case_study-${ids.unpublished}`, `lesson-${ids.unpublished}`]));
    transitionCaseStudy({ viewer: editor, input: { caseStudyId: ids.unpublished }, transition: 'unpublish' });
    expect(outboxRowsOf(ids.unpublished!).filter((row) => row.processedAt === null)).toHaveLength(1);
    await drainAll(target);
    const after = (await indexedDocuments(target)).map((document) => document.id);
    expect(after).not.toContain(`case_study-${ids.unpublished}`);
    expect(after).not.toContain(`lesson-${ids.unpublished}`);
    // Not even its editor finds it: it is a draft again.
    expect((await searchAs(db(), target, editor, { q: 'quince' })).total).toBe(0);
  });

  it('publishing adds the documents with the chosen visibility; archiving keeps them', async () => {
    publishCaseStudy({ viewer: editor, input: { caseStudyId: ids.toPublish, visibility: 'members', safetyConfirmed: false } });
    transitionCaseStudy({ viewer: editor, input: { caseStudyId: ids.archived }, transition: 'archive' });
    await drainAll(target);
    expect((await searchAs(db(), target, personas.viewers.otherOrganisationMember, { q: 'medlar' })).hits.map((hit) => hit.sourceId)).toEqual([ids.toPublish, ids.toPublish]);
    expect((await searchAs(db(), target, null, { q: 'medlar' })).total).toBe(0);
    expect((await searchAs(db(), target, null, { q: 'loquat' })).hits.map((hit) => hit.id)).toEqual([`case_study-${ids.archived}`]);
  });

  it("an organisation's edit updates its own document and its case studies' documents", async () => {
    updateOrganisation({
      viewer: personas.viewers.admin,
      input: { organisationId: personas.organisationId, name: 'Kiwifruit Collective', type: 'kp_led', countryCode: 'KE', populations: [], visibility: 'members' },
    });
    await drainAll(target);
    const documents = await indexedDocuments(target);
    expect(documents.find((document) => document.id === `organisation-${personas.organisationId}`)?.title).toBe('Kiwifruit Collective');
    // A members-only organisation's name is kept apart, for signed-in searches only.
    const caseStudy = documents.find((document) => document.id === `case_study-${ids.edited}`);
    expect(caseStudy?.memberOrganisationName).toBe('Kiwifruit Collective');
    expect(caseStudy?.organisationName).toBe('');
  });

  it('replaying rows is harmless: documents are keyed by id, never duplicated', async () => {
    const everything = [...Object.values(ids)];
    db().transaction((tx) => {
      enqueueSearch(tx, 'case_study', everything);
      enqueueSearch(tx, 'case_study', everything);
      enqueueSearch(tx, 'organisation', [personas.organisationId, personas.otherOrganisationId]);
    });
    await drainAll(target);
    await expectIndexMatchesSqlite(target);
  });
});

describe('recovery when Meilisearch is away', () => {
  let own: SearchTarget;
  let port: number;
  let host: string;
  let dataDir: string;
  const outage: Record<string, string> = {};

  it('starts a second Meilisearch and indexes everything into it', async () => {
    dataDir = path.join(inject('runDirectory'), `outbox-meili-${randomBytes(4).toString('hex')}`);
    ownMeili = await startMeilisearch({ dataDir, quiet: true });
    host = ownMeili.host;
    port = Number(new URL(host).port);
    own = { client: new Meilisearch({ host, apiKey: ownMeili.masterKey }), indexUid: 'baraza_recovery' };
    expect(pendingRows()).toEqual([]);
    db().transaction(() => {
      insertOwned('outageEdited', 'lychee', 'published');
      insertOwned('outageLessons', 'rambutan', 'published');
      insertOwned('outageUnpublished', 'mangosteen', 'published');
      insertOwned('outagePublished', 'jackfruit', 'draft');
    });
    Object.assign(outage, { edited: ids.outageEdited, lessons: ids.outageLessons, unpublished: ids.outageUnpublished, published: ids.outagePublished });
    await reindexAll(db(), own);
    await expectIndexMatchesSqlite(own);
  }, 120_000);

  it('accepts writes while it is stopped, and keeps their rows pending with backoff', async () => {
    await ownMeili!.stop();
    ownMeili = undefined;
    const writes = [
      () => editMetadata(editor, outage.edited!, 'The lychee durian programme'),
      () => saveSection(editor, outage.edited!, 'problem', paragraphs('Breadfruit markets closed early.')),
      () => saveSection(editor, outage.lessons!, 'lessons', emptyDocument),
      () => transitionCaseStudy({ viewer: editor, input: { caseStudyId: outage.unpublished }, transition: 'unpublish' }),
      () => publishCaseStudy({ viewer: editor, input: { caseStudyId: outage.published, visibility: 'public', safetyConfirmed: 'on' } }),
      () =>
        updateOrganisation({
          viewer: personas.viewers.admin,
          input: { organisationId: personas.otherOrganisationId, name: 'Tamarillo Alliance', type: 'implementing_partner', countryCode: 'SN', populations: ['msm'], visibility: 'public' },
        }),
    ];
    for (const write of writes) expect(write()).not.toBeInstanceOf(Promise);
    const pending = pendingRows();
    expect(pending.length).toBeGreaterThanOrEqual(writes.length);

    const failedAt = Date.now();
    const failed = await drainOutbox(db(), own, { now: () => failedAt });
    expect(failed.processed).toBe(0);
    expect(failed.failed).toBe(pending.length);
    expect(failed.error).toBeTruthy();
    for (const row of pendingRows()) {
      expect(row.attempts).toBe(1);
      // The first retry waits one second.
      expect(row.availableAt).toBe(failedAt + 1_000);
      expect(row.lastError).toBeTruthy();
    }
    expect(outboxLag(db(), failedAt)).toMatchObject({ pending: pending.length, failing: pending.length });

    // Before the backoff has passed nothing is retried.
    expect(await drainOutbox(db(), own, { now: () => failedAt + 500 })).toEqual({ processed: 0, failed: 0 });
    expect(pendingRows().every((row) => row.attempts === 1)).toBe(true);

    // Once it has, the retry fails again and the wait doubles.
    const retriedAt = failedAt + 1_000;
    expect((await drainOutbox(db(), own, { now: () => retriedAt })).failed).toBe(pending.length);
    for (const row of pendingRows()) expect(row).toMatchObject({ attempts: 2, availableAt: retriedAt + 2_000 });
  }, 60_000);

  it('after a restart on the same port and data, the next drain applies every write exactly once', async () => {
    ownMeili = await startMeilisearch({ dataDir, port, quiet: true });
    // startMeilisearch falls back to another port when the preferred one is taken: the client must still reach it.
    expect(ownMeili.host).toBe(host);
    const pending = pendingRows().length;
    const result = await drainAll(own, () => Date.now() + 10 * 60_000);
    expect(result.processed).toBe(pending);
    expect(pendingRows()).toEqual([]);
    expect(outboxLag(db())).toMatchObject({ pending: 0, failing: 0 });

    await expectIndexMatchesSqlite(own);
    const search = (q: string, viewer: Viewer | null = null) => searchAs(db(), own, viewer, { q });
    expect((await search('durian')).hits.map((hit) => hit.sourceId)).toContain(outage.edited);
    expect((await search('breadfruit')).hits.map((hit) => hit.id)).toEqual([`case_study-${outage.edited}`]);
    expect((await search('mangosteen', editor)).total).toBe(0);
    expect((await search('jackfruit')).hits.map((hit) => hit.id).sort()).toEqual([`case_study-${outage.published}`, `lesson-${outage.published}`].sort());
    const documentIds = (await indexedDocuments(own)).map((document) => document.id);
    expect(documentIds).toContain(`case_study-${outage.lessons}`);
    expect(documentIds).not.toContain(`lesson-${outage.lessons}`);
    expect((await search('tamarillo')).hits.map((hit) => hit.id)).toEqual([`organisation-${personas.otherOrganisationId}`]);
  }, 120_000);
});

describe('monitoring and housekeeping', () => {
  const day = 86_400_000;

  it('outboxLag reports the pending rows, the age of the oldest and how many keep failing', async () => {
    await drainAll(target, () => Date.now() + 10 * 60_000);
    const now = Date.now();
    expect(outboxLag(db(), now)).toEqual({ pending: 0, oldestSeconds: 0, failing: 0 });
    db()
      .insert(searchOutbox)
      .values([
        { entityType: 'case_study', entityId: 'lag-oldest', createdAt: new Date(now - 120_000) },
        { entityType: 'case_study', entityId: 'lag-failing', createdAt: new Date(now - 30_000), attempts: 2, availableAt: now + 4_000, lastError: 'down' },
        { entityType: 'organisation', entityId: 'lag-newest', createdAt: new Date(now - 1_000) },
        { entityType: 'case_study', entityId: 'lag-done', createdAt: new Date(now - 10 * day), processedAt: new Date(now - 9 * day) },
      ])
      .run();
    expect(outboxLag(db(), now)).toEqual({ pending: 3, oldestSeconds: 120, failing: 1 });
    await drainAll(target, () => now + 60_000);
    expect(outboxLag(db(), now).pending).toBe(0);
  });

  it('purgeProcessedOutbox removes processed rows older than a day, and nothing pending', () => {
    const now = Date.now();
    const inserted = db()
      .insert(searchOutbox)
      .values([
        { entityType: 'case_study', entityId: 'purge-old', createdAt: new Date(now - 3 * day), processedAt: new Date(now - 2 * day) },
        { entityType: 'case_study', entityId: 'purge-recent', createdAt: new Date(now - 2 * 3_600_000), processedAt: new Date(now - 3_600_000) },
        { entityType: 'case_study', entityId: 'purge-pending', createdAt: new Date(now - 3 * day), attempts: 9, availableAt: now },
      ])
      .returning({ id: searchOutbox.id, entityId: searchOutbox.entityId })
      .all();
    const others = db().select({ id: searchOutbox.id }).from(searchOutbox).all().length - inserted.length;
    purgeProcessedOutbox(db(), undefined, now);
    const left = db().select({ entityId: searchOutbox.entityId }).from(searchOutbox).where(inArray(searchOutbox.id, inserted.map((row) => row.id))).all();
    expect(left.map((row) => row.entityId).sort()).toEqual(['purge-pending', 'purge-recent']);
    // lag-done (processed nine days ago) went too; every row processed within the day stays.
    expect(db().select({ id: searchOutbox.id }).from(searchOutbox).all().length).toBe(others - 1 + 2);
    db().delete(searchOutbox).where(eq(searchOutbox.entityId, 'purge-pending')).run();
  });

  it('enqueueSearch writes one row per distinct id, and none for an empty list', () => {
    const before = db().select({ id: searchOutbox.id }).from(searchOutbox).all().length;
    db().transaction((tx) => {
      enqueueSearch(tx, 'case_study', ['enqueue-a', 'enqueue-a', 'enqueue-b']);
      enqueueSearch(tx, 'organisation', []);
    });
    expect(pendingRows().map((row) => row.entityId)).toEqual(['enqueue-a', 'enqueue-b']);
    expect(db().select({ id: searchOutbox.id }).from(searchOutbox).all().length).toBe(before + 2);
  });

  it('backs off at most five minutes, however many attempts a row has had', async () => {
    await drainAll(target);
    expect(pendingRows()).toEqual([]);
    const attempts = [0, 1, 8, 9, 30, 62, 63, 64, 100];
    db()
      .insert(searchOutbox)
      .values(attempts.map((count) => ({ entityType: 'case_study' as const, entityId: `backoff-${count}`, attempts: count })))
      .run();
    // A real client to a port nobody listens on: every request fails as with a stopped server.
    const unreachable: SearchTarget = { client: new Meilisearch({ host: `http://127.0.0.1:${await findFreePort()}`, apiKey: 'none' }), indexUid: target.indexUid };
    const now = Date.now();
    expect((await drainOutboxBatch(db(), unreachable, { now: () => now })).failed).toBe(attempts.length);
    const waits = Object.fromEntries(pendingRows().map((row) => [row.entityId, row.availableAt - now]));
    expect(waits).toEqual(Object.fromEntries(attempts.map((count) => [`backoff-${count}`, Math.min(1_000 * 2 ** count, 300_000)])));
  });

  afterAll(async () => {
    await drainOutbox(db(), target, { now: () => Date.now() + 10 * 60_000 });
  }, 60_000);
});
