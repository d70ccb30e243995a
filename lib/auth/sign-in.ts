import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { findUserForSignIn, findUserForSignInById } from '@/lib/accounts/queries';
import { clearAttempts, giveBackAttempt, limits, takeAttempt } from '@/lib/rate-limit';
import { consumeSecondFactor } from '@/lib/two-factor/mutations';
import { isTwoFactorEnabled } from '@/lib/two-factor/queries';
import { SecondFactorCode } from '@/lib/two-factor/schemas';
import { signGrant, verifyGrant } from './grants';
import { verifyAgainstDummy, verifyPassword } from './passwords';

export const SignInInput = z.object({
  identifier: z.string().trim().min(1, 'errors.required').max(254, 'errors.too_long'),
  password: z.string().min(1, 'errors.required').max(1024, 'errors.too_long'),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const SecondFactorInput = z.object({ grant: z.string().min(1).max(512), code: SecondFactorCode });
export type SecondFactorInput = z.infer<typeof SecondFactorInput>;

type Account = { id: string; sessionVersion: number };

/**
 * Checks a username-or-email and password. Returns the account on success, null on any mismatch
 * (unknown account, wrong password, disabled account: indistinguishable), and throws `rate_limited`
 * once this account or this address has used up its attempts, before looking at the password.
 * For an account with two-factor on, a right password is not a sign-in: the result says a code is still
 * needed (see authenticateSecondFactor), and only a wrong password's answer is the same as an unknown account's.
 */
export async function authenticate(input: SignInInput & { address: string }): Promise<(Account & { isSecondFactorRequired: boolean }) | null> {
  const identifier = input.identifier.trim().toLowerCase();
  const user = findUserForSignIn(identifier);
  // One bucket per account whether it is named by username or email; unknown names get their own.
  const accountSubject = user?.id ?? identifier;
  const withinAccountLimit = takeAttempt(limits.signInPerAccount, accountSubject);
  const withinAddressLimit = takeAttempt(limits.signInPerAddress, input.address);
  if (!withinAccountLimit || !withinAddressLimit) throw new AppError('rate_limited');
  const isValid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !isValid || user.isDisabled) return null;
  giveBackAttempt(limits.signInPerAddress, input.address);
  const account = { id: user.id, sessionVersion: user.sessionVersion };
  if (isTwoFactorEnabled(user.id)) {
    // This attempt is given back, but earlier failures stay counted until the code is right too: otherwise
    // someone who has the password could type it again after every few wrong codes and guess without limit.
    giveBackAttempt(limits.signInPerAccount, accountSubject);
    return { ...account, isSecondFactorRequired: true };
  }
  clearAttempts(limits.signInPerAccount, accountSubject);
  return { ...account, isSecondFactorRequired: false };
}

/** What the browser holds between the password and the code: a signed, five-minute `second-factor` grant. */
export function secondFactorGrantFor(account: Account, now = Date.now()): string {
  return signGrant('second-factor', { userId: account.id, sessionVersion: account.sessionVersion }, now);
}

/**
 * The second step: a grant from a right password and a code from the app (or a recovery code). Wrong codes
 * count against the same per-account and per-address limits as wrong passwords, before the code is checked.
 * Null for a wrong, reused or expired code, a forged or expired grant, or an account changed since the password
 * (disabled, signed out everywhere, new password, two-factor turned off and on).
 */
export function authenticateSecondFactor(input: SecondFactorInput & { address: string; now?: number }): Account | null {
  const now = input.now ?? Date.now();
  const claim = verifyGrant('second-factor', input.grant, now);
  if (!claim) {
    // Not a grant this server signed in the last minutes: a forgery counts against the address.
    if (!takeAttempt(limits.signInPerAddress, input.address)) throw new AppError('rate_limited');
    return null;
  }
  const withinAccountLimit = takeAttempt(limits.signInPerAccount, claim.userId);
  const withinAddressLimit = takeAttempt(limits.signInPerAddress, input.address);
  if (!withinAccountLimit || !withinAddressLimit) throw new AppError('rate_limited');
  const user = findUserForSignInById(claim.userId);
  if (!user || user.isDisabled || user.sessionVersion !== claim.sessionVersion) return null;
  if (!consumeSecondFactor(user.id, input.code, now)) return null;
  clearAttempts(limits.signInPerAccount, user.id);
  giveBackAttempt(limits.signInPerAddress, input.address);
  return { id: user.id, sessionVersion: user.sessionVersion };
}

/** A one-minute grant to re-issue this member's session after a change that ended their other sessions. */
export function renewalGrantFor(userId: string): string {
  const user = findUserForSignInById(userId);
  if (!user || user.isDisabled) throw new AppError('unauthenticated');
  return signGrant('renewal', { userId, sessionVersion: user.sessionVersion });
}

/** The account a renewal grant names, if it still has the session version the grant was made for. */
export function authenticateRenewal(grant: unknown): Account | null {
  const claim = verifyGrant('renewal', grant);
  const user = claim ? findUserForSignInById(claim.userId) : undefined;
  if (!claim || !user || user.isDisabled || user.sessionVersion !== claim.sessionVersion) return null;
  return { id: user.id, sessionVersion: user.sessionVersion };
}

/**
 * What the credentials provider's `authorize` runs. Three ways in, told apart by their fields, each checking
 * everything itself, so no field a client adds can skip a step: a password (with two-factor on, the answer is
 * a grant for the code step, never a session), a second-factor grant with a code, or a renewal grant the
 * server made a moment ago for a member who just ended their other sessions.
 */
export async function checkCredentials(raw: Partial<Record<string, unknown>>, address: string): Promise<{ account: Account } | { secondFactorGrant: string } | null> {
  if (raw.renewal !== undefined) {
    const account = authenticateRenewal(raw.renewal);
    return account && { account };
  }
  if (raw.grant !== undefined) {
    const secondFactor = SecondFactorInput.safeParse(raw);
    const account = secondFactor.success ? authenticateSecondFactor({ ...secondFactor.data, address }) : null;
    return account && { account };
  }
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const result = await authenticate({ ...parsed.data, address });
  if (!result) return null;
  if (result.isSecondFactorRequired) return { secondFactorGrant: secondFactorGrantFor(result) };
  return { account: { id: result.id, sessionVersion: result.sessionVersion } };
}

/**
 * The client address. Without TRUST_PROXY our server (scripts/next-server.ts) has put the socket address
 * there; behind a proxy the rightmost entry is the one the proxy added (entries to its left are whatever the
 * client sent).
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
