import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { inviteCodes, memberships, users } from '@/db/schema/accounts';
import { auditEntries } from '@/db/schema/system';
import { createInviteCode, joinWithInvite, revokeInviteCode } from '@/lib/accounts/mutations';
import { authenticate } from '@/lib/auth/sign-in';
import { limits } from '@/lib/rate-limit';
import { tableText, testDb } from '../../support/database';
import { expectAppError, rejectionOf, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, type Personas } from '../../support/personas';

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

function invite(overrides: Record<string, unknown> = {}) {
  return createInviteCode({
    viewer: personas.viewers.admin,
    input: { organisationId: personas.organisationId, role: 'member', maxUses: '1', expiresInDays: '14', note: 'for the Nairobi team', ...overrides },
  });
}

let joinCount = 0;
function joinInput(code: string, overrides: Record<string, unknown> = {}) {
  joinCount++;
  return { code, username: `joiner-${joinCount}`, displayName: `Joiner ${joinCount}`, password: 'a long enough passphrase', email: '', locale: 'fr', ...overrides };
}

const inviteRow = (id: string) => testDb().select().from(inviteCodes).where(eq(inviteCodes.id, id)).get()!;

describe('createInviteCode', () => {
  it('returns the code once and stores only its hash and a hint', () => {
    const { id, code } = invite({ role: 'editor', maxUses: '3' });
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const row = inviteRow(id);
    expect(row).toMatchObject({ organisationId: personas.organisationId, role: 'editor', maxUses: 3, useCount: 0, revokedAt: null, createdBy: personas.userIds.admin });
    expect(row.codeHash).toBe(createHash('sha256').update(code.replaceAll('-', '')).digest('hex'));
    expect(row.codeHint).toBe(code.slice(-5));
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    // Neither the code nor its undashed form is anywhere in the database.
    for (const table of ['invite_codes', 'audit_entries']) {
      expect(tableText(table)).not.toContain(code);
      expect(tableText(table)).not.toContain(code.replaceAll('-', ''));
      expect(tableText(table)).not.toContain(code.slice(0, 11));
    }
    const audit = testDb().select().from(auditEntries).where(eq(auditEntries.action, 'invite.create')).all();
    expect(audit.at(-1)).toMatchObject({ actorId: personas.userIds.admin, targetType: 'organisation', targetId: personas.organisationId });
  });

  it('gives different codes each time', () => {
    expect(invite().code).not.toBe(invite().code);
  });

  it('rejects a viewer without rights: members, editors and moderators are forbidden, anonymous visitors must sign in', () => {
    const before = testDb().select().from(inviteCodes).all().length;
    for (const name of ['organisationMember', 'organisationEditor', 'eventFacilitator', 'moderator'] as const) {
      expectAppError(thrownBy(() => createInviteCode({ viewer: personas.viewers[name], input: { organisationId: personas.organisationId, role: 'editor', maxUses: 1, expiresInDays: 1 } })), 'forbidden');
    }
    expectAppError(thrownBy(() => createInviteCode({ viewer: null, input: { organisationId: personas.organisationId, role: 'member', maxUses: 1, expiresInDays: 1 } })), 'unauthenticated');
    expect(testDb().select().from(inviteCodes).all()).toHaveLength(before);
  });

  it('refuses an unknown organisation', () => {
    expectAppError(thrownBy(() => invite({ organisationId: 'no-such-organisation' })), 'not_found');
  });

  it('refuses revoking by anyone but an admin', () => {
    const { id } = invite();
    expectAppError(thrownBy(() => revokeInviteCode({ viewer: personas.viewers.organisationEditor, input: { inviteId: id } })), 'forbidden');
    expect(inviteRow(id).revokedAt).toBeNull();
  });
});

