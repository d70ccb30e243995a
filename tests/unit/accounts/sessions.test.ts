import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { auditEntries } from '@/db/schema/system';
import { addMembership, addParticipant } from '@/db/seed/factories';
import { changePassword, setDisabled, setMembership, signOutEverywhere } from '@/lib/accounts/mutations';
import { addParticipant as addEventParticipant } from '@/lib/events/mutations';
import { limits } from '@/lib/rate-limit';
import { findViewer } from '@/lib/accounts/queries';
import { verifyPassword } from '@/lib/auth/passwords';
import type { Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, rejectionOf, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, testPassword, type Personas } from '../../support/personas';

// A session is a JWT carrying (userId, sessionVersion); every request rebuilds the viewer with findViewer,
// so bumping the version in SQLite revokes every session issued before.

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

const sessionVersionOf = (userId: string) => testDb().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!.sessionVersion;

let serial = 0;
let userId: string;
let viewer: Viewer;
beforeEach(async () => {
  serial++;
  userId = await createTestUser({ username: `session-user-${serial}`, displayName: `Session user ${serial}` });
  const db = testDb();
  addMembership(db, userId, personas.organisationId, 'editor');
  addMembership(db, userId, personas.otherOrganisationId, 'member');
  addParticipant(db, personas.eventId, userId, 'participant');
  addParticipant(db, personas.eventId, userId, 'presenter');
  addParticipant(db, personas.otherEventId, userId, 'facilitator');
  viewer = findViewer(userId, 1)!;
});

describe('findViewer', () => {
  it('builds the viewer with its organisation and event roles from SQLite', () => {
    expect(viewer).toEqual({
      userId,
      displayName: `Session user ${serial}`,
      locale: 'en',
      siteRole: 'member',
      organisationRoles: { [personas.organisationId]: 'editor', [personas.otherOrganisationId]: 'member' },
      eventRoles: { [personas.eventId]: expect.arrayContaining(['participant', 'presenter']), [personas.otherEventId]: ['facilitator'] },
    });
    expect(viewer.eventRoles[personas.eventId]).toHaveLength(2);
  });

  it('rejects a viewer without rights: an unknown account or another version gives null', () => {
    expect(findViewer('no-such-user', 1)).toBeNull();
    expect(findViewer(userId, 2)).toBeNull();
    expect(findViewer(userId, 0)).toBeNull();
  });
});

