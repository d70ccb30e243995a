import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { twoFactorCredentials, twoFactorRecoveryCodes, users } from '@/db/schema/accounts';
import { recordAudit } from '@/lib/audit';
import { verifyPassword } from '@/lib/auth/passwords';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { giveBackAttempt, limits, takeAttempt } from '@/lib/rate-limit';
import { generateReadableCode, hashReadableCode } from '@/lib/readable-codes';
import { isTwoFactorEnabled } from './queries';
import { ConfirmWithSecondFactorInput, EnableTwoFactorInput, ResetTwoFactorInput } from './schemas';
import { generateTotpSecret, matchingTimeStep, seal, unseal } from './totp';

type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export const recoveryCodeCount = 10;

const wrongCode = () => new AppError('invalid_input', 'twoFactor.errors.wrongCode');
const notOn = () => new AppError('conflict', 'twoFactor.errors.notOn');

/** Starts (or starts again) setting up: a new secret, which counts only once the member's app proves it holds it. */
export function startTwoFactorSetup({ viewer }: { viewer: Viewer }) {
  getDb().transaction(
    (tx) => {
      const row = tx.select({ isEnabled: twoFactorCredentials.isEnabled }).from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, viewer.userId)).get();
      if (row?.isEnabled) throw new AppError('conflict', 'twoFactor.errors.alreadyOn');
      const encryptedSecret = seal(generateTotpSecret(), viewer.userId);
      tx.insert(twoFactorCredentials)
        .values({ userId: viewer.userId, encryptedSecret, isEnabled: false })
        .onConflictDoUpdate({ target: twoFactorCredentials.userId, set: { encryptedSecret, lastUsedStep: null, createdAt: new Date() } })
        .run();
    },
    { behavior: 'immediate' },
  );
}

/** Abandons a setup that was not confirmed; two-factor that is on stays on. */
export function cancelTwoFactorSetup({ viewer }: { viewer: Viewer }) {
  getDb()
    .delete(twoFactorCredentials)
    .where(and(eq(twoFactorCredentials.userId, viewer.userId), eq(twoFactorCredentials.isEnabled, false)))
    .run();
}

/**
 * Turns two-factor on once a code from the member's app matches the secret being set up, so a secret
 * scanned wrongly never locks anyone out. The password is asked too: someone holding an unlocked phone must
 * not be able to lock the member out with an app of their own. Returns the recovery codes, the only time
 * they exist outside the member's hands; other sessions end.
 */
export async function enableTwoFactor({ viewer, input, now = Date.now() }: { viewer: Viewer; input: unknown; now?: number }): Promise<{ recoveryCodes: string[] }> {
  const data = EnableTwoFactorInput.parse(input);
  const db = getDb();
  const setup = db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, viewer.userId)).get();
  if (setup?.isEnabled) throw new AppError('conflict', 'twoFactor.errors.alreadyOn');
  if (!setup) throw new AppError('conflict', 'twoFactor.errors.noSetup');
  // A wrong code here is not a guess at anything (the secret is the member's own, on screen): only the
  // password is counted, so fumbling a new app does not lock the member out of signing in.
  await confirmIdentity(viewer.userId, data.currentPassword);
  const secret = unseal(setup.encryptedSecret, viewer.userId);
  const step = secret === null ? null : matchingTimeStep(secret, data.code, now);
  if (step === null) throw wrongCode();
  const recoveryCodes = Array.from({ length: recoveryCodeCount }, () => generateReadableCode(2));
  db.transaction(
    (tx) => {
      const result = tx
        .update(twoFactorCredentials)
        .set({ isEnabled: true, enabledAt: new Date(now), lastUsedStep: step })
        // The secret the code was checked against: a setup restarted meanwhile (another tab) has a new one.
        .where(and(eq(twoFactorCredentials.userId, viewer.userId), eq(twoFactorCredentials.isEnabled, false), eq(twoFactorCredentials.encryptedSecret, setup.encryptedSecret)))
        .run();
      if (result.changes === 0) throw new AppError('conflict', 'twoFactor.errors.noSetup');
      replaceRecoveryCodes(tx, viewer.userId, recoveryCodes);
      endSessions(tx, viewer.userId);
    },
    { behavior: 'immediate' },
  );
  return { recoveryCodes };
}

/** Turns two-factor off with the password and a code (or a recovery code); other sessions end. */
export async function disableTwoFactor({ viewer, input, now = Date.now() }: { viewer: Viewer; input: unknown; now?: number }) {
  const data = ConfirmWithSecondFactorInput.parse(input);
  if (!isTwoFactorEnabled(viewer.userId)) throw notOn();
  await confirmIdentity(viewer.userId, data.currentPassword, () => consumeSecondFactor(viewer.userId, data.code, now));
  getDb().transaction(
    (tx) => {
      removeTwoFactor(tx, viewer.userId);
      endSessions(tx, viewer.userId);
    },
    { behavior: 'immediate' },
  );
}

