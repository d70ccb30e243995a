import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { twoFactorRecoveryCodes, users } from '@/db/schema/accounts';
import { auditEntries } from '@/db/schema/system';
import { signOutEverywhere } from '@/lib/accounts/mutations';
import { findViewer } from '@/lib/accounts/queries';
import { signGrant } from '@/lib/auth/grants';
import { authenticate, authenticateRenewal, authenticateSecondFactor, checkCredentials, renewalGrantFor, secondFactorGrantFor } from '@/lib/auth/sign-in';
import type { Viewer } from '@/lib/policy/types';
import { limits } from '@/lib/rate-limit';
import { cancelTwoFactorSetup, disableTwoFactor, enableTwoFactor, recoveryCodeCount, replaceOwnRecoveryCodes, resetTwoFactor, startTwoFactorSetup } from '@/lib/two-factor/mutations';
import { getMemberTwoFactorStatus, getTwoFactorSettings, isTwoFactorEnabled } from '@/lib/two-factor/queries';
import { codeAt } from '@/lib/two-factor/totp';
import { tableText, testDb } from '../../support/database';
import { expectAppError, rejectionOf, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, testPassword, viewerOf, type Personas } from '../../support/personas';

// Time is passed in, never waited for: `base` sits one second into a 30-second step, and each test moves
// whole steps from it. Every test uses its own account and client address (rate-limit counters are per file).
const step = 30_000;
const base = Math.floor(Date.now() / step) * step + 1_000;

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

let serial = 0;
const nextAddress = () => `198.51.100.${++serial}`;

async function setupFor(username: string): Promise<{ userId: string; viewer: Viewer; secret: string }> {
  const userId = await createTestUser({ username });
  const viewer = viewerOf(userId);
  startTwoFactorSetup({ viewer });
  const settings = await getTwoFactorSettings(viewer);
  if (settings.status !== 'setup') throw new Error('expected a setup in progress');
  return { userId, viewer, secret: settings.secret.replaceAll(' ', '') };
}

/** An account with two-factor on, enabled with the code of the step at `base`. */
async function enabledAccount(username: string) {
  const account = await setupFor(username);
  const { recoveryCodes } = await enableTwoFactor({ viewer: account.viewer, input: { code: codeAt(account.secret, base), currentPassword: testPassword }, now: base });
  return { ...account, recoveryCodes };
}

/** Codes that are certainly wrong at `now`: none of the three an app could show within one step of it. */
function wrongCodes(secret: string, now: number, count: number): string[] {
  const valid = new Set([-1, 0, 1].map((offset) => codeAt(secret, now + offset * step)));
  return Array.from({ length: 10 }, (_, digit) => String(digit).repeat(6))
    .filter((code) => !valid.has(code))
    .slice(0, count);
}

/** The password step for an account with two-factor on: the grant its code step needs. */
async function passwordStep(username: string, address: string): Promise<string> {
  const result = await authenticate({ identifier: username, password: testPassword, address });
  expect(result).toMatchObject({ isSecondFactorRequired: true });
  return secondFactorGrantFor(result!);
}

