import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseStudy, type InsertCaseStudyInput } from '@/db/seed/factories';
import { parseSearchParams, searchHref } from '@/lib/search/params';
import { pageSize, type SearchResult } from '@/lib/search/query';
import { reindexAll } from '@/lib/search/reindex';
import { paragraphs } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { seedPersonas, type Personas } from '../../support/personas';
import { removeTestIndex, searchAllPages, searchAs, testSearchTarget } from '../../support/search';

// Facets, tabs, sorting and pages of the search page, against a small dataset whose counts are written out
// by hand below. "baobab" is in the titles of A, B, C, E, F and G; D is the control without it.
//
//      visibility    owner  status     year  countries  populations       language  lessons  event
//   A  public        O2     published  2023  BW         msm               en        yes      -
//   B  public        O2     published  2023  ZA         sex_workers       fr        yes      -
//   C  public        O2     published  2024  BW ZA      msm pwud          en        no       -
//   D  public        O2     published  2024  UG         msm               en        no       -
//   E  members       O1     published  2024  BW         transgender       fr        yes      E1
//   F  organisation  O1     published  2022  ZM         msm               en        no       -
//   G  public        O1     draft      -     BW         msm               en        yes      -
//
// A and B count twice wherever they match (their lessons are documents of their own), C once.

type Letter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

let personas: Personas;
const ids = {} as Record<Letter, string>;
const dated: { id: string; publishedAt: number }[] = [];
const target = testSearchTarget('search_facets');
const db = () => testDb();

const day = 86_400_000;

beforeAll(async () => {
  personas = await seedPersonas();
  const database = db();
  const O1 = personas.organisationId;
  const O2 = personas.otherOrganisationId;
  const author = (organisationId: string) => (organisationId === O1 ? personas.userIds.organisationEditor : personas.userIds.otherOrganisationMember);
  const insert = (input: Omit<InsertCaseStudyInput, 'authorIds' | 'sections' | 'createdAt'> & { lessons: boolean }) => {
    const { lessons, ...rest } = input;
    return insertCaseStudy(database, {
      ...rest,
      authorIds: [author(input.organisationId)],
      createdAt: input.publishedAt ? new Date(input.publishedAt.getTime() - 10 * day) : undefined,
      sections: { problem: paragraphs('The problem we met.'), ...(lessons ? { lessons: paragraphs('What we learned along the way.') } : {}) },
    });
  };
  database.transaction(() => {
    ids.A = insert({ organisationId: O2, title: 'Baobab clinic in Gaborone', language: 'en', visibility: 'public', status: 'published', publishedAt: new Date('2023-03-10'), countries: ['BW'], populations: ['msm'], lessons: true });
    ids.B = insert({ organisationId: O2, title: 'Le réseau baobab de Durban', language: 'fr', visibility: 'public', status: 'published', publishedAt: new Date('2023-06-10'), countries: ['ZA'], populations: ['sex_workers'], lessons: true });
    ids.C = insert({ organisationId: O2, title: 'Baobab peer network across borders', language: 'en', visibility: 'public', status: 'published', publishedAt: new Date('2024-01-10'), countries: ['BW', 'ZA'], populations: ['msm', 'pwud'], lessons: false });
    ids.D = insert({ organisationId: O2, title: 'Mango tree meetings in Kampala', language: 'en', visibility: 'public', status: 'published', publishedAt: new Date('2024-02-10'), countries: ['UG'], populations: ['msm'], lessons: false });
    ids.E = insert({ organisationId: O1, eventId: personas.eventId, title: 'Baobab trans support in Francistown', language: 'fr', visibility: 'members', status: 'published', publishedAt: new Date('2024-08-10'), countries: ['BW'], populations: ['transgender'], lessons: true });
    ids.F = insert({ organisationId: O1, title: 'Baobab internal review in Lusaka', language: 'en', visibility: 'organisation', status: 'published', publishedAt: new Date('2022-02-10'), countries: ['ZM'], populations: ['msm'], lessons: false });
    ids.G = insert({ organisationId: O1, title: 'Baobab draft not yet out', language: 'en', visibility: 'public', status: 'draft', countries: ['BW'], populations: ['msm'], lessons: true });
    // 23 public case studies for pages and sorting, each published on its own day, inserted out of date order.
    for (let position = 0; position < 23; position++) {
      const publishedAt = new Date(Date.UTC(2021, 0, 1) + ((position * 7) % 23) * day);
      const id = insert({ organisationId: O2, title: `Tamarind story number ${position}`, language: 'en', visibility: 'public', status: 'published', publishedAt, countries: ['TZ'], populations: ['young_people'], lessons: false });
      dated.push({ id, publishedAt: publishedAt.getTime() });
    }
  });
  await reindexAll(database, target);
}, 120_000);

