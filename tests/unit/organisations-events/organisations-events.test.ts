import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventParticipants, events, eventSessions } from '@/db/schema/events';
import { organisationPopulations, organisations } from '@/db/schema/organisations';
import { auditEntries } from '@/db/schema/system';
import { insertEvent, insertOrganisation } from '@/db/seed/factories';
import { addParticipant, addSession, createEvent, deleteSession } from '@/lib/events/mutations';
import { getEventBySlug, listPastEvents, listUpcomingEvents } from '@/lib/events/queries';
import { createOrganisation, updateOrganisation } from '@/lib/organisations/mutations';
import { getOrganisationBySlug, listOrganisations } from '@/lib/organisations/queries';
import type { MaybeViewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, type Personas, type SignedInPersona } from '../../support/personas';

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

const auditOf = (targetId: string) =>
  testDb().select().from(auditEntries).where(eq(auditEntries.targetId, targetId)).all().map((entry) => ({ actorId: entry.actorId, action: entry.action }));
const auditCount = () => testDb().select().from(auditEntries).all().length;

const nonAdmins: SignedInPersona[] = ['organisationMember', 'organisationEditor', 'eventFacilitator', 'moderator'];

function organisationInput(overrides: Record<string, unknown> = {}) {
  return { name: 'Réseau Santé Plus', type: 'kp_led', countryCode: 'SN', populations: ['msm', 'sex_workers'], description: '', visibility: 'members', ...overrides };
}

function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    titleEn: 'Learning and sharing event on safety',
    titleFr: 'Événement sur la sécurité',
    startsOn: '2031-05-10',
    endsOn: '2031-05-13',
    place: 'Dakar',
    countryCode: 'SN',
    visibility: 'public',
    populations: 'msm',
    topics: [],
    ...overrides,
  };
}

function sessionInput(eventId: string, overrides: Record<string, unknown> = {}) {
  return { eventId, kind: 'plenary', titleEn: 'Opening plenary', titleFr: "Plénière d'ouverture", day: '2030-03-02', startsAt: '09:00', endsAt: '10:30', room: '', ...overrides };
}

