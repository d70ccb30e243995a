import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { eventOrganisations, eventParticipants, eventPopulations, events, eventSessions, eventTopics } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { recordAudit } from '@/lib/audit';
import { syncSubjectThreads } from '@/lib/conversations/sync';
import { AppError } from '@/lib/errors';
import { newId, slugify } from '@/lib/ids';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { AddParticipantInput, DeleteSessionInput, EventInput, EventOrganisationInput, RemoveParticipantInput, SessionInput, UpdateEventInput } from './schemas';

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function replaceFacets(tx: Tx, eventId: string, data: EventInput) {
  tx.delete(eventPopulations).where(eq(eventPopulations.eventId, eventId)).run();
  tx.delete(eventTopics).where(eq(eventTopics.eventId, eventId)).run();
  for (const populationKey of new Set(data.populations)) tx.insert(eventPopulations).values({ eventId, populationKey }).run();
  [...new Set(data.topics)].forEach((topicKey, sortOrder) => tx.insert(eventTopics).values({ eventId, topicKey, sortOrder }).run());
}

function findEvent(eventId: string) {
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  return event;
}

function eventFields(data: EventInput) {
  return {
    titleEn: data.titleEn,
    titleFr: data.titleFr,
    descriptionEn: data.descriptionEn ?? '',
    descriptionFr: data.descriptionFr ?? '',
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    place: data.place ?? '',
    countryCode: data.countryCode ?? null,
    visibility: data.visibility,
  };
}

export function createEvent({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'event.create', null);
  const data = EventInput.parse(input);
  const id = newId();
  return getDb().transaction(
    (tx) => {
      const base = slugify(data.titleEn) || 'event';
      let slug = base;
      for (let suffix = 2; tx.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get(); suffix++) slug = `${base}-${suffix}`;
      tx.insert(events).values({ id, slug, ...eventFields(data) }).run();
      replaceFacets(tx, id, data);
      recordAudit(tx, { actorId: viewer!.userId, action: 'event.create', targetType: 'event', targetId: id, detail: data.titleEn });
      return { id, slug };
    },
    { behavior: 'immediate' },
  );
}

export function updateEvent({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = UpdateEventInput.parse(input);
  const event = findEvent(data.eventId);
  assertCan(viewer, 'event.update', event);
  getDb().transaction(
    (tx) => {
      tx.update(events).set(eventFields(data)).where(eq(events.id, event.id)).run();
      replaceFacets(tx, event.id, data);
      syncSubjectThreads(tx, 'event', event.id);
      recordAudit(tx, { actorId: viewer!.userId, action: 'event.update', targetType: 'event', targetId: event.id });
    },
    { behavior: 'immediate' },
  );
  return { id: event.id, slug: event.slug };
}

export function addParticipant({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = AddParticipantInput.parse(input);
  assertCan(viewer, 'event.manageParticipants', findEvent(data.eventId));
  if (!can(viewer, 'member.changeAccess', { userId: data.userId })) throw new AppError('forbidden', 'errors.no_self_grant');
  getDb().transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, data.userId)).get()) throw new AppError('not_found');
    tx.insert(eventParticipants).values(data).onConflictDoNothing().run();
    recordAudit(tx, { actorId: viewer!.userId, action: 'event.addParticipant', targetType: 'event', targetId: data.eventId, detail: `${data.userId}=${data.role}` });
  });
}

export function removeParticipant({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = RemoveParticipantInput.parse(input);
  assertCan(viewer, 'event.manageParticipants', findEvent(data.eventId));
  getDb().transaction((tx) => {
    tx.delete(eventParticipants)
      .where(and(eq(eventParticipants.eventId, data.eventId), eq(eventParticipants.userId, data.userId), eq(eventParticipants.role, data.role)))
      .run();
    recordAudit(tx, { actorId: viewer!.userId, action: 'event.removeParticipant', targetType: 'event', targetId: data.eventId, detail: `${data.userId}=${data.role}` });
  });
}

export function setEventOrganisation({ viewer, input, isParticipating }: { viewer: MaybeViewer; input: unknown; isParticipating: boolean }) {
  const data = EventOrganisationInput.parse(input);
  assertCan(viewer, 'event.manageParticipants', findEvent(data.eventId));
  getDb().transaction((tx) => {
    if (!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, data.organisationId)).get()) throw new AppError('not_found');
    if (isParticipating) tx.insert(eventOrganisations).values(data).onConflictDoNothing().run();
    else tx.delete(eventOrganisations).where(and(eq(eventOrganisations.eventId, data.eventId), eq(eventOrganisations.organisationId, data.organisationId))).run();
    recordAudit(tx, { actorId: viewer!.userId, action: isParticipating ? 'event.addOrganisation' : 'event.removeOrganisation', targetType: 'event', targetId: data.eventId, detail: data.organisationId });
  });
}

export function addSession({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = SessionInput.parse(input);
  const event = findEvent(data.eventId);
  assertCan(viewer, 'event.manageProgramme', event);
  if (data.day < event.startsOn || data.day > event.endsOn) throw new AppError('invalid_input', 'errors.session_outside_event');
  const id = newId();
  getDb().transaction((tx) => {
    tx.insert(eventSessions).values({ id, ...data, room: data.room ?? '' }).run();
    recordAudit(tx, { actorId: viewer!.userId, action: 'event.addSession', targetType: 'event', targetId: event.id, detail: id });
  });
  return { id };
}

export function deleteSession({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = DeleteSessionInput.parse(input);
  assertCan(viewer, 'event.manageProgramme', findEvent(data.eventId));
  getDb().transaction((tx) => {
    const result = tx.delete(eventSessions).where(and(eq(eventSessions.id, data.sessionId), eq(eventSessions.eventId, data.eventId))).run();
    if (result.changes === 0) throw new AppError('not_found');
    recordAudit(tx, { actorId: viewer!.userId, action: 'event.deleteSession', targetType: 'event', targetId: data.eventId, detail: data.sessionId });
  });
}
