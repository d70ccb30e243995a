import { asc, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countries } from '@/db/schema/taxonomy';
import { insertCall, insertCaseStudy } from '@/db/seed/factories';
import { can, type CaseStudyFacts } from '@/lib/policy/rules';
import { visibilities, type MaybeViewer, type Visibility } from '@/lib/policy/types';
import { reindexAll } from '@/lib/search/reindex';
import { paragraphs } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { personaNames, seedPersonas, type PersonaName, type Personas } from '../../support/personas';
import { indexedDocuments, removeTestIndex, searchAllPages, searchAs, testSearchTarget } from '../../support/search';

// Search must show each persona exactly the published case studies the read rule lets them read, and count
// nothing else: not in `total`, not in any facet. The expectation is computed with can() on facts written
// by hand for each seeded item (as the policy matrix does), never read back from the search code.

type Stage = { name: string; status: 'published' | 'archived' | 'draft' | 'submitted' | 'changes_requested' | 'accepted' | 'withdrawn'; viaCall: boolean; isPublished: boolean; isSubmitted: boolean };

// Every stage of the lifecycle; only published and archived work is "published" (lib/case-studies/workflow.ts).
const stages: Stage[] = [
  { name: 'published', status: 'published', viaCall: false, isPublished: true, isSubmitted: false },
  { name: 'published-submission', status: 'published', viaCall: true, isPublished: true, isSubmitted: true },
  { name: 'archived', status: 'archived', viaCall: false, isPublished: true, isSubmitted: false },
  { name: 'draft', status: 'draft', viaCall: false, isPublished: false, isSubmitted: false },
  { name: 'submitted', status: 'submitted', viaCall: true, isPublished: false, isSubmitted: true },
  { name: 'changes-requested', status: 'changes_requested', viaCall: true, isPublished: false, isSubmitted: true },
  { name: 'accepted', status: 'accepted', viaCall: true, isPublished: false, isSubmitted: true },
  { name: 'withdrawn', status: 'withdrawn', viaCall: false, isPublished: false, isSubmitted: false },
];

type Item = { id: string; label: string; marker: string; facts: CaseStudyFacts; hasLessons: boolean; country: string; population: string };

const populationKeys = ['msm', 'lgbti', 'transgender', 'sex_workers', 'pwud', 'young_people'];

/** Made-up words, far apart from each other and from English or French, so a marker finds only its own item. */
function markerWords(count: number): string[] {
  let seed = 20_240_611;
  const letter = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return String.fromCharCode(97 + (seed % 26));
  };
  const words = new Set<string>();
  while (words.size < count) words.add(`zq${Array.from({ length: 8 }, letter).join('')}`);
  return [...words];
}

let personas: Personas;
let items: Item[];
const target = testSearchTarget('search_policy');
const db = () => testDb();

beforeAll(async () => {
  personas = await seedPersonas();
  const database = db();
  const owners = [
    { name: 'owned', organisationId: personas.organisationId, eventId: personas.eventId, authorId: personas.userIds.author, reviewerId: personas.userIds.eventFacilitator },
    {
      name: 'elsewhere',
      organisationId: personas.otherOrganisationId,
      eventId: personas.otherEventId,
      authorId: personas.userIds.otherOrganisationMember,
      reviewerId: personas.userIds.otherEventFacilitator,
    },
  ];
  // One distinct country per item, none of the two organisations' own countries (their documents carry those).
  const countryPool = database
    .select({ code: countries.code })
    .from(countries)
    .where(notInArray(countries.code, ['KE', 'SN']))
    .orderBy(asc(countries.code))
    .all()
    .map((row) => row.code);
  const cells = owners.flatMap((owner) =>
    visibilities.flatMap((visibility) =>
      // A private case study cannot be published (insertCaseStudy and PublishInput refuse it).
      stages.filter((stage) => !(visibility === 'private' && stage.isPublished)).map((stage) => ({ owner, visibility, stage })),
    ),
  );
  const markers = markerWords(cells.length);
  items = database.transaction(() => {
    const calls = Object.fromEntries(
      owners.map((owner) => [owner.name, insertCall(database, { eventId: owner.eventId, opensOn: '2020-01-01', deadline: '2040-01-01', organisationIds: [owner.organisationId] })]),
    );
    return cells.map(({ owner, visibility, stage }, position): Item => {
      const marker = markers[position]!;
      const country = countryPool[position]!;
      const population = populationKeys[position % populationKeys.length]!;
      // Every third item has no lessons section, so some case studies have no lesson document.
      const hasLessons = position % 3 !== 0;
      const id = insertCaseStudy(database, {
        organisationId: owner.organisationId,
        callId: stage.viaCall ? calls[owner.name]! : null,
        eventId: owner.eventId,
        title: `Case study ${marker} about outreach`,
        summary: `Summary of ${marker}.`,
        language: position % 2 ? 'fr' : 'en',
        visibility: visibility as Visibility,
        status: stage.status,
        authorIds: [owner.authorId],
        reviewerId: owner.reviewerId,
        countries: [country],
        populations: [population],
        sections: {
          problem: paragraphs(`The problem ${marker} describes.`),
          ...(hasLessons ? { lessons: paragraphs(`What ${marker} taught the team.`) } : {}),
        },
      });
      return {
        id,
        label: `${owner.name} ${visibility} ${stage.name}`,
        marker,
        hasLessons,
        country,
        population,
        facts: {
          visibility: visibility as Visibility,
          organisationId: owner.organisationId,
          eventId: owner.eventId,
          authorIds: [owner.authorId],
          isPublished: stage.isPublished,
          isSubmitted: stage.isSubmitted,
        },
      };
    });
  });
  await reindexAll(database, target);
}, 120_000);