afterAll(async () => {
  await removeTestIndex(target);
}, 120_000);

const sourceIds = (result: SearchResult) => [...new Set(result.hits.map((hit) => hit.sourceId))].sort();
const idsOf = (...letters: Letter[]) => letters.map((letter) => ids[letter]).sort();

describe('facet counts', () => {
  it('are computed under the viewer filter: an anonymous visitor counts public work only', async () => {
    const result = await searchAs(db(), target, null, { q: 'baobab' });
    expect(sourceIds(result)).toEqual(idsOf('A', 'B', 'C'));
    expect(result.total).toBe(5);
    expect(result.facets.type).toEqual({ case_study: 3, lesson: 2 });
    expect(result.facets.countries).toEqual({ BW: 3, ZA: 3 });
    expect(result.facets.populations).toEqual({ msm: 3, sex_workers: 2, pwud: 1 });
    expect(result.facets.year).toEqual({ '2023': 4, '2024': 1 });
    expect(result.facets.language).toEqual({ en: 3, fr: 2 });
    expect(result.facets.eventId).toEqual({});
  });

  it('grow with what the viewer may read: a member of O1 also counts its members and organisation work', async () => {
    const result = await searchAs(db(), target, personas.viewers.organisationMember, { q: 'baobab' });
    expect(result.total).toBe(8);
    expect(result.facets.type).toEqual({ case_study: 5, lesson: 3 });
    expect(result.facets.countries).toEqual({ BW: 5, ZA: 3, ZM: 1 });
    expect(result.facets.populations).toEqual({ msm: 4, sex_workers: 2, pwud: 1, transgender: 2 });
    expect(result.facets.organisationType).toEqual({ implementing_partner: 5, kp_led: 3 });
    expect(result.facets.eventId).toEqual({ [personas.eventId]: 2 });
    // A member of another organisation reads E (members) but not F (organisation only).
    const other = await searchAs(db(), target, personas.viewers.otherOrganisationMember, { q: 'baobab' });
    expect(other.total).toBe(7);
    expect(other.facets.countries).toEqual({ BW: 5, ZA: 3 });
  });

  it('are disjunctive: choosing a country keeps the other countries, counted for the query and the other filters', async () => {
    const oneCountry = await searchAs(db(), target, null, { q: 'baobab', country: 'BW' });
    expect(sourceIds(oneCountry)).toEqual(idsOf('A', 'C'));
    expect(oneCountry.total).toBe(3);
    // The country group counts as if no country were chosen ...
    expect(oneCountry.facets.countries).toEqual({ BW: 3, ZA: 3 });
    // ... while every other group is narrowed by it.
    expect(oneCountry.facets.populations).toEqual({ msm: 3, pwud: 1 });
    expect(oneCountry.facets.type).toEqual({ case_study: 2, lesson: 1 });

    const twoGroups = await searchAs(db(), target, null, { q: 'baobab', country: 'BW', population: 'pwud' });
    expect(sourceIds(twoGroups)).toEqual(idsOf('C'));
    expect(twoGroups.total).toBe(1);
    // Countries: under the population filter (only C has pwud); populations: under the country filter.
    expect(twoGroups.facets.countries).toEqual({ BW: 1, ZA: 1 });
    expect(twoGroups.facets.populations).toEqual({ msm: 3, pwud: 1 });
  });

  it('combine values of one group with OR and groups with AND', async () => {
    const either = await searchAs(db(), target, null, { q: 'baobab', country: ['BW', 'ZA'] });
    expect(sourceIds(either)).toEqual(idsOf('A', 'B', 'C'));
    expect(either.total).toBe(5);
    const both = await searchAs(db(), target, null, { q: 'baobab', country: ['BW', 'ZA'], language: 'fr' });
    expect(sourceIds(both)).toEqual(idsOf('B'));
  });

  it('keep the other values of a chosen group when the choice matches nothing', async () => {
    const none = await searchAs(db(), target, null, { q: 'baobab', country: 'UG' });
    expect(none.hits).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.facets.countries).toEqual({ BW: 3, ZA: 3 });
  });

  it('filter by year, language, organisation type and event', async () => {
    expect(sourceIds(await searchAs(db(), target, null, { q: 'baobab', year: '2023' }))).toEqual(idsOf('A', 'B'));
    expect(sourceIds(await searchAs(db(), target, null, { q: 'baobab', year: ['2023', '2024'] }))).toEqual(idsOf('A', 'B', 'C'));
    expect(sourceIds(await searchAs(db(), target, null, { q: 'baobab', language: 'fr' }))).toEqual(idsOf('B'));
    const member = personas.viewers.organisationMember;
    expect(sourceIds(await searchAs(db(), target, member, { q: 'baobab', orgType: 'kp_led' }))).toEqual(idsOf('E', 'F'));
    expect(sourceIds(await searchAs(db(), target, member, { q: 'baobab', event: personas.eventId }))).toEqual(idsOf('E'));
    // The event's work is not for anonymous visitors: choosing the event shows them nothing.
    const anonymous = await searchAs(db(), target, null, { q: 'baobab', event: personas.eventId });
    expect(anonymous.total).toBe(0);
    expect(anonymous.facets.eventId).toEqual({});
  });
});

