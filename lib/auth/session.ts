import 'server-only';
import { AuthError } from 'next-auth';
import { AppError } from '@/lib/errors';
import { SecondFactorRequired, signIn } from './config';
import { renewalGrantFor } from './sign-in';

// Not a 'use server' module on purpose: every export of one is a public endpoint, and renewSession must only
// ever run after the calling action has checked who the member is.

/**
 * Signs in through Auth.js (which sets the session cookie), mapping its errors to ours. A right password for
 * an account with two-factor on gives no session but the grant the code step needs.
 */
export async function startSession(credentials: Record<string, string>): Promise<{ secondFactorGrant?: string }> {
  try {
    await signIn('credentials', { ...credentials, redirect: false });
    return {};
  } catch (error) {
    if (error instanceof SecondFactorRequired) return { secondFactorGrant: error.grant };
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const code = (error as AuthError & { code?: string }).code;
      throw new AppError(code === 'rate_limited' ? 'rate_limited' : 'invalid_credentials');
    }
    throw error;
  }
}

/**
 * Issues this member a new session cookie after a change that ended every session (password, two-factor on or
 * off), so they stay signed in here. Goes through the credentials provider with a grant made here and now,
 * so the token carries the new session version; the grant never leaves the server.
 */
export async function renewSession(userId: string): Promise<void> {
  await startSession({ renewal: renewalGrantFor(userId) });
}
