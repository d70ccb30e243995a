import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStudies } from '@/db/schema/case-studies';
import { eventParticipants } from '@/db/schema/events';
import { addMembership, addParticipant, insertCaseStudy } from '@/db/seed/factories';
import { reindexAll } from '@/lib/search/reindex';
import { leaveOrganisation, paragraphs } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { removeTestIndex, searchAs, testSearchTarget } from '../../support/search';

// Memberships live in SQLite, not in the index: the viewer's filter is built from them on every request,
// so losing a membership hides the organisation's work at the next search, with no reindex in between.

let personas: Personas;
let organisationOnlyId: string;
let eventOnlyId: string;
let publicId: string;
const target = testSearchTarget('search_membership');
const db = () => testDb();

beforeAll(async () => {
  personas = await seedPersonas();
  const database = db();
  const common = { organisationId: personas.organisationId, eventId: personas.eventId, language: 'en' as const, status: 'published' as const, authorIds: [personas.userIds.organisationEditor] };
  organisationOnlyId = insertCaseStudy(database, {
    ...common,
    title: 'Cassava cooperative internal notes',
    visibility: 'organisation',
    countries: ['CI'],
    sections: { problem: paragraphs('Cassava growers met resistance.'), lessons: paragraphs('Cassava cooperatives need patience.') },
  });
  eventOnlyId = insertCaseStudy(database, {
    ...common,
    title: 'Cassava workshop outcomes for the event',
    visibility: 'event',
    countries: ['BI'],
    sections: { problem: paragraphs('Cassava workshop.') },
  });
  publicId = insertCaseStudy(database, { ...common, title: 'Sorghum market stall for peer educators', visibility: 'public', countries: ['BI'], sections: { problem: paragraphs('Sorghum.') } });
  await reindexAll(database, target);
}, 120_000);

afterAll(async () => {
  await removeTestIndex(target);
}, 120_000);

describe('membership changes', () => {
  it('hide organisation-only work at the very next search after someone leaves the organisation', async () => {
    const userId = await createTestUser({ username: 'search-leaver' });
    addMembership(db(), userId, personas.organisationId, 'member');
    const asMember = await searchAs(db(), target, viewerOf(userId), { q: 'cassava' });
    expect(asMember.hits.map((hit) => hit.id).sort()).toEqual([`case_study-${organisationOnlyId}`, `lesson-${organisationOnlyId}`].sort());
    expect(asMember.total).toBe(2);
    expect(asMember.facets.countries).toEqual({ CI: 2 });

    const afterLeaving = leaveOrganisation(userId, personas.organisationId);
    const result = await searchAs(db(), target, afterLeaving, { q: 'cassava' });
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(0);
    expect(result.facets.type).toEqual({});
    expect(result.facets.countries).toEqual({});
  });

  it('hide event-only work once someone is removed from the event', async () => {
    const userId = await createTestUser({ username: 'search-participant' });
    addParticipant(db(), personas.eventId, userId, 'participant');
    expect((await searchAs(db(), target, viewerOf(userId), { q: 'cassava' })).hits.map((hit) => hit.sourceId)).toEqual([eventOnlyId]);
    db().delete(eventParticipants).where(and(eq(eventParticipants.eventId, personas.eventId), eq(eventParticipants.userId, userId))).run();
    const result = await searchAs(db(), target, viewerOf(userId), { q: 'cassava' });
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(0);
  });

  it('re-checks hits against SQLite: work narrowed after indexing is not shown while the index catches up', async () => {
    expect((await searchAs(db(), target, null, { q: 'sorghum' })).hits.map((hit) => hit.sourceId)).toEqual([publicId]);
    // The write commits; its outbox row is not drained yet, so the index still says `public`.
    db().update(caseStudies).set({ visibility: 'organisation' }).where(eq(caseStudies.id, publicId)).run();
    const lagging = await searchAs(db(), target, null, { q: 'sorghum' });
    expect(lagging.hits).toEqual([]);
    const member = await searchAs(db(), target, personas.viewers.organisationMember, { q: 'sorghum' });
    expect(member.hits.map((hit) => hit.sourceId)).toEqual([publicId]);
  });

  it('rejects a viewer without rights: a member of another organisation never finds organisation-only work', async () => {
    const result = await searchAs(db(), target, personas.viewers.otherOrganisationMember, { q: 'cassava' });
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(0);
  });
});
