import type { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseStudy } from '@/db/seed/factories';
import { buildAllDocuments } from '@/lib/search/documents';
import type { MarkedText } from '@/lib/search/query';
import { reindexAll } from '@/lib/search/reindex';
import { indexSettings } from '@/lib/search/settings';
import { paragraphs } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { seedPersonas, type Personas } from '../../support/personas';
import { removeTestIndex, searchAs, taskWait, testSearchTarget } from '../../support/search';

// Members search in English or French and find work written in either: the glossary (lib/search/glossary.ts)
// is the index's synonym list. A control index with the same documents and settings but no synonyms shows
// that each cross-language match comes from the glossary, not from shared words or typo tolerance.

let personas: Personas;
const ids: Record<string, string> = {};
const target = testSearchTarget('search_language');
const control = testSearchTarget('search_language_control');
const db = () => testDb();

const texts = {
  religiousLeaders: { title: 'Working with religious leaders in Kisumu', summary: 'Imams and pastors opened their halls to the clinic team.', language: 'en' },
  msm: { title: 'Evening clinic hours for MSM in Nairobi', summary: 'Peers asked for later opening times and the clinic agreed.', language: 'en' },
  sexWorkers: { title: 'Legal aid for sex workers in Mombasa', summary: 'Paralegals answered calls at night.', language: 'en' },
  drugs: { title: 'Needle exchange with people who use drugs', summary: 'A van visited the same corners every week.', language: 'en' },
  funding: { title: 'Le financement des cliniques communautaires', summary: 'Comment trois associations ont diversifié leurs ressources.', language: 'fr' },
  security: { title: 'La sécurité des pairs à Abidjan', summary: 'Des règles simples pour les déplacements de nuit.', language: 'fr' },
  markup: { title: 'The <b>bold</b> outreach plan', summary: "Peers painted <script>alert('x')</script> near the harbour clinic.", language: 'en' },
  controlCharacters: { title: 'Plain \u0002forged\u0003 emphasis in a title', summary: 'Nothing here is special.', language: 'en' },
} as const;

beforeAll(async () => {
  personas = await seedPersonas();
  const database = db();
  database.transaction(() => {
    for (const [key, text] of Object.entries(texts)) {
      ids[key] = insertCaseStudy(database, {
        organisationId: personas.otherOrganisationId,
        title: text.title,
        summary: text.summary,
        language: text.language,
        visibility: 'public',
        status: 'published',
        authorIds: [personas.userIds.otherOrganisationMember],
        sections: { problem: paragraphs(text.summary) },
      });
    }
  });
  await reindexAll(database, target);
  const client: Meilisearch = control.client;
  await client.createIndex(control.indexUid, { primaryKey: 'id' }).waitTask(taskWait);
  const settings = await client.index(control.indexUid).updateSettings({ ...indexSettings, synonyms: {} }).waitTask(taskWait);
  expect(settings.status).toBe('succeeded');
  const added = await client.index(control.indexUid).addDocuments(buildAllDocuments(database)).waitTask(taskWait);
  expect(added.status).toBe('succeeded');
}, 120_000);

afterAll(async () => {
  await Promise.all([removeTestIndex(target), removeTestIndex(control)]);
}, 120_000);

const found = async (q: string) => (await searchAs(db(), target, null, { q, type: 'case_study' })).hits.map((hit) => hit.sourceId);
const foundWithoutGlossary = async (q: string) => (await control.client.index(control.indexUid).search(q, { filter: 'type = "case_study"', limit: 50 })).hits.map((hit) => String(hit.sourceId));
const textOf = (parts: MarkedText) => parts.map((part) => part.text).join('');
const markedOf = (parts: MarkedText) => parts.filter((part) => part.marked).map((part) => part.text);

describe('the bilingual glossary', () => {
  it.each([
    ['chefs religieux', 'religiousLeaders'],
    ['HSH', 'msm'],
    ['travailleuses du sexe', 'sexWorkers'],
    ['UDI', 'drugs'],
    ['usagers de drogues', 'drugs'],
    ['funding', 'funding'],
  ] as const)('%s finds the document about %s, which does not contain the words', async (query, key) => {
    expect(await found(query)).toContain(ids[key]);
    // Without the synonyms, the same query on the same documents does not find it.
    expect(await foundWithoutGlossary(query)).not.toContain(ids[key]);
  });

  it('finds English work for a French phrase that shares a word with it', async () => {
    // "leaders" is in both phrases, so this one would match without the glossary too.
    expect(await found('leaders religieux')).toContain(ids.religiousLeaders);
  });
});

describe('forgiving queries', () => {
  it('folds accents and case: securite and SECURITE find sécurité', async () => {
    expect(await found('securite')).toEqual([ids.security]);
    expect(await found('SECURITE')).toEqual([ids.security]);
    expect(await found('sécurité')).toEqual([ids.security]);
  });

  it('tolerates a typo: religous finds religious', async () => {
    expect(await found('religous')).toEqual([ids.religiousLeaders]);
  });
});

describe('highlights', () => {
  it('come back as marked parts of the title and the excerpt', async () => {
    const [hit] = (await searchAs(db(), target, null, { q: 'religious', type: 'case_study' })).hits;
    expect(hit?.sourceId).toBe(ids.religiousLeaders);
    expect(hit!.title).toEqual([
      { text: 'Working with ', marked: false },
      { text: 'religious', marked: true },
      { text: ' leaders in Kisumu', marked: false },
    ]);
    const [excerptHit] = (await searchAs(db(), target, null, { q: 'pastors', type: 'case_study' })).hits;
    expect(excerptHit?.excerptFrom).toBe('summary');
    expect(markedOf(excerptHit!.excerpt)).toEqual(['pastors']);
    expect(textOf(excerptHit!.excerpt)).toBe(texts.religiousLeaders.summary);
  });

  it('return markup in stored text as plain text parts, never as markup to render', async () => {
    const [hit] = (await searchAs(db(), target, null, { q: 'harbour', type: 'case_study' })).hits;
    expect(hit?.sourceId).toBe(ids.markup);
    expect(hit!.excerptFrom).toBe('summary');
    // The page renders every part as text: the parts must carry the characters as written, unescaped and unmarked.
    expect(textOf(hit!.excerpt)).toBe(texts.markup.summary);
    expect(markedOf(hit!.excerpt)).toEqual(['harbour']);
    expect(textOf(hit!.title)).toBe(texts.markup.title);
    expect(markedOf(hit!.title)).toEqual([]);
    for (const part of [...hit!.title, ...hit!.excerpt]) expect(Object.keys(part).sort()).toEqual(['marked', 'text']);
  });

  it('cannot be forged by the highlight markers inside stored text', async () => {
    // The title holds U+0002 and U+0003, the characters query.ts uses as highlight markers. The case-study
    // schemas and validateRichText accept them, so any author can store them. The query does not match "forged".
    const [hit] = (await searchAs(db(), target, null, { q: 'emphasis', type: 'case_study' })).hits;
    expect(hit?.sourceId).toBe(ids.controlCharacters);
    expect(markedOf(hit!.title)).toEqual(['emphasis']);
  });
});
