import 'server-only';
import { cookies, headers } from 'next/headers';
import { verifyGrant } from '@/lib/auth/grants';
import type { Viewer } from '@/lib/policy/types';
import { seal, unseal } from './totp';

// Two short-lived HttpOnly cookies, each limited to the one page that reads it. Cookies rather than hidden
// fields: neither the sign-in grant nor the recovery codes are ever part of a page's HTML or React payload
// that a browser might cache, and both work without JavaScript.

const grantCookie = 'baraza-sign-in-grant';
const recoveryCodesCookie = 'baraza-recovery-codes';

async function cookieOptions(path: string, maxAge: number) {
  // Secure behind HTTPS, as Auth.js decides for the session cookie.
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  return { path, maxAge, httpOnly: true, sameSite: 'strict' as const, secure };
}

/** Between the password and the code: the signed grant (five minutes) that stands for the right password. */
export async function keepSecondFactorGrant(grant: string) {
  (await cookies()).set(grantCookie, grant, await cookieOptions('/sign-in', 5 * 60));
}

export async function readSecondFactorGrant(): Promise<string | undefined> {
  return (await cookies()).get(grantCookie)?.value;
}

/** Whether this browser is between the password and the code of a sign-in (the grant is still valid). */
export async function isAwaitingSecondFactor(): Promise<boolean> {
  return verifyGrant('second-factor', await readSecondFactorGrant()) !== null;
}

export async function forgetSecondFactorGrant() {
  (await cookies()).delete({ name: grantCookie, path: '/sign-in' });
}

/**
 * Turning two-factor on ends every session and re-issues this one, so the settings page must be reached by a
 * redirect (a page rendered within the action still sees the old cookie). The new recovery codes travel to
 * it encrypted, in a cookie for /settings that lasts ten minutes at most and is deleted once the member says
 * they saved them; the database only ever holds their hashes.
 */
export async function keepRecoveryCodesToShow(userId: string, codes: string[]) {
  (await cookies()).set(recoveryCodesCookie, seal(JSON.stringify(codes), `recovery-codes:${userId}`), await cookieOptions('/settings', 10 * 60));
}

/** The codes to show this member, if they were just made for this member in this browser. */
export async function readRecoveryCodesToShow(viewer: Viewer): Promise<string[] | null> {
  const sealed = (await cookies()).get(recoveryCodesCookie)?.value;
  const plaintext = sealed ? unseal(sealed, `recovery-codes:${viewer.userId}`) : null;
  if (!plaintext) return null;
  const codes: unknown = JSON.parse(plaintext);
  return Array.isArray(codes) && codes.every((code) => typeof code === 'string') ? codes : null;
}

export async function forgetRecoveryCodesToShow() {
  (await cookies()).delete({ name: recoveryCodesCookie, path: '/settings' });
}
