import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { findUserForSignIn } from '@/lib/accounts/queries';
import { clearAttempts, giveBackAttempt, limits, takeAttempt } from '@/lib/rate-limit';
import { verifyAgainstDummy, verifyPassword } from './passwords';

export const SignInInput = z.object({
  identifier: z.string().trim().min(1, 'errors.required').max(254, 'errors.too_long'),
  password: z.string().min(1, 'errors.required').max(1024, 'errors.too_long'),
});
export type SignInInput = z.infer<typeof SignInInput>;

/**
 * Checks a username-or-email and password. Returns the account on success, null on any mismatch
 * (unknown account, wrong password, disabled account: indistinguishable), and throws `rate_limited`
 * once this account or this address has used up its attempts, before looking at the password.
 */
export async function authenticate(input: SignInInput & { address: string }): Promise<{ id: string; sessionVersion: number } | null> {
  const identifier = input.identifier.trim().toLowerCase();
  const user = findUserForSignIn(identifier);
  // One bucket per account whether it is named by username or email; unknown names get their own.
  const accountSubject = user?.id ?? identifier;
  const withinAccountLimit = takeAttempt(limits.signInPerAccount, accountSubject);
  const withinAddressLimit = takeAttempt(limits.signInPerAddress, input.address);
  if (!withinAccountLimit || !withinAddressLimit) throw new AppError('rate_limited');
  const isValid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !isValid || user.isDisabled) return null;
  clearAttempts(limits.signInPerAccount, accountSubject);
  giveBackAttempt(limits.signInPerAddress, input.address);
  return { id: user.id, sessionVersion: user.sessionVersion };
}

/**
 * The client address. Without TRUST_PROXY our server (scripts/next-server.ts) has put the socket address
 * there; behind a proxy the rightmost entry is the one the proxy added (entries to its left are whatever the
 * client sent).
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