/** New recovery codes for old ones used up or exposed: the old ones stop working at once. */
export async function replaceOwnRecoveryCodes({ viewer, input, now = Date.now() }: { viewer: Viewer; input: unknown; now?: number }): Promise<{ recoveryCodes: string[] }> {
  const data = ConfirmWithSecondFactorInput.parse(input);
  if (!isTwoFactorEnabled(viewer.userId)) throw notOn();
  await confirmIdentity(viewer.userId, data.currentPassword, () => consumeSecondFactor(viewer.userId, data.code, now));
  const recoveryCodes = Array.from({ length: recoveryCodeCount }, () => generateReadableCode(2));
  getDb().transaction((tx) => replaceRecoveryCodes(tx, viewer.userId, recoveryCodes), { behavior: 'immediate' });
  return { recoveryCodes };
}

/**
 * An admin turns two-factor off for a member who lost both their phone and their recovery codes. The
 * member's sessions end (whoever holds the phone is signed out too), and the audit log records who did it.
 */
export function resetTwoFactor({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'member.manage', null);
  const { userId } = ResetTwoFactorInput.parse(input);
  if (!can(viewer, 'member.changeAccess', { userId })) throw new AppError('forbidden', 'errors.no_self_grant');
  getDb().transaction(
    (tx) => {
      if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw new AppError('not_found');
      if (!removeTwoFactor(tx, userId)) throw notOn();
      endSessions(tx, userId);
      recordAudit(tx, { actorId: viewer!.userId, action: 'member.resetTwoFactor', targetType: 'user', targetId: userId });
    },
    { behavior: 'immediate' },
  );
}

/**
 * Accepts a code from the app or a recovery code, once. A code's time step is claimed in the same statement
 * that checks it is later than the last one used, so of two requests racing with the same code only one
 * gets in, and a code seen over someone's shoulder is worthless once used. A recovery code is marked used
 * the same way.
 */
export function consumeSecondFactor(userId: string, code: string, now = Date.now()): boolean {
  const db = getDb();
  const credentials = db
    .select()
    .from(twoFactorCredentials)
    .where(and(eq(twoFactorCredentials.userId, userId), eq(twoFactorCredentials.isEnabled, true)))
    .get();
  if (!credentials) return false;
  if (/^\d{6}$/.test(code)) {
    const secret = unseal(credentials.encryptedSecret, userId);
    const step = secret === null ? null : matchingTimeStep(secret, code, now);
    if (step === null) return false;
    const claimed = db
      .update(twoFactorCredentials)
      .set({ lastUsedStep: step })
      .where(and(eq(twoFactorCredentials.userId, userId), or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step))))
      .run();
    return claimed.changes === 1;
  }
  const used = db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: new Date(now) })
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, hashReadableCode(code)), isNull(twoFactorRecoveryCodes.usedAt)))
    .run();
  return used.changes === 1;
}

/**
 * The current password, and a second factor when `checkSecondFactor` is given, for a change made from a
 * signed-in device. Counted against the account's sign-in limit before anything is checked, and given back
 * only when everything is right: someone holding an unlocked phone guesses neither without limit, and a right
 * password alone never buys more guesses at the code.
 */
async function confirmIdentity(userId: string, password: string, checkSecondFactor?: () => boolean) {
  if (!takeAttempt(limits.signInPerAccount, userId)) throw new AppError('rate_limited');
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row || !(await verifyPassword(row.passwordHash, password))) throw new AppError('wrong_password');
  if (checkSecondFactor && !checkSecondFactor()) throw wrongCode();
  giveBackAttempt(limits.signInPerAccount, userId);
}

function replaceRecoveryCodes(tx: Transaction, userId: string, codes: string[]) {
  tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId)).run();
  tx.insert(twoFactorRecoveryCodes)
    .values(codes.map((code) => ({ id: newId(), userId, codeHash: hashReadableCode(code) })))
    .run();
}

/** Removes the secret (or an unconfirmed setup) and the recovery codes; says whether two-factor was on. */
function removeTwoFactor(tx: Transaction, userId: string): boolean {
  const removed = tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, userId)).returning({ isEnabled: twoFactorCredentials.isEnabled }).get();
  tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId)).run();
  return removed?.isEnabled === true;
}

/** Every session issued before ends (see getViewer); the caller re-issues this one when the member stays. */
function endSessions(tx: Transaction, userId: string) {
  tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
}