describe('joinWithInvite', () => {
  it('creates an account without an email, with the membership and role of the invite', async () => {
    const { code } = invite({ role: 'editor' });
    const input = joinInput(code, { username: 'Newcomer.One' });
    const { userId, username } = await joinWithInvite({ input, address: '198.51.100.1' });
    expect(username).toBe('newcomer.one');
    const user = testDb().select().from(users).where(eq(users.id, userId)).get()!;
    expect(user).toMatchObject({ username: 'newcomer.one', displayName: input.displayName, email: null, locale: 'fr', siteRole: 'member', isDisabled: false });
    expect(user.passwordHash).not.toContain(input.password);
    expect(testDb().select().from(memberships).where(eq(memberships.userId, userId)).all()).toEqual([
      expect.objectContaining({ organisationId: personas.organisationId, role: 'editor' }),
    ]);
    await expect(authenticate({ identifier: 'newcomer.one', password: input.password, address: '198.51.100.1' })).resolves.toMatchObject({ id: userId });
  });

  it('accepts the code in lower case, with spaces or without dashes', async () => {
    const { id, code } = invite({ maxUses: '3' });
    await joinWithInvite({ input: joinInput(code.toLowerCase()), address: '198.51.100.2' });
    await joinWithInvite({ input: joinInput(code.replaceAll('-', ' ')), address: '198.51.100.2' });
    await joinWithInvite({ input: joinInput(` ${code.replaceAll('-', '').toLowerCase()} `), address: '198.51.100.2' });
    expect(inviteRow(id).useCount).toBe(3);
  });

  it('uses a single-use code once only', async () => {
    const { id, code } = invite();
    await joinWithInvite({ input: joinInput(code), address: '198.51.100.3' });
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(code), address: '198.51.100.3' })), 'invite_invalid');
    expect(inviteRow(id).useCount).toBe(1);
  });

  it('refuses an exhausted code', async () => {
    const { code } = invite({ maxUses: '2' });
    await joinWithInvite({ input: joinInput(code), address: '198.51.100.4' });
    await joinWithInvite({ input: joinInput(code), address: '198.51.100.4' });
    const input = joinInput(code);
    expectAppError(await rejectionOf(joinWithInvite({ input, address: '198.51.100.4' })), 'invite_invalid');
    expect(testDb().select().from(users).where(eq(users.username, input.username)).get()).toBeUndefined();
  });

  it('refuses an expired code', async () => {
    const { id, code } = invite();
    testDb().update(inviteCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(inviteCodes.id, id)).run();
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(code), address: '198.51.100.5' })), 'invite_invalid');
  });

  it('refuses a revoked code', async () => {
    const { id, code } = invite({ maxUses: '5' });
    revokeInviteCode({ viewer: personas.viewers.admin, input: { inviteId: id } });
    expect(inviteRow(id).revokedAt).toBeInstanceOf(Date);
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(code), address: '198.51.100.6' })), 'invite_invalid');
  });

  it('refuses a code that was never issued', async () => {
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput('AAAAA-BBBBB-CCCCC'), address: '198.51.100.7' })), 'invite_invalid');
  });

  it('refuses a taken username without consuming the code', async () => {
    const { id, code } = invite();
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(code, { username: personas.usernames.organisationMember.toUpperCase() }), address: '198.51.100.8' })), 'username_taken');
    expect(inviteRow(id).useCount).toBe(0);
    await joinWithInvite({ input: joinInput(code), address: '198.51.100.8' });
    expect(inviteRow(id).useCount).toBe(1);
  });

  it('refuses an email already in use, whatever its case', async () => {
    await createTestUser({ username: 'has-email', email: 'Taken.Address@Example.org' });
    const { id, code } = invite();
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(code, { email: 'taken.address@EXAMPLE.org' }), address: '198.51.100.9' })), 'email_taken');
    expect(inviteRow(id).useCount).toBe(0);
    const { userId } = await joinWithInvite({ input: joinInput(code, { email: ' Fresh@Example.org ' }), address: '198.51.100.9' });
    expect(testDb().select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email).toBe('fresh@example.org');
  });

  it('rate-limits wrong codes per address, then refuses even a valid code from there', async () => {
    const from = '198.51.100.10';
    for (let attempt = 0; attempt < limits.invitePerAddress.max; attempt++) {
      expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(`WRONG-CODE-${attempt}`), address: from })), 'invite_invalid');
    }
    const { id, code } = invite();
    expectAppError(await rejectionOf(joinWithInvite({ input: joinInput(code), address: from })), 'rate_limited');
    expect(inviteRow(id).useCount).toBe(0);
    // Another address is not affected.
    await joinWithInvite({ input: joinInput(code), address: '198.51.100.11' });
    expect(tableText('rate_limits')).not.toContain(from);
  });

  it('validates input before anything else', async () => {
    const { id, code } = invite({ maxUses: '5' });
    for (const overrides of [{ username: 'no spaces allowed' }, { username: 'ab' }, { username: '-leading-dash' }, { password: 'short' }, { email: 'not-an-email' }, { locale: 'de' }, { displayName: '' }]) {
      const error = await rejectionOf(joinWithInvite({ input: joinInput(code, overrides), address: '198.51.100.12' }));
      expect(error, JSON.stringify(overrides)).toBeInstanceOf(ZodError);
    }
    expect(inviteRow(id).useCount).toBe(0);
  });

  it('gives the invite role to the new member only in the invite organisation', async () => {
    const { code } = invite({ organisationId: personas.otherOrganisationId, role: 'member' });
    const { userId } = await joinWithInvite({ input: joinInput(code), address: '198.51.100.13' });
    const rows = testDb().select().from(memberships).where(and(eq(memberships.userId, userId))).all();
    expect(rows.map((row) => [row.organisationId, row.role])).toEqual([[personas.otherOrganisationId, 'member']]);
  });
});