describe('type tabs', () => {
  it('show one type and keep the counts of the other tabs', async () => {
    const lessons = await searchAs(db(), target, null, { q: 'baobab', type: 'lesson' });
    expect(lessons.hits.map((hit) => hit.type)).toEqual(['lesson', 'lesson']);
    expect(sourceIds(lessons)).toEqual(idsOf('A', 'B'));
    expect(lessons.hits.every((hit) => hit.path.endsWith('#section-lessons'))).toBe(true);
    expect(lessons.total).toBe(2);
    expect(lessons.facets.type).toEqual({ case_study: 3, lesson: 2 });
    expect(lessons.facets.countries).toEqual({ BW: 1, ZA: 1 });

    const caseStudies = await searchAs(db(), target, null, { q: 'baobab', type: 'case_study' });
    expect(caseStudies.hits.map((hit) => hit.type)).toEqual(['case_study', 'case_study', 'case_study']);
    expect(caseStudies.total).toBe(3);
  });

  it('list organisations the viewer may read', async () => {
    const anonymous = await searchAllPages(db(), target, null, { type: 'organisation' });
    expect(anonymous.hits.map((hit) => hit.sourceId)).toEqual([personas.otherOrganisationId]);
    const member = await searchAllPages(db(), target, personas.viewers.organisationMember, { type: 'organisation' });
    expect(member.hits.map((hit) => hit.sourceId).sort()).toEqual([personas.organisationId, personas.otherOrganisationId].sort());
  });
});

