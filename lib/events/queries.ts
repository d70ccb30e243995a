import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { eventOrganisations, eventParticipants, eventPopulations, events, eventSessions, eventTopics } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { AppError } from '@/lib/errors';
import { abilitiesFor, assertCan } from '@/lib/policy/rules';
import { readableListingWhere } from '@/lib/policy/scopes';
import type { Locale, MaybeViewer } from '@/lib/policy/types';

const cardColumns = {
  id: events.id,
  slug: events.slug,
  titleEn: events.titleEn,
  titleFr: events.titleFr,
  startsOn: events.startsOn,
  endsOn: events.endsOn,
  place: events.place,
  countryCode: events.countryCode,
};

export type EventCard = { id: string; slug: string; title: string; startsOn: string; endsOn: string; place: string; countryCode: string | null };

const toCard = (locale: Locale) => (row: { titleEn: string; titleFr: string } & Omit<EventCard, 'title'>): EventCard => {
  const { titleEn, titleFr, ...rest } = row;
  return { ...rest, title: locale === 'fr' ? titleFr : titleEn };
};

const today = () => new Date().toISOString().slice(0, 10);

export function listUpcomingEvents(viewer: MaybeViewer, locale: Locale, limit = 50): EventCard[] {
  return getDb()
    .select(cardColumns)
    .from(events)
    .where(and(readableListingWhere(viewer, events.visibility), gte(events.endsOn, today())))
    .orderBy(asc(events.startsOn))
    .limit(limit)
    .all()
    .map(toCard(locale));
}

export function listPastEvents(viewer: MaybeViewer, locale: Locale, limit = 50): EventCard[] {
  return getDb()
    .select(cardColumns)
    .from(events)
    .where(and(readableListingWhere(viewer, events.visibility), lt(events.endsOn, today())))
    .orderBy(desc(events.startsOn))
    .limit(limit)
    .all()
    .map(toCard(locale));
}

export function getEventBySlug(viewer: MaybeViewer, slug: string, locale: Locale) {
  const db = getDb();
  const event = db.select().from(events).where(eq(events.slug, slug)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, 'event.read', event);
  const populations = db.select({ key: eventPopulations.populationKey }).from(eventPopulations).where(eq(eventPopulations.eventId, event.id)).all().map((row) => row.key);
  const topicKeys = db.select({ key: eventTopics.topicKey }).from(eventTopics).where(eq(eventTopics.eventId, event.id)).orderBy(asc(eventTopics.sortOrder)).all().map((row) => row.key);
  const sessions = db
    .select()
    .from(eventSessions)
    .where(eq(eventSessions.eventId, event.id))
    .orderBy(asc(eventSessions.day), asc(eventSessions.startsAt), asc(eventSessions.titleEn))
    .all()
    .map((session) => ({ ...session, title: locale === 'fr' ? session.titleFr : session.titleEn }));
  const participatingOrganisations = db
    .select({ slug: organisations.slug, name: organisations.name, countryCode: organisations.countryCode, type: organisations.type })
    .from(eventOrganisations)
    .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
    .where(and(eq(eventOrganisations.eventId, event.id), readableListingWhere(viewer, organisations.visibility)))
    .orderBy(asc(organisations.name))
    .all();
  // Members see how many took part, and the names of facilitators and of participants listed in the directory.
  const people = viewer
    ? db
        .select({ id: users.id, displayName: users.displayName, role: eventParticipants.role, isInDirectory: users.isInDirectory })
        .from(eventParticipants)
        .innerJoin(users, eq(users.id, eventParticipants.userId))
        .where(and(eq(eventParticipants.eventId, event.id), eq(users.isDisabled, false)))
        .orderBy(asc(users.displayName))
        .all()
    : [];
  const participantCount = new Set(people.map((person) => person.id)).size;
  const facilitators = people.filter((person) => person.role === 'facilitator');
  const listedParticipants = [...new Map(people.filter((person) => person.isInDirectory).map((person) => [person.id, person])).values()];
  return {
    ...toCard(locale)(event),
    description: locale === 'fr' ? event.descriptionFr : event.descriptionEn,
    visibility: event.visibility,
    populations,
    topics: topicKeys,
    sessions,
    organisations: participatingOrganisations,
    participantCount: viewer ? participantCount : null,
    facilitators,
    listedParticipants,
    abilities: abilitiesFor(viewer, ['event.update', 'event.manageProgramme', 'event.manageParticipants'], event),
  };
}

/** Everything an admin edits about an event, participants by name included. */
export function getEventForAdmin(viewer: MaybeViewer, eventId: string) {
  const db = getDb();
  const event = db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, 'event.manageProgramme', event);
  const populations = db.select({ key: eventPopulations.populationKey }).from(eventPopulations).where(eq(eventPopulations.eventId, eventId)).all().map((row) => row.key);
  const topicKeys = db.select({ key: eventTopics.topicKey }).from(eventTopics).where(eq(eventTopics.eventId, eventId)).orderBy(asc(eventTopics.sortOrder)).all().map((row) => row.key);
  const participants = db
    .select({ userId: users.id, displayName: users.displayName, username: users.username, role: eventParticipants.role })
    .from(eventParticipants)
    .innerJoin(users, eq(users.id, eventParticipants.userId))
    .where(eq(eventParticipants.eventId, eventId))
    .orderBy(asc(users.displayName), asc(eventParticipants.role))
    .all();
  const participatingOrganisations = db
    .select({ id: organisations.id, name: organisations.name })
    .from(eventOrganisations)
    .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
    .where(eq(eventOrganisations.eventId, eventId))
    .orderBy(asc(organisations.name))
    .all();
  const sessions = db.select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).orderBy(asc(eventSessions.day), asc(eventSessions.startsAt)).all();
  return { event, populations, topics: topicKeys, participants, organisations: participatingOrganisations, sessions, abilities: abilitiesFor(viewer, ['event.update', 'event.manageParticipants'], event) };
}

export function listEventsForAdmin(viewer: MaybeViewer) {
  assertCan(viewer, 'admin.access', null);
  const db = getDb();
  const rows = db.select({ ...cardColumns, visibility: events.visibility }).from(events).orderBy(desc(events.startsOn)).all();
  const counts = rows.length
    ? db
        .select({ eventId: eventParticipants.eventId, count: sql<number>`count(distinct ${eventParticipants.userId})` })
        .from(eventParticipants)
        .where(inArray(eventParticipants.eventId, rows.map((row) => row.id)))
        .groupBy(eventParticipants.eventId)
        .all()
    : [];
  return rows.map((row) => ({ ...row, participantCount: counts.find((count) => count.eventId === row.id)?.count ?? 0 }));
}

/** id + display name pairs for the participant picker. */
export function listUserChoices(viewer: MaybeViewer) {
  assertCan(viewer, 'member.manage', null);
  return getDb().select({ id: users.id, displayName: users.displayName, username: users.username }).from(users).where(eq(users.isDisabled, false)).orderBy(asc(users.displayName)).all();
}

/** The event's id and listing facts by slug, for pages that act on it (calls, case studies). */
export function findEventRef(viewer: MaybeViewer, slug: string) {
  const event = getDb().select({ id: events.id, slug: events.slug, visibility: events.visibility, titleEn: events.titleEn, titleFr: events.titleFr }).from(events).where(eq(events.slug, slug)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, 'event.read', event);
  return event;
}
