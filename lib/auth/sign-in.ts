import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { findUserForSignIn } from '@/lib/accounts/queries';
import { clearFailures, isRateLimited, limits, recordFailure } from '@/lib/rate-limit';
import { verifyAgainstDummy, verifyPassword } from './passwords';

export const SignInInput = z.object({
  identifier: z.string().trim().min(1, 'errors.required').max(254, 'errors.too_long'),
  password: z.string().min(1, 'errors.required').max(1024, 'errors.too_long'),
});
export type SignInInput = z.infer<typeof SignInInput>;

/**
 * Checks a username-or-email and password. Returns the account on success, null on any mismatch
 * (unknown account, wrong password, disabled account: indistinguishable), and throws `rate_limited`
 * after too many failures for this account or this address, before looking at the password.
 */
export async function authenticate(input: SignInInput & { address: string }): Promise<{ id: string; sessionVersion: number } | null> {
  const accountKey = input.identifier.trim().toLowerCase();
  if (isRateLimited(limits.signInPerAccount, accountKey) || isRateLimited(limits.signInPerAddress, input.address)) {
    throw new AppError('rate_limited');
  }
  const user = findUserForSignIn(accountKey);
  const isValid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !isValid || user.isDisabled) {
    recordFailure(limits.signInPerAccount, accountKey);
    recordFailure(limits.signInPerAddress, input.address);
    return null;
  }
  clearFailures(limits.signInPerAccount, accountKey);
  return { id: user.id, sessionVersion: user.sessionVersion };
}

/** The client address as our server (scripts/next-server.ts) recorded it; see TRUST_PROXY. */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