describe('turning two-factor on', () => {
  it('shows a QR code (inline SVG with no style attribute for the CSP to block) and the secret, stored encrypted', async () => {
    const { viewer, secret } = await setupFor('setup-shows');
    const settings = await getTwoFactorSettings(viewer);
    expect(settings.status).toBe('setup');
    if (settings.status !== 'setup') return;
    expect(settings.qrCodeSvg).toMatch(/^<svg [^>]*viewBox/);
    expect(settings.qrCodeSvg).not.toMatch(/style=|<script|<image|href=/i);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(tableText('two_factor_credentials')).not.toContain(secret);
    // Not yet on: the password alone still signs in.
    await expect(authenticate({ identifier: 'setup-shows', password: testPassword, address: nextAddress() })).resolves.toMatchObject({ isSecondFactorRequired: false });
  });

  it('needs a valid current code from the secret being set up, and the password', async () => {
    const { userId, viewer, secret } = await setupFor('setup-checks');
    const otherSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    // A mis-scanned secret (another secret's code), a code two steps old, and a wrong password change nothing.
    expectAppError(await rejectionOf(enableTwoFactor({ viewer, input: { code: codeAt(otherSecret, base), currentPassword: testPassword }, now: base })), 'invalid_input');
    expectAppError(await rejectionOf(enableTwoFactor({ viewer, input: { code: codeAt(secret, base - 2 * step), currentPassword: testPassword }, now: base })), 'invalid_input');
    expectAppError(await rejectionOf(enableTwoFactor({ viewer, input: { code: codeAt(secret, base), currentPassword: 'not my password' }, now: base })), 'wrong_password');
    expect(await rejectionOf(enableTwoFactor({ viewer, input: { code: '12345', currentPassword: testPassword }, now: base }))).toBeInstanceOf(ZodError);
    expect(isTwoFactorEnabled(userId)).toBe(false);
    expect(findViewer(userId, 1)).not.toBeNull();

    const { recoveryCodes } = await enableTwoFactor({ viewer, input: { code: codeAt(secret, base), currentPassword: testPassword }, now: base });
    expect(isTwoFactorEnabled(userId)).toBe(true);
    expect(recoveryCodes).toHaveLength(recoveryCodeCount);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(recoveryCodeCount);
    // Only hashes are stored.
    const stored = tableText('two_factor_recovery_codes');
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
    // Every session issued before has ended.
    expect(findViewer(userId, 1)).toBeNull();
    await expect(getTwoFactorSettings(viewerOf(userId))).resolves.toMatchObject({ status: 'on', recoveryCodesLeft: recoveryCodeCount });
  });

  it('cannot be set up again while on, and an abandoned setup can be cancelled', async () => {
    const { viewer } = await enabledAccount('setup-twice');
    expectAppError(thrownBy(() => startTwoFactorSetup({ viewer: viewerOf(viewer.userId) })), 'conflict');
    const pending = await setupFor('setup-cancelled');
    cancelTwoFactorSetup({ viewer: pending.viewer });
    await expect(getTwoFactorSettings(pending.viewer)).resolves.toEqual({ status: 'off' });
  });
});

