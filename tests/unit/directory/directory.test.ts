import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { userPopulations } from '@/db/schema/directory';
import { addMembership, addParticipant, insertEvent, insertOrganisation } from '@/db/seed/factories';
import { updateDirectoryProfile } from '@/lib/directory/mutations';
import { countReadableCaseStudiesByOrganisation, directoryPageSize, getDirectoryDetails, getOwnDirectoryProfile, listDirectory } from '@/lib/directory/queries';
import { parseDirectoryFilters } from '@/lib/directory/schemas';
import type { Viewer } from '@/lib/policy/types';
import { insertPublishedCaseStudy } from '../../support/conversations';
import { testDb } from '../../support/database';
import { expectAppError, fieldErrorsOf, thrownBy } from '../../support/errors';
import { seedPersonas, viewerOf } from '../../support/personas';
import { createMember } from './helpers';

// The directory lists members who opted in, and only them: in its cards, its total and its filter counts.

let kenya: string;
let senegal: string;
let viewer: Viewer;
let eventSlug: string;
const people: Record<string, { id: string; contactDetails: string; email: string | null }> = {};

beforeAll(async () => {
  const db = testDb();
  kenya = insertOrganisation(db, { name: 'Directory Kenya Organisation', type: 'kp_led', countryCode: 'KE', visibility: 'members' }).id;
  senegal = insertOrganisation(db, { name: 'Directory Senegal Organisation', type: 'implementing_partner', countryCode: 'SN' }).id;
  const event = insertEvent(db, { slug: 'directory-event', titleEn: 'Directory event', titleFr: 'Événement annuaire', startsOn: '2016-04-11', endsOn: '2016-04-14' });
  eventSlug = event.slug;
  viewer = (await createMember({ name: 'Viewer', organisationId: senegal, isInDirectory: false })).viewer!;
  people.amina = await createMember({ name: 'Amina', organisationId: kenya, populations: ['sex_workers', 'msm'], topics: ['advocacy'], shareEmail: true });
  people.bahati = await createMember({ name: 'Bahati', organisationId: kenya, populations: ['msm'], topics: ['peer-education'] });
  people.coumba = await createMember({ name: 'Coumba', organisationId: senegal, populations: ['sex_workers'], topics: ['advocacy'] });
  // Opted out and disabled members have the very same profile as Amina: they must never show or count.
  people.hidden = await createMember({ name: 'Hidden Amina', organisationId: kenya, isInDirectory: false, populations: ['sex_workers', 'msm'], topics: ['advocacy'] });
  people.disabled = await createMember({ name: 'Disabled Amina', organisationId: kenya, isDisabled: true, populations: ['sex_workers', 'msm'], topics: ['advocacy'] });
  for (const name of ['amina', 'coumba', 'hidden', 'disabled']) addParticipant(db, event.id, people[name]!.id, 'participant');
  // Someone in both countries counts once in each.
  addMembership(db, people.coumba!.id, kenya, 'member');
});

const names = (result: ReturnType<typeof listDirectory>) => result.items.map((item) => item.displayName);
const countOf = (facets: { value: string; count: number }[], value: string) => facets.find((facet) => facet.value === value)?.count ?? 0;

