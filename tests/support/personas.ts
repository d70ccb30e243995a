import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import { addMembership, addParticipant, insertEvent, insertOrganisation, insertUser } from '@/db/seed/factories';
import { findViewer } from '@/lib/accounts/queries';
import { hashPassword } from '@/lib/auth/passwords';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { testDb } from './database';

/** Every test user shares this password; it is hashed once per test file (argon2id is deliberately slow). */
export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(testPassword);
  return passwordHash;
}

export async function createTestUser(input: Omit<Parameters<typeof insertUser>[1], 'passwordHash'>): Promise<string> {
  return insertUser(testDb(), { ...input, passwordHash: await testPasswordHash() });
}

/** The viewer a valid session of this user would get, read from SQLite like every request does. */
export function viewerOf(userId: string): Viewer {
  const row = testDb().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
  const viewer = row ? findViewer(userId, row.sessionVersion) : null;
  if (!viewer) throw new Error(`no viewer for user ${userId}`);
  return viewer;
}

/** The personas of the policy matrix. Each has exactly one relation to the owning organisation O1 and event E1, or none. */
export const personaNames = [
  'anonymous',
  'otherOrganisationMember',
  'organisationMember',
  'organisationEditor',
  'author',
  'eventParticipant',
  'eventFacilitator',
  'otherEventFacilitator',
  'moderator',
  'admin',
] as const;
export type PersonaName = (typeof personaNames)[number];
export type SignedInPersona = Exclude<PersonaName, 'anonymous'>;

export type Personas = {
  /** O1 and E1 own the resources under test; O2 and E2 are unrelated. */
  organisationId: string;
  otherOrganisationId: string;
  eventId: string;
  otherEventId: string;
  userIds: Record<SignedInPersona, string>;
  usernames: Record<SignedInPersona, string>;
  viewers: Record<PersonaName, MaybeViewer>;
};

let seeded: Promise<Personas> | undefined;

/** Builds the personas once per test file (the database is per file) with the factories the demo seed uses. */
export function seedPersonas(): Promise<Personas> {
  seeded ??= buildPersonas();
  return seeded;
}

async function buildPersonas(): Promise<Personas> {
  const db = testDb();
  const hash = await testPasswordHash();
  const usernames: Record<SignedInPersona, string> = {
    otherOrganisationMember: 'persona-other-member',
    organisationMember: 'persona-member',
    organisationEditor: 'persona-editor',
    author: 'persona-author',
    eventParticipant: 'persona-participant',
    eventFacilitator: 'persona-facilitator',
    otherEventFacilitator: 'persona-other-facilitator',
    moderator: 'persona-moderator',
    admin: 'persona-admin',
  };
  const ids = db.transaction(() => {
    const organisation = insertOrganisation(db, { name: 'Persona Owning Organisation', type: 'kp_led', countryCode: 'KE', visibility: 'members' });
    const otherOrganisation = insertOrganisation(db, { name: 'Persona Other Organisation', type: 'implementing_partner', countryCode: 'SN', visibility: 'public' });
    const event = insertEvent(db, { slug: 'persona-event', titleEn: 'Persona event', titleFr: 'Événement persona', startsOn: '2030-03-02', endsOn: '2030-03-05' });
    const otherEvent = insertEvent(db, { slug: 'persona-other-event', titleEn: 'Other event', titleFr: 'Autre événement', startsOn: '2030-06-01', endsOn: '2030-06-03' });
    const userIds = Object.fromEntries(
      (Object.keys(usernames) as SignedInPersona[]).map((name) => [
        name,
        insertUser(db, {
          username: usernames[name],
          displayName: name,
          passwordHash: hash,
          siteRole: name === 'admin' ? 'admin' : name === 'moderator' ? 'moderator' : 'member',
        }),
      ]),
    ) as Record<SignedInPersona, string>;
    addMembership(db, userIds.otherOrganisationMember, otherOrganisation.id, 'member');
    addMembership(db, userIds.organisationMember, organisation.id, 'member');
    addMembership(db, userIds.organisationEditor, organisation.id, 'editor');
    addParticipant(db, event.id, userIds.eventParticipant, 'participant');
    addParticipant(db, event.id, userIds.eventFacilitator, 'facilitator');
    addParticipant(db, otherEvent.id, userIds.otherEventFacilitator, 'facilitator');
    return { organisationId: organisation.id, otherOrganisationId: otherOrganisation.id, eventId: event.id, otherEventId: otherEvent.id, userIds };
  });
  const viewers = { anonymous: null } as Record<PersonaName, MaybeViewer>;
  for (const name of Object.keys(usernames) as SignedInPersona[]) viewers[name] = viewerOf(ids.userIds[name]);
  return { ...ids, usernames, viewers };
}