describe('revoking sessions', () => {
  it('signOutEverywhere ends every session issued before', () => {
    signOutEverywhere(viewer);
    expect(findViewer(userId, 1)).toBeNull();
    expect(findViewer(userId, 2)).toMatchObject({ userId });
  });

  it('changePassword needs the current password, then ends every session', async () => {
    expectAppError(await rejectionOf(changePassword({ viewer, input: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } })), 'wrong_password');
    expect(findViewer(userId, 1)).toMatchObject({ userId });

    await changePassword({ viewer, input: { currentPassword: testPassword, newPassword: 'a brand new passphrase' } });
    expect(findViewer(userId, 1)).toBeNull();
    expect(findViewer(userId, sessionVersionOf(userId))).toMatchObject({ userId });
    const { passwordHash } = testDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()!;
    await expect(verifyPassword(passwordHash, 'a brand new passphrase')).resolves.toBe(true);
    await expect(verifyPassword(passwordHash, testPassword)).resolves.toBe(false);
  });

  it('changePassword refuses a too short new password', async () => {
    expect(await rejectionOf(changePassword({ viewer, input: { currentPassword: testPassword, newPassword: 'short' } }))).toBeInstanceOf(ZodError);
    expect(findViewer(userId, 1)).toMatchObject({ userId });
  });

  it('disabling by an admin ends the sessions at once, and re-enabling does not revive them', () => {
    setDisabled({ viewer: personas.viewers.admin, input: { userId, isDisabled: 'on' } });
    expect(findViewer(userId, 1)).toBeNull();
    expect(findViewer(userId, sessionVersionOf(userId))).toBeNull();
    expect(testDb().select().from(auditEntries).where(eq(auditEntries.targetId, userId)).all().map((entry) => entry.action)).toEqual(['member.disable']);

    setDisabled({ viewer: personas.viewers.admin, input: { userId, isDisabled: '' } });
    expect(findViewer(userId, 1)).toBeNull();
    expect(findViewer(userId, sessionVersionOf(userId))).toMatchObject({ userId });
  });

  it('rejects a viewer without rights: only admins disable accounts, and not their own', () => {
    for (const name of ['organisationEditor', 'moderator', 'eventFacilitator'] as const) {
      expectAppError(thrownBy(() => setDisabled({ viewer: personas.viewers[name], input: { userId, isDisabled: 'on' } })), 'forbidden');
    }
    expectAppError(thrownBy(() => setDisabled({ viewer: null, input: { userId, isDisabled: 'on' } })), 'unauthenticated');
    expectAppError(thrownBy(() => setDisabled({ viewer, input: { userId, isDisabled: 'on' } })), 'forbidden');
    expectAppError(thrownBy(() => setDisabled({ viewer: personas.viewers.admin, input: { userId: personas.userIds.admin, isDisabled: 'on' } })), 'forbidden');
    expect(findViewer(userId, 1)).toMatchObject({ userId });
    expect(findViewer(personas.userIds.admin, sessionVersionOf(personas.userIds.admin))).toMatchObject({ siteRole: 'admin' });
  });

  it('removing a membership takes effect on the next request', () => {
    setMembership({ viewer: personas.viewers.admin, input: { userId, organisationId: personas.organisationId, role: 'none' } });
    expect(findViewer(userId, 1)?.organisationRoles).toEqual({ [personas.otherOrganisationId]: 'member' });

    setMembership({ viewer: personas.viewers.admin, input: { userId, organisationId: personas.otherOrganisationId, role: 'editor' } });
    expect(findViewer(userId, 1)?.organisationRoles).toEqual({ [personas.otherOrganisationId]: 'editor' });
  });

  it('rejects a viewer without rights: only admins change memberships', () => {
    expectAppError(thrownBy(() => setMembership({ viewer: personas.viewers.organisationEditor, input: { userId, organisationId: personas.organisationId, role: 'none' } })), 'forbidden');
    expectAppError(thrownBy(() => setMembership({ viewer, input: { userId, organisationId: personas.organisationId, role: 'none' } })), 'forbidden');
    expectAppError(thrownBy(() => setMembership({ viewer: null, input: { userId, organisationId: personas.organisationId, role: 'none' } })), 'unauthenticated');
    expect(findViewer(userId, 1)?.organisationRoles[personas.organisationId]).toBe('editor');
  });

  it('an admin never grants themselves a membership or an event role (decision 002)', () => {
    const admin = personas.viewers.admin!;
    const refused = thrownBy(() => setMembership({ viewer: admin, input: { userId: admin.userId, organisationId: personas.organisationId, role: 'editor' } }));
    expectAppError(refused, 'forbidden');
    expect((refused as Error).message).toBe('errors.no_self_grant');
    expectAppError(thrownBy(() => addEventParticipant({ viewer: admin, input: { eventId: personas.eventId, userId: admin.userId, role: 'facilitator' } })), 'forbidden');
    const after = findViewer(admin.userId, sessionVersionOf(admin.userId))!;
    expect(after.organisationRoles[personas.organisationId]).toBeUndefined();
    expect(after.eventRoles[personas.eventId]).toBeUndefined();
  });
});

describe('guessing the current password', () => {
  it('is limited like sign-in: after 5 wrong guesses even the right one is refused', async () => {
    const guesser = await createTestUser({ username: 'phone-holder' });
    const holder = findViewer(guesser, 1)!;
    for (let attempt = 0; attempt < limits.signInPerAccount.max; attempt++) {
      expectAppError(await rejectionOf(changePassword({ viewer: holder, input: { currentPassword: `guess-${attempt}`, newPassword: 'a brand new passphrase' } })), 'wrong_password');
    }
    expectAppError(await rejectionOf(changePassword({ viewer: holder, input: { currentPassword: testPassword, newPassword: 'a brand new passphrase' } })), 'rate_limited');
    expect(findViewer(guesser, 1)).not.toBeNull();
  });
});