describe('listing the directory', () => {
  it('asks anonymous visitors to sign in', () => {
    expectAppError(thrownBy(() => listDirectory(null, 'en', {})), 'unauthenticated');
  });

  it('shows listed members alphabetically, with organisations, countries, populations, topics, events and expertise', () => {
    const result = listDirectory(viewer, 'en', {});
    expect(names(result)).toEqual(['Amina', 'Bahati', 'Coumba']);
    expect(result.total).toBe(3);
    const amina = result.items[0]!;
    expect(amina.organisations).toEqual([{ slug: 'directory-kenya-organisation', name: 'Directory Kenya Organisation', countryCode: 'KE' }]);
    expect(amina.populations.sort()).toEqual(['msm', 'sex_workers']);
    expect(amina.topics).toEqual(['advocacy']);
    expect(amina.events).toEqual([{ slug: eventSlug, title: 'Directory event' }]);
    expect(amina.expertise).toBe('Expertise of Amina');
    expect(result.items[2]!.organisations.map((organisation) => organisation.countryCode).sort()).toEqual(['KE', 'SN']);
  });

  it('never carries contact details or email addresses', () => {
    const text = JSON.stringify(listDirectory(viewer, 'en', {}));
    for (const person of Object.values(people)) {
      expect(text).not.toContain(person.contactDetails);
      if (person.email) expect(text).not.toContain(person.email);
    }
  });

  it.each([
    [{ country: 'KE' }, ['Amina', 'Bahati', 'Coumba']],
    [{ country: 'SN' }, ['Coumba']],
    [{ population: 'sex_workers' }, ['Amina', 'Coumba']],
    [{ country: 'KE', population: 'msm' }, ['Amina', 'Bahati']],
    [{ topic: 'advocacy' }, ['Amina', 'Coumba']],
    [{ event: 'directory-event' }, ['Amina', 'Coumba']],
    [{ q: 'ami' }, ['Amina']],
    [{ q: 'AMINA' }, ['Amina']],
    [{ country: 'SN', topic: 'peer-education' }, []],
  ] as const)('filters %j to %j, and the total counts only them', (filters, expected) => {
    const result = listDirectory(viewer, 'en', filters);
    expect(names(result)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('takes the name search literally: % and _ match only themselves', () => {
    expect(names(listDirectory(viewer, 'en', { q: '%' }))).toEqual([]);
    expect(names(listDirectory(viewer, 'en', { q: '_' }))).toEqual([]);
    expect(names(listDirectory(viewer, 'en', { q: 'A_ina' }))).toEqual([]);
  });

  it('counts only listed members in every filter count', () => {
    const { facets } = listDirectory(viewer, 'en', {});
    expect(countOf(facets.countries, 'KE')).toBe(3);
    expect(countOf(facets.countries, 'SN')).toBe(1);
    expect(countOf(facets.populations, 'sex_workers')).toBe(2);
    expect(countOf(facets.populations, 'msm')).toBe(2);
    expect(countOf(facets.topics, 'advocacy')).toBe(2);
    expect(facets.events).toEqual([{ value: 'directory-event', label: 'Directory event', count: 2 }]);
    // The viewer is not listed: their country is not counted either.
    expect(JSON.stringify(facets)).not.toContain('Hidden');
  });

  it('pages through the list with the same total', async () => {
    const many = insertOrganisation(testDb(), { name: 'Directory Paging Organisation', type: 'kp_led', countryCode: 'UG' }).id;
    for (let index = 0; index < directoryPageSize + 1; index += 1) await createMember({ name: `Paging ${String(index).padStart(2, '0')}`, organisationId: many });
    const first = listDirectory(viewer, 'en', { country: 'UG' }, 1);
    const second = listDirectory(viewer, 'en', { country: 'UG' }, 2);
    expect(first.total).toBe(directoryPageSize + 1);
    expect(first.pages).toBe(2);
    expect(first.items).toHaveLength(directoryPageSize);
    expect(names(second)).toEqual([`Paging ${String(directoryPageSize).padStart(2, '0')}`]);
    // A page past the end shows the last one rather than nothing.
    expect(listDirectory(viewer, 'en', { country: 'UG' }, 99).page).toBe(2);
  });

  it('stops listing a member at once when they opt out or are disabled', async () => {
    const leaving = await createMember({ name: 'Leaving', organisationId: senegal });
    expect(names(listDirectory(viewer, 'en', { q: 'Leaving' }))).toEqual(['Leaving']);
    testDb().update(users).set({ isInDirectory: false }).where(eq(users.id, leaving.id)).run();
    expect(listDirectory(viewer, 'en', { q: 'Leaving' }).total).toBe(0);
    testDb().update(users).set({ isInDirectory: true, isDisabled: true }).where(eq(users.id, leaving.id)).run();
    expect(listDirectory(viewer, 'en', { q: 'Leaving' }).total).toBe(0);
  });
});

describe('the directory filters from a query string', () => {
  it('keeps valid values and drops malformed ones instead of failing', () => {
    expect(parseDirectoryFilters({ country: 'KE', population: 'msm', q: '  Amina  ', page: '2' })).toEqual({ country: 'KE', population: 'msm', q: 'Amina', page: 2 });
    expect(parseDirectoryFilters({ country: 'Kenya', page: 'many', topic: ['advocacy', 'peer-education'] })).toEqual({ country: undefined, topic: 'advocacy', page: 1 });
    expect(parseDirectoryFilters({}).page).toBe(1);
  });
});

describe('editing one’s directory profile', () => {
  it('saves populations, topics, expertise, contact details and the email choice, replacing the previous ones', async () => {
    const member = await createMember({ name: 'Editing', organisationId: senegal, populations: ['msm'] });
    updateDirectoryProfile({ viewer: member.viewer!, input: { populations: ['pwud', 'young_people'], topics: 'advocacy', expertise: 'Harm reduction', contactDetails: 'Signal +000 1', shareEmailWithConnections: 'on' } });
    expect(getOwnDirectoryProfile(member.viewer!)).toMatchObject({
      isInDirectory: true,
      hasEmail: true,
      expertise: 'Harm reduction',
      contactDetails: 'Signal +000 1',
      shareEmailWithConnections: true,
      topics: ['advocacy'],
    });
    expect(getOwnDirectoryProfile(member.viewer!).populations.sort()).toEqual(['pwud', 'young_people']);
  });

  it('refuses unknown populations or topics, and overlong texts, changing nothing', async () => {
    const member = await createMember({ name: 'Refused', organisationId: senegal, populations: ['msm'] });
    expectAppError(thrownBy(() => updateDirectoryProfile({ viewer: member.viewer!, input: { populations: ['msm', 'not-a-population'] } })), 'invalid_input');
    expect(fieldErrorsOf(() => updateDirectoryProfile({ viewer: member.viewer!, input: { expertise: 'x'.repeat(501), contactDetails: 'y'.repeat(501) } }))).toEqual({ expertise: 'errors.too_long', contactDetails: 'errors.too_long' });
    expect(testDb().select().from(userPopulations).where(eq(userPopulations.userId, member.id)).all().map((row) => row.populationKey)).toEqual(['msm']);
  });

  it('shows populations, topics and expertise on the profile only while the member is listed (or to themself), never contact details', async () => {
    const member = await createMember({ name: 'Profile', organisationId: senegal, populations: ['msm'], topics: ['advocacy'] });
    expect(getDirectoryDetails(viewer, member.id)).toEqual({ expertise: 'Expertise of Profile', populations: ['msm'], topics: ['advocacy'] });
    testDb().update(users).set({ isInDirectory: false }).where(eq(users.id, member.id)).run();
    expect(getDirectoryDetails(viewer, member.id)).toBeNull();
    expect(getDirectoryDetails(viewerOf(member.id), member.id)).not.toBeNull();
    expectAppError(thrownBy(() => getDirectoryDetails(null, member.id)), 'not_found');
  });
});

describe('organisations and their case studies', () => {
  it('counts each organisation’s published case studies the viewer may read', async () => {
    const personas = await seedPersonas();
    const organisation = insertOrganisation(testDb(), { name: 'Counted Organisation', type: 'kp_led', countryCode: 'BW' }).id;
    const insider = await createMember({ name: 'Insider', organisationId: organisation });
    const authorIds = [insider.id];
    insertPublishedCaseStudy({ organisationId: organisation, authorIds, visibility: 'public' });
    insertPublishedCaseStudy({ organisationId: organisation, authorIds, visibility: 'members' });
    insertPublishedCaseStudy({ organisationId: organisation, authorIds, visibility: 'organisation' });
    insertPublishedCaseStudy({ organisationId: organisation, authorIds, visibility: 'public', status: 'draft' });
    expect(countReadableCaseStudiesByOrganisation(null).get(organisation)).toBe(1);
    expect(countReadableCaseStudiesByOrganisation(personas.viewers.otherOrganisationMember).get(organisation)).toBe(2);
    expect(countReadableCaseStudiesByOrganisation(insider.viewer).get(organisation)).toBe(3);
  });
});