afterAll(async () => {
  await removeTestIndex(target);
}, 120_000);

/** What search may show: published work the viewer may read. Drafts are not shown even to those who may read them. */
const visibleItems = (viewer: MaybeViewer) => items.filter((item) => item.facts.isPublished && can(viewer, 'caseStudy.read', item.facts));

function organisationsOf(viewer: MaybeViewer) {
  const listings = [
    { id: personas.organisationId, visibility: 'members' as const, country: 'KE' },
    { id: personas.otherOrganisationId, visibility: 'public' as const, country: 'SN' },
  ];
  return listings.filter((listing) => can(viewer, 'organisation.read', listing));
}

/** The documents a viewer should find with an empty query: case studies, their lessons, organisations. */
function expectedDocuments(viewer: MaybeViewer) {
  const visible = visibleItems(viewer);
  return [
    ...visible.map((item) => ({ id: `case_study-${item.id}`, type: 'case_study', countries: [item.country], populations: [item.population], eventId: item.facts.eventId })),
    ...visible.filter((item) => item.hasLessons).map((item) => ({ id: `lesson-${item.id}`, type: 'lesson', countries: [item.country], populations: [item.population], eventId: item.facts.eventId })),
    ...organisationsOf(viewer).map((listing) => ({ id: `organisation-${listing.id}`, type: 'organisation', countries: [listing.country], populations: [] as string[], eventId: null })),
  ];
}

