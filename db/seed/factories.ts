import { newId, slugify } from '../../lib/ids';
import type { Db } from '../client';
import { memberships, users } from '../schema/accounts';
import { eventOrganisations, eventParticipants, eventPopulations, events, eventSessions, eventTopics, type eventRoles, type sessionKinds } from '../schema/events';
import { organisationPopulations, organisations, type organisationTypes } from '../schema/organisations';

// Row builders shared by the demo seed and the tests, so both exercise the same shapes.

/** Synchronous so callers can build whole networks inside one transaction: hash passwords first. */
export function insertUser(
  db: Db,
  input: {
    username: string;
    displayName?: string;
    passwordHash: string;
    email?: string | null;
    locale?: 'en' | 'fr';
    siteRole?: 'member' | 'moderator' | 'admin';
    isInDirectory?: boolean;
    isDisabled?: boolean;
    bio?: string;
  },
): string {
  const id = newId();
  db.insert(users)
    .values({
      id,
      username: input.username.toLowerCase(),
      displayName: input.displayName ?? input.username,
      email: input.email ?? null,
      passwordHash: input.passwordHash,
      locale: input.locale ?? 'en',
      siteRole: input.siteRole ?? 'member',
      isInDirectory: input.isInDirectory ?? false,
      isDisabled: input.isDisabled ?? false,
      bio: input.bio ?? '',
    })
    .run();
  return id;
}

export function insertOrganisation(
  db: Db,
  input: { name: string; type: (typeof organisationTypes)[number]; countryCode: string; populations?: string[]; description?: string; visibility?: 'public' | 'members' },
): { id: string; slug: string } {
  const id = newId();
  const slug = slugify(input.name);
  db.insert(organisations)
    .values({ id, slug, name: input.name, type: input.type, countryCode: input.countryCode, description: input.description ?? '', visibility: input.visibility ?? 'public' })
    .run();
  for (const populationKey of input.populations ?? []) db.insert(organisationPopulations).values({ organisationId: id, populationKey }).run();
  return { id, slug };
}

export function addMembership(db: Db, userId: string, organisationId: string, role: 'member' | 'editor' = 'member'): void {
  db.insert(memberships).values({ userId, organisationId, role }).onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role } }).run();
}

export function insertEvent(
  db: Db,
  input: {
    slug: string;
    titleEn: string;
    titleFr: string;
    descriptionEn?: string;
    descriptionFr?: string;
    startsOn: string;
    endsOn: string;
    place?: string;
    countryCode?: string | null;
    visibility?: 'public' | 'members';
    populations?: string[];
    topics?: string[];
  },
): { id: string; slug: string } {
  const id = newId();
  db.insert(events)
    .values({
      id,
      slug: input.slug,
      titleEn: input.titleEn,
      titleFr: input.titleFr,
      descriptionEn: input.descriptionEn ?? '',
      descriptionFr: input.descriptionFr ?? '',
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      place: input.place ?? '',
      countryCode: input.countryCode ?? null,
      visibility: input.visibility ?? 'public',
    })
    .run();
  for (const populationKey of input.populations ?? []) db.insert(eventPopulations).values({ eventId: id, populationKey }).run();
  (input.topics ?? []).forEach((topicKey, sortOrder) => db.insert(eventTopics).values({ eventId: id, topicKey, sortOrder }).run());
  return { id, slug: input.slug };
}

export function addParticipant(db: Db, eventId: string, userId: string, role: (typeof eventRoles)[number]): void {
  db.insert(eventParticipants).values({ eventId, userId, role }).onConflictDoNothing().run();
}

export function addEventOrganisation(db: Db, eventId: string, organisationId: string): void {
  db.insert(eventOrganisations).values({ eventId, organisationId }).onConflictDoNothing().run();
}

export function insertSession(
  db: Db,
  input: { eventId: string; kind: (typeof sessionKinds)[number]; titleEn: string; titleFr: string; day: string; startsAt?: string; endsAt?: string; room?: string },
): string {
  const id = newId();
  db.insert(eventSessions).values({ id, ...input, startsAt: input.startsAt ?? '', endsAt: input.endsAt ?? '', room: input.room ?? '' }).run();
  return id;
}