describe('sorting and pages', () => {
  it('sorts by date, newest first, across pages', async () => {
    const result = await searchAllPages(db(), target, null, { q: 'tamarind', sort: 'date' });
    const expected = [...dated].sort((a, b) => b.publishedAt - a.publishedAt).map((entry) => entry.id);
    expect(result.hits.map((hit) => hit.sourceId)).toEqual(expected);
    const dates = result.hits.map((hit) => hit.date);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('pages through every result once, with the same total on every page', async () => {
    expect(pageSize).toBe(10);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => searchAs(db(), target, null, { q: 'tamarind', page: String(page) })));
    expect(pages.map((page) => page.hits.length)).toEqual([10, 10, 3, 0]);
    expect(pages.map((page) => page.total)).toEqual([23, 23, 23, 23]);
    expect(pages.map((page) => page.totalPages)).toEqual([3, 3, 3, 3]);
    expect(pages.map((page) => page.page)).toEqual([1, 2, 3, 4]);
    const seen = pages.flatMap((page) => page.hits.map((hit) => hit.sourceId));
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual(dated.map((entry) => entry.id).sort());
  });

  it('reports one page when nothing matches', async () => {
    const result = await searchAs(db(), target, null, { q: 'zqxwvnothing' });
    expect(result).toMatchObject({ hits: [], total: 0, page: 1, totalPages: 1 });
  });
});

describe('query-string parameters', () => {
  it('drop facet values with quotes, spaces or filter syntax, and keep the clean ones', () => {
    const params = parseSearchParams({
      country: ['BW', '"KE" OR visibility = "private"', 'ZA)', '', 'BW', 'a'.repeat(65), "ZA' OR '1'='1"],
      population: 'msm OR 1=1',
      year: '2023 OR year > 0',
      event: '"]',
      orgType: ['kp_led', 'kp_led\n'],
      language: 'fr',
      theme: 'health-care-systems',
      unknown: 'ignored',
    });
    expect(params).toEqual({
      q: '',
      type: 'all',
      sort: 'relevance',
      page: 1,
      countries: ['BW'],
      populations: [],
      year: [],
      eventId: [],
      organisationType: ['kp_led'],
      language: ['fr'],
      themes: ['health-care-systems'],
    });
  });

  it('fall back to defaults for junk in q, type, sort and page', () => {
    const base = { q: '', type: 'all', sort: 'relevance', page: 1 };
    expect(parseSearchParams({ q: ['first', 'second'], type: 'bogus', sort: 'date; drop', page: '-3' })).toMatchObject({ ...base, q: 'first' });
    expect(parseSearchParams({ q: `  ${'x'.repeat(300)}  `, page: '2.5' })).toMatchObject({ ...base, q: 'x'.repeat(200) });
    expect(parseSearchParams({ page: '99999' })).toMatchObject(base);
    expect(parseSearchParams({ page: 'abc', type: ['lesson', 'case_study'] })).toMatchObject(base);
    expect(parseSearchParams({ type: 'lesson', sort: 'date', page: '3' })).toMatchObject({ type: 'lesson', sort: 'date', page: 3 });
  });

  it('keep at most 20 values of a group', () => {
    const many = Array.from({ length: 30 }, (_, position) => `value${position}`);
    expect(parseSearchParams({ population: many }).populations).toEqual(many.slice(0, 20));
  });

  it('never break or widen the filter: junk gives the same results as the clean values', async () => {
    const junk = await searchAs(db(), target, null, { q: 'baobab', country: ['BW', '"KE" OR visibility = "organisation"', 'ZA") OR ("1" = "1'], year: '2024 OR 1 = 1' });
    const clean = await searchAs(db(), target, null, { q: 'baobab', country: 'BW' });
    expect(sourceIds(junk)).toEqual(sourceIds(clean));
    expect(junk.total).toBe(clean.total);
    expect(junk.facets).toEqual(clean.facets);
  });

  it('treat filter syntax in q as words to search, not as a filter', async () => {
    const result = await searchAllPages(db(), target, null, { q: 'baobab" OR visibility = "organisation' });
    for (const hit of result.hits) expect([ids.A, ids.B, ids.C]).toContain(hit.sourceId);
  });

  it('round-trip through searchHref', () => {
    const params = parseSearchParams({ q: 'baobab clinic', type: 'lesson', country: ['BW', 'ZA'], year: '2023', sort: 'date', page: '2' });
    const href = searchHref(params, { page: 2 });
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(query.keys())) raw[key] = query.getAll(key).length > 1 ? query.getAll(key) : query.get(key)!;
    expect(parseSearchParams(raw)).toEqual(params);
  });
});