function distribution(values: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('search results follow the read rule', () => {
  it.each(personaNames)('%s finds exactly the published documents they may read, with an empty query', async (name: PersonaName) => {
    const viewer = personas.viewers[name];
    const expected = expectedDocuments(viewer);
    const result = await searchAllPages(db(), target, viewer);
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(expected.map((document) => document.id).sort());
    // Meilisearch counts under the viewer's filter: the total never includes what the hits re-check would drop.
    expect(result.total).toBe(expected.length);
    expect(result.facets.type).toEqual(distribution(expected.map((document) => document.type)));
  });

  it.each(personaNames)('%s: the case-study tab lists exactly the readable published case studies', async (name: PersonaName) => {
    const viewer = personas.viewers[name];
    const result = await searchAllPages(db(), target, viewer, { type: 'case_study' });
    const expected = visibleItems(viewer).map((item) => item.id).sort();
    expect(result.hits.map((hit) => hit.sourceId).sort()).toEqual(expected);
    expect(result.total).toBe(expected.length);
    // The type tab is disjunctive: the other tabs keep their counts.
    expect(result.facets.type).toEqual(distribution(expectedDocuments(viewer).map((document) => document.type)));
  });

  it.each(personaNames)('%s: facet counts never count an item they may not read', async (name: PersonaName) => {
    const viewer = personas.viewers[name];
    const expected = expectedDocuments(viewer);
    const { facets } = await searchAs(db(), target, viewer);
    expect(facets.countries).toEqual(distribution(expected.flatMap((document) => document.countries)));
    expect(facets.populations).toEqual(distribution(expected.flatMap((document) => document.populations)));
    expect(facets.eventId).toEqual(distribution(expected.map((document) => document.eventId)));
    // Each item has a country of its own: an unreadable item's country must not appear at all.
    const readable = new Set(visibleItems(viewer).map((item) => item.id));
    for (const item of items.filter((candidate) => !readable.has(candidate.id))) expect(facets.countries, item.label).not.toHaveProperty(item.country);
  });

  it.each(personaNames)("%s: each item's marker word finds it only when they may read it, and drafts never", async (name: PersonaName) => {
    const viewer = personas.viewers[name];
    const readable = new Set(visibleItems(viewer).map((item) => item.id));
    const results = await Promise.all(items.map((item) => searchAs(db(), target, viewer, { q: item.marker })));
    items.forEach((item, position) => {
      const result = results[position]!;
      const expected = readable.has(item.id) ? [`case_study-${item.id}`, ...(item.hasLessons ? [`lesson-${item.id}`] : [])] : [];
      expect(result.hits.map((hit) => hit.id).sort(), item.label).toEqual(expected.sort());
      expect(result.total, item.label).toBe(expected.length);
      expect(Object.values(result.facets.countries).reduce((sum, count) => sum + count, 0), item.label).toBe(expected.length);
    });
  });

  it('never indexes unpublished work: not for authors, editors or facilitators either', async () => {
    const unpublished = items.filter((item) => !item.facts.isPublished);
    expect(unpublished.length).toBeGreaterThan(20);
    const indexed = new Set((await indexedDocuments(target)).map((document) => document.sourceId));
    for (const item of unpublished) expect(indexed.has(item.id), item.label).toBe(false);
    // They may read these drafts and submissions elsewhere, so the search filter alone would not hide them.
    for (const name of ['author', 'organisationEditor', 'eventFacilitator'] as const) {
      const viewer = personas.viewers[name];
      expect(unpublished.filter((item) => can(viewer, 'caseStudy.read', item.facts)).length, name).toBeGreaterThan(0);
      const found = new Set((await searchAllPages(db(), target, viewer)).hits.map((hit) => hit.sourceId));
      for (const item of unpublished) expect(found.has(item.id), `${name}: ${item.label}`).toBe(false);
    }
  });

  it('rejects a viewer without rights: an anonymous visitor finds only public published work', async () => {
    const found = new Set((await searchAllPages(db(), target, null, { type: 'case_study' })).hits.map((hit) => hit.sourceId));
    const expected = items.filter((item) => item.facts.visibility === 'public' && item.facts.isPublished);
    expect([...found].sort()).toEqual(expected.map((item) => item.id).sort());
  });

  it('is not vacuous: personas see different, non-empty sets, and nobody sees every published item', () => {
    const published = items.filter((item) => item.facts.isPublished);
    const sets = personaNames.map((name) => visibleItems(personas.viewers[name]).map((item) => item.id).sort().join(','));
    for (const name of personaNames) {
      const size = visibleItems(personas.viewers[name]).length;
      expect(size, name).toBeGreaterThan(0);
      expect(size, name).toBeLessThan(published.length);
    }
    expect(new Set(sets).size).toBeGreaterThan(5);
  });
});

// lib/case-studies/queries.ts: "A public case study must not name a members-only organisation or event to
// someone who may not see it: being listed as the author of work with criminalised groups is itself
// sensitive." STYLE.md: search documents hide identity like the DTO mappers do. O1 is members-only.
describe('a members-only organisation behind readable work', () => {
  const ownName = 'Persona Owning Organisation';
  const ownedPublic = () => new Set(items.filter((item) => item.facts.organisationId === personas.organisationId && item.facts.visibility === 'public' && item.facts.isPublished).map((item) => item.id));

  it('is not named in the hits of a visitor who may not see it', async () => {
    const owned = ownedPublic();
    const hits = (await searchAllPages(db(), target, null)).hits.filter((hit) => owned.has(hit.sourceId));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.organisationName, hit.id).not.toBe(ownName);
    // Those who may see the organisation get its name.
    const memberHits = (await searchAllPages(db(), target, personas.viewers.otherOrganisationMember)).hits.filter((hit) => owned.has(hit.sourceId));
    expect(memberHits.map((hit) => hit.organisationName)).toEqual(memberHits.map(() => ownName));
  });

  it("cannot be searched by name to list its public work, by a visitor who may not see it", async () => {
    // "owning" is only in O1's name: the query matches its case studies through organisationName alone.
    const asMember = await searchAs(db(), target, personas.viewers.otherOrganisationMember, { q: 'owning', type: 'case_study' });
    expect(asMember.total).toBeGreaterThan(0);
    const anonymous = await searchAs(db(), target, null, { q: 'owning' });
    expect(anonymous.hits.map((hit) => hit.sourceId)).toEqual([]);
    expect(anonymous.total).toBe(0);
  });
});