describe('signing in with two-factor on', () => {
  it('the password alone does not sign in: the provider gets a grant for the code step, whatever else the form carries', async () => {
    const { secret } = await enabledAccount('needs-code');
    const address = nextAddress();
    for (const extra of [{}, { twoFactorVerified: 'true' }, { code: '' }, { code: codeAt(secret, Date.now()) }]) {
      const outcome = await checkCredentials({ identifier: 'needs-code', password: testPassword, ...extra }, address);
      expect(outcome).toEqual({ secondFactorGrant: expect.stringMatching(/^[\w-]+\.[\w-]+$/) });
    }
    // A wrong password and an unknown account still get the same answer as before: null, no code step.
    await expect(checkCredentials({ identifier: 'needs-code', password: 'wrong password' }, address)).resolves.toBeNull();
    await expect(checkCredentials({ identifier: 'nobody-needs-code', password: testPassword }, address)).resolves.toBeNull();
  });

  it('accepts a right code once, within one step either side; refuses a wrong, replayed, earlier or expired one', async () => {
    const { userId, secret } = await enabledAccount('code-rules');
    const address = nextAddress();
    const grant = await passwordStep('code-rules', address);
    const now = base + 2 * step;
    const attempt = (code: string, at = now) => authenticateSecondFactor({ grant, code, address, now: at });

    expect(attempt(wrongCodes(secret, now, 1)[0]!)).toBeNull();
    expect(attempt(codeAt(secret, now - 2 * step))).toBeNull(); // expired: two steps old
    expect(attempt(codeAt(secret, now + 2 * step))).toBeNull(); // too far ahead
    expect(attempt(codeAt(secret, now - step))).toMatchObject({ id: userId }); // the step before: a slow typist
    expect(attempt(codeAt(secret, now - step))).toBeNull(); // the same code again
    expect(attempt(codeAt(secret, now + step))).toMatchObject({ id: userId }); // the step after: a fast clock
    expect(attempt(codeAt(secret, now))).toBeNull(); // never used, but earlier than the last one used
  });

  it('refuses the code with a forged, expired or outdated grant', async () => {
    const { userId, secret, viewer } = await enabledAccount('grant-rules');
    const address = nextAddress();
    const grant = await passwordStep('grant-rules', address);
    const now = base + step;
    const [payload, signature] = grant.split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: 'second-factor', u: personas.userIds.admin, v: 1, e: now + 60_000 })).toString('base64url')}.${signature}`;
    expect(authenticateSecondFactor({ grant: forged, code: codeAt(secret, now), address, now })).toBeNull();
    expect(authenticateSecondFactor({ grant: `${payload}.${signature}x`, code: codeAt(secret, now), address, now })).toBeNull();
    // A renewal grant is not a second-factor grant, and the other way round.
    const renewal = signGrant('renewal', { userId, sessionVersion: 2 }, now);
    expect(authenticateSecondFactor({ grant: renewal, code: codeAt(secret, now), address, now })).toBeNull();
    expect(authenticateRenewal(grant)).toBeNull();
    // Five minutes after the password, the grant has expired.
    expect(authenticateSecondFactor({ grant, code: codeAt(secret, Date.now() + 6 * 60_000), address, now: Date.now() + 6 * 60_000 })).toBeNull();
    // Signing out everywhere in between voids it too.
    signOutEverywhere(viewerOf(viewer.userId));
    expect(authenticateSecondFactor({ grant, code: codeAt(secret, now), address, now })).toBeNull();
    const fresh = await passwordStep('grant-rules', address);
    expect(authenticateSecondFactor({ grant: fresh, code: codeAt(secret, now), address, now })).toMatchObject({ id: userId });
  });

  it('accepts each recovery code once, in any case and with or without its dash', async () => {
    const { userId, recoveryCodes, viewer } = await enabledAccount('recovery');
    const address = nextAddress();
    const grant = await passwordStep('recovery', address);
    const [first, second] = recoveryCodes as [string, string];
    expect(authenticateSecondFactor({ grant, code: first.toLowerCase().replace('-', ''), address })).toMatchObject({ id: userId });
    expect(authenticateSecondFactor({ grant, code: first, address })).toBeNull();
    expect(authenticateSecondFactor({ grant, code: second, address })).toMatchObject({ id: userId });
    expect(authenticateSecondFactor({ grant, code: 'ABCDE-FGHJK', address })).toBeNull();
    await expect(getTwoFactorSettings(viewerOf(viewer.userId))).resolves.toMatchObject({ status: 'on', recoveryCodesLeft: recoveryCodeCount - 2 });
    const used = testDb().select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId)).all().filter((row) => row.usedAt);
    expect(used).toHaveLength(2);
  });

  it('counts wrong codes against the sign-in limit, and typing the password again does not reset the count', async () => {
    expect(limits.signInPerAccount.max).toBe(5);
    const { secret } = await enabledAccount('code-guesser');
    const address = nextAddress();
    const now = base + 3 * step;
    const wrong = wrongCodes(secret, now, 5);
    let grant = await passwordStep('code-guesser', address);
    for (const code of wrong.slice(0, 3)) expect(authenticateSecondFactor({ grant, code, address, now })).toBeNull();
    // The right password again: the grant is new, the count is not.
    grant = await passwordStep('code-guesser', address);
    for (const code of wrong.slice(3, 5)) expect(authenticateSecondFactor({ grant, code, address, now })).toBeNull();
    expectAppError(thrownBy(() => authenticateSecondFactor({ grant, code: codeAt(secret, now), address, now })), 'rate_limited');
    expectAppError(await rejectionOf(authenticate({ identifier: 'code-guesser', password: testPassword, address: nextAddress() })), 'rate_limited');
  });

  it('a full sign-in with the code clears the failures', async () => {
    const { userId, secret } = await enabledAccount('clears-count');
    const address = nextAddress();
    const grant = await passwordStep('clears-count', address);
    const now = base + step;
    const wrong = wrongCodes(secret, now, limits.signInPerAccount.max - 1);
    for (const code of wrong) expect(authenticateSecondFactor({ grant, code, address, now })).toBeNull();
    expect(authenticateSecondFactor({ grant, code: codeAt(secret, now), address, now })).toMatchObject({ id: userId });
    // Without clearing, this round would reach 8 failures and the right code would be refused as rate_limited.
    for (const code of wrong) expect(authenticateSecondFactor({ grant, code, address, now })).toBeNull();
    expect(authenticateSecondFactor({ grant, code: codeAt(secret, now + step), address, now })).toMatchObject({ id: userId });
  });
});

describe('renewing the session after a change that ended the others', () => {
  it('works only for the current session version, through the provider too', async () => {
    const userId = await createTestUser({ username: 'renewal' });
    const grant = renewalGrantFor(userId);
    await expect(checkCredentials({ renewal: grant }, nextAddress())).resolves.toEqual({ account: { id: userId, sessionVersion: 1 } });
    signOutEverywhere(viewerOf(userId));
    expect(authenticateRenewal(grant)).toBeNull();
    await expect(checkCredentials({ renewal: 'forged.token' }, nextAddress())).resolves.toBeNull();
  });
});

describe('turning two-factor off', () => {
  it('needs the password and a code (or a recovery code), ends other sessions, and the password alone signs in again', async () => {
    const { userId, secret, recoveryCodes } = await enabledAccount('turns-off');
    const viewer = viewerOf(userId);
    const versionBefore = testDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!.v;
    const now = base + step;
    expectAppError(await rejectionOf(disableTwoFactor({ viewer, input: { currentPassword: testPassword, code: wrongCodes(secret, now, 1)[0]! }, now })), 'invalid_input');
    expectAppError(await rejectionOf(disableTwoFactor({ viewer, input: { currentPassword: 'wrong password', code: codeAt(secret, now) }, now })), 'wrong_password');
    expect(isTwoFactorEnabled(userId)).toBe(true);

    await disableTwoFactor({ viewer, input: { currentPassword: testPassword, code: recoveryCodes[0] }, now });
    expect(isTwoFactorEnabled(userId)).toBe(false);
    expect(findViewer(userId, versionBefore)).toBeNull();
    expect(testDb().select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId)).all()).toEqual([]);
    await expect(authenticate({ identifier: 'turns-off', password: testPassword, address: nextAddress() })).resolves.toMatchObject({ id: userId, isSecondFactorRequired: false });
    expectAppError(await rejectionOf(disableTwoFactor({ viewer: viewerOf(userId), input: { currentPassword: testPassword, code: codeAt(secret, now + step) }, now: now + step })), 'conflict');
  });

  it('new recovery codes replace the old ones', async () => {
    const { userId, secret, recoveryCodes } = await enabledAccount('new-codes');
    const { recoveryCodes: fresh } = await replaceOwnRecoveryCodes({ viewer: viewerOf(userId), input: { currentPassword: testPassword, code: codeAt(secret, base + step) }, now: base + step });
    const address = nextAddress();
    const grant = await passwordStep('new-codes', address);
    expect(authenticateSecondFactor({ grant, code: recoveryCodes[1]!, address })).toBeNull();
    expect(authenticateSecondFactor({ grant, code: fresh[1]!, address })).toMatchObject({ id: userId });
  });
});

describe('an admin resetting a member’s two-factor', () => {
  it('turns it off, ends the member’s sessions and is recorded in the audit log', async () => {
    const { userId } = await enabledAccount('lost-phone');
    const version = testDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()!.v;
    expect(getMemberTwoFactorStatus(personas.viewers.admin, userId)).toEqual({ isEnabled: true });

    resetTwoFactor({ viewer: personas.viewers.admin, input: { userId } });
    expect(getMemberTwoFactorStatus(personas.viewers.admin, userId)).toEqual({ isEnabled: false });
    expect(findViewer(userId, version)).toBeNull();
    expect(testDb().select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId)).all()).toEqual([]);
    const entries = testDb().select().from(auditEntries).where(eq(auditEntries.targetId, userId)).all();
    expect(entries).toMatchObject([{ action: 'member.resetTwoFactor', actorId: personas.userIds.admin, targetType: 'user' }]);
    await expect(authenticate({ identifier: 'lost-phone', password: testPassword, address: nextAddress() })).resolves.toMatchObject({ id: userId, isSecondFactorRequired: false });
    // Nothing left to reset.
    expectAppError(thrownBy(() => resetTwoFactor({ viewer: personas.viewers.admin, input: { userId } })), 'conflict');
    expectAppError(thrownBy(() => resetTwoFactor({ viewer: personas.viewers.admin, input: { userId: 'no-such-member' } })), 'not_found');
  });

  it('rejects a viewer without rights: only admins reset, never their own, and nobody else reads the status', async () => {
    const { userId } = await enabledAccount('keeps-phone');
    for (const name of ['organisationMember', 'organisationEditor', 'moderator', 'eventFacilitator'] as const) {
      expectAppError(thrownBy(() => resetTwoFactor({ viewer: personas.viewers[name], input: { userId } })), 'forbidden');
      expectAppError(thrownBy(() => getMemberTwoFactorStatus(personas.viewers[name], userId)), 'forbidden');
    }
    expectAppError(thrownBy(() => resetTwoFactor({ viewer: null, input: { userId } })), 'unauthenticated');
    expectAppError(thrownBy(() => resetTwoFactor({ viewer: viewerOf(userId), input: { userId } })), 'forbidden');
    expectAppError(thrownBy(() => resetTwoFactor({ viewer: personas.viewers.admin, input: { userId: personas.userIds.admin } })), 'forbidden');
    expect(isTwoFactorEnabled(userId)).toBe(true);
    expect(testDb().select().from(auditEntries).where(eq(auditEntries.targetId, userId)).all()).toEqual([]);
  });
});