describe('organisations', () => {
  it('an admin creates an organisation, with its populations and an audit entry', () => {
    const { id, slug } = createOrganisation({ viewer: personas.viewers.admin, input: organisationInput() });
    expect(slug).toBe('reseau-sante-plus');
    expect(testDb().select().from(organisations).where(eq(organisations.id, id)).get()).toMatchObject({ name: 'Réseau Santé Plus', type: 'kp_led', countryCode: 'SN', visibility: 'members' });
    expect(testDb().select().from(organisationPopulations).where(eq(organisationPopulations.organisationId, id)).all().map((row) => row.populationKey).sort()).toEqual(['msm', 'sex_workers']);
    expect(auditOf(id)).toEqual([{ actorId: personas.userIds.admin, action: 'organisation.create' }]);
    // A second organisation of the same name gets its own slug.
    expect(createOrganisation({ viewer: personas.viewers.admin, input: organisationInput() }).slug).toBe('reseau-sante-plus-2');
  });

  it('rejects a viewer without rights to create: non-admins are forbidden, anonymous visitors must sign in', () => {
    const organisationsBefore = testDb().select().from(organisations).all().length;
    const auditBefore = auditCount();
    for (const name of nonAdmins) expectAppError(thrownBy(() => createOrganisation({ viewer: personas.viewers[name], input: organisationInput() })), 'forbidden');
    expectAppError(thrownBy(() => createOrganisation({ viewer: null, input: organisationInput() })), 'unauthenticated');
    expect(testDb().select().from(organisations).all()).toHaveLength(organisationsBefore);
    expect(auditCount()).toBe(auditBefore);
  });

  it('an admin updates an organisation and the change is audited', () => {
    const { id } = insertOrganisation(testDb(), { name: 'Update Me', type: 'secretariat', countryCode: 'KE', visibility: 'public', populations: ['pwud'] });
    updateOrganisation({ viewer: personas.viewers.admin, input: { ...organisationInput({ name: 'Updated', visibility: 'members', populations: ['lgbti'] }), organisationId: id } });
    expect(testDb().select().from(organisations).where(eq(organisations.id, id)).get()).toMatchObject({ name: 'Updated', visibility: 'members', type: 'kp_led' });
    expect(testDb().select().from(organisationPopulations).where(eq(organisationPopulations.organisationId, id)).all().map((row) => row.populationKey)).toEqual(['lgbti']);
    expect(auditOf(id)).toEqual([{ actorId: personas.userIds.admin, action: 'organisation.update' }]);
  });

  it('rejects a viewer without rights to update, even the organisation own editor; a hidden organisation is not found', () => {
    const visible = insertOrganisation(testDb(), { name: 'Visible Org', type: 'kp_led', countryCode: 'KE', visibility: 'public' });
    const input = (organisationId: string) => ({ ...organisationInput({ name: 'Hijacked' }), organisationId });
    for (const name of nonAdmins) expectAppError(thrownBy(() => updateOrganisation({ viewer: personas.viewers[name], input: input(personas.organisationId) })), 'forbidden');
    expectAppError(thrownBy(() => updateOrganisation({ viewer: null, input: input(visible.id) })), 'unauthenticated');
    // O1 is listed to members only: to an anonymous visitor it does not exist.
    expectAppError(thrownBy(() => updateOrganisation({ viewer: null, input: input(personas.organisationId) })), 'not_found');
    expectAppError(thrownBy(() => updateOrganisation({ viewer: personas.viewers.admin, input: input('no-such-organisation') })), 'not_found');
    expect(testDb().select().from(organisations).where(eq(organisations.name, 'Hijacked')).all()).toEqual([]);
    expect(auditOf(personas.organisationId)).toEqual([]);
  });

  it('lists members-only organisations to signed-in members, never to anonymous visitors', () => {
    const hidden = insertOrganisation(testDb(), { name: 'Quiet KP Collective', type: 'kp_led', countryCode: 'BI', visibility: 'members' });
    const listed = insertOrganisation(testDb(), { name: 'Open Partner', type: 'implementing_partner', countryCode: 'BI', visibility: 'public' });
    const anonymous = listOrganisations(null, { countryCode: 'BI' }).map((row) => row.id);
    const member = listOrganisations(personas.viewers.otherOrganisationMember, { countryCode: 'BI' }).map((row) => row.id);
    expect(anonymous).toEqual([listed.id]);
    expect(member.sort()).toEqual([hidden.id, listed.id].sort());
    expect(listOrganisations(null).every((row) => row.visibility === 'public')).toBe(true);
    expectAppError(thrownBy(() => getOrganisationBySlug(null, hidden.slug)), 'not_found');
    expect(getOrganisationBySlug(personas.viewers.organisationMember, hidden.slug)).toMatchObject({ id: hidden.id });
    expect(getOrganisationBySlug(null, listed.slug)).toMatchObject({ id: listed.id, memberCount: null, listedMembers: [] });
  });
});

describe('events', () => {
  it('an admin creates an event with an audit entry', () => {
    const { id, slug } = createEvent({ viewer: personas.viewers.admin, input: eventInput() });
    expect(slug).toBe('learning-and-sharing-event-on-safety');
    expect(testDb().select().from(events).where(eq(events.id, id)).get()).toMatchObject({ titleFr: 'Événement sur la sécurité', startsOn: '2031-05-10', endsOn: '2031-05-13', visibility: 'public' });
    expect(auditOf(id)).toEqual([{ actorId: personas.userIds.admin, action: 'event.create' }]);
  });

  it('rejects a viewer without rights to create events, facilitators included', () => {
    const auditBefore = auditCount();
    const eventsBefore = testDb().select().from(events).all().length;
    for (const name of nonAdmins) expectAppError(thrownBy(() => createEvent({ viewer: personas.viewers[name], input: eventInput() })), 'forbidden');
    expectAppError(thrownBy(() => createEvent({ viewer: null, input: eventInput() })), 'unauthenticated');
    expect(testDb().select().from(events).all()).toHaveLength(eventsBefore);
    expect(auditCount()).toBe(auditBefore);
  });

  it('an admin adds a participant, audited; nobody else may', () => {
    const userId = personas.userIds.organisationMember;
    const input = { eventId: personas.eventId, userId, role: 'presenter' };
    const participantRows = () => testDb().select().from(eventParticipants).where(and(eq(eventParticipants.eventId, personas.eventId), eq(eventParticipants.userId, userId))).all();

    for (const name of ['eventFacilitator', 'eventParticipant', 'organisationEditor', 'moderator'] as const) {
      expectAppError(thrownBy(() => addParticipant({ viewer: personas.viewers[name], input })), 'forbidden');
    }
    expectAppError(thrownBy(() => addParticipant({ viewer: null, input })), 'unauthenticated');
    expect(participantRows()).toEqual([]);

    addParticipant({ viewer: personas.viewers.admin, input });
    expect(participantRows().map((row) => row.role)).toEqual(['presenter']);
    expect(auditOf(personas.eventId)).toContainEqual({ actorId: personas.userIds.admin, action: 'event.addParticipant' });
    expectAppError(thrownBy(() => addParticipant({ viewer: personas.viewers.admin, input: { ...input, userId: 'no-such-user' } })), 'not_found');
  });

  it('the event facilitator and admins run the programme; sessions are audited', () => {
    const sessionsOf = (eventId: string) => testDb().select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).all();
    const before = sessionsOf(personas.eventId).map((row) => row.id);
    const byFacilitator = addSession({ viewer: personas.viewers.eventFacilitator, input: sessionInput(personas.eventId) });
    const byAdmin = addSession({ viewer: personas.viewers.admin, input: sessionInput(personas.eventId, { kind: 'panel', day: '2030-03-05', titleEn: 'Closing panel' }) });
    expect(sessionsOf(personas.eventId).map((row) => row.id).sort()).toEqual([...before, byFacilitator.id, byAdmin.id].sort());
    expect(auditOf(personas.eventId)).toEqual(
      expect.arrayContaining([
        { actorId: personas.userIds.eventFacilitator, action: 'event.addSession' },
        { actorId: personas.userIds.admin, action: 'event.addSession' },
      ]),
    );

    deleteSession({ viewer: personas.viewers.eventFacilitator, input: { eventId: personas.eventId, sessionId: byAdmin.id } });
    expect(sessionsOf(personas.eventId).map((row) => row.id).sort()).toEqual([...before, byFacilitator.id].sort());
    expect(auditOf(personas.eventId)).toContainEqual({ actorId: personas.userIds.eventFacilitator, action: 'event.deleteSession' });
  });

  it('rejects a viewer without rights to the programme: another event facilitator, participants, editors, anonymous', () => {
    const hiddenEvent = insertEvent(testDb(), { slug: 'members-only-event', titleEn: 'Members only', titleFr: 'Membres seulement', startsOn: '2030-03-02', endsOn: '2030-03-05', visibility: 'members' });
    const sessionsBefore = testDb().select().from(eventSessions).all().length;
    const auditBefore = auditCount();
    for (const name of ['otherEventFacilitator', 'eventParticipant', 'organisationEditor', 'moderator'] as const) {
      expectAppError(thrownBy(() => addSession({ viewer: personas.viewers[name], input: sessionInput(personas.eventId) })), 'forbidden');
    }
    expectAppError(thrownBy(() => addSession({ viewer: null, input: sessionInput(personas.eventId) })), 'unauthenticated');
    expectAppError(thrownBy(() => addSession({ viewer: null, input: sessionInput(hiddenEvent.id) })), 'not_found');
    expectAppError(thrownBy(() => addSession({ viewer: personas.viewers.eventFacilitator, input: sessionInput(hiddenEvent.id) })), 'forbidden');
    expectAppError(thrownBy(() => addSession({ viewer: personas.viewers.admin, input: sessionInput('no-such-event') })), 'not_found');
    expect(testDb().select().from(eventSessions).all()).toHaveLength(sessionsBefore);
    expect(auditCount()).toBe(auditBefore);
  });

  it('refuses a session outside the event dates', () => {
    const sessionsBefore = testDb().select().from(eventSessions).all().length;
    for (const day of ['2030-03-01', '2030-03-06', '2031-03-03']) {
      expectAppError(thrownBy(() => addSession({ viewer: personas.viewers.admin, input: sessionInput(personas.eventId, { day }) })), 'invalid_input');
    }
    // The first and last days are inside.
    addSession({ viewer: personas.viewers.admin, input: sessionInput(personas.eventId, { day: '2030-03-02' }) });
    addSession({ viewer: personas.viewers.admin, input: sessionInput(personas.eventId, { day: '2030-03-05' }) });
    expect(testDb().select().from(eventSessions).all()).toHaveLength(sessionsBefore + 2);
  });

  it('lists members-only events to signed-in members, never to anonymous visitors', () => {
    const db = testDb();
    const open = insertEvent(db, { slug: 'open-future', titleEn: 'Open future event', titleFr: 'Événement ouvert', startsOn: '2032-01-10', endsOn: '2032-01-12', visibility: 'public' });
    const hidden = insertEvent(db, { slug: 'hidden-future', titleEn: 'Hidden future event', titleFr: 'Événement caché', startsOn: '2032-02-10', endsOn: '2032-02-12', visibility: 'members' });
    const hiddenPast = insertEvent(db, { slug: 'hidden-past', titleEn: 'Hidden past event', titleFr: 'Événement passé caché', startsOn: '2015-02-10', endsOn: '2015-02-12', visibility: 'members' });
    const openPast = insertEvent(db, { slug: 'open-past', titleEn: 'Open past event', titleFr: 'Événement passé', startsOn: '2015-03-10', endsOn: '2015-03-12', visibility: 'public' });

    const ids = (viewer: MaybeViewer) => ({
      upcoming: listUpcomingEvents(viewer, 'en').map((event) => event.id),
      past: listPastEvents(viewer, 'en').map((event) => event.id),
    });
    const anonymous = ids(null);
    expect(anonymous.upcoming).toContain(open.id);
    expect(anonymous.upcoming).not.toContain(hidden.id);
    expect(anonymous.past).toEqual([openPast.id]);
    const allPublic = db.select({ id: events.id }).from(events).where(eq(events.visibility, 'public')).all().map((row) => row.id);
    expect(anonymous.upcoming.every((id) => allPublic.includes(id))).toBe(true);

    const member = ids(personas.viewers.otherOrganisationMember);
    expect(member.upcoming).toEqual(expect.arrayContaining([open.id, hidden.id]));
    expect(member.past.sort()).toEqual([hiddenPast.id, openPast.id].sort());

    expect(listUpcomingEvents(null, 'fr').find((event) => event.id === open.id)?.title).toBe('Événement ouvert');
    expectAppError(thrownBy(() => getEventBySlug(null, hidden.slug, 'en')), 'not_found');
    expect(getEventBySlug(personas.viewers.eventParticipant, hidden.slug, 'en')).toMatchObject({ id: hidden.id, visibility: 'members' });
  });

  it('shows programme controls only to those who may use them', () => {
    const abilities = (name: keyof Personas['viewers']) => getEventBySlug(personas.viewers[name], 'persona-event', 'en').abilities;
    expect(abilities('eventFacilitator')).toEqual({ 'event.update': false, 'event.manageProgramme': true, 'event.manageParticipants': false });
    expect(abilities('admin')).toEqual({ 'event.update': true, 'event.manageProgramme': true, 'event.manageParticipants': true });
    expect(abilities('eventParticipant')).toEqual({ 'event.update': false, 'event.manageProgramme': false, 'event.manageParticipants': false });
    expect(abilities('anonymous')).toEqual({ 'event.update': false, 'event.manageProgramme': false, 'event.manageParticipants': false });
  });
});
