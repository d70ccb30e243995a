import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

/**
 * Short-lived statements signed by this server that let the credentials provider start a session without
 * the password being sent again:
 * - `second-factor`: "this browser gave the right password for this account a moment ago". It waits in an
 *   HttpOnly cookie while the member types their code, so the password never goes back to the browser (a
 *   form that kept it would hold it in the page) and the member does not type it twice.
 * - `renewal`: "re-issue this member's session here after they ended the others" (password change, two-factor
 *   on or off). Made and spent inside one server action; it never reaches the browser.
 * Each names the account and its session version, so a password change, "sign out everywhere" or disabling
 * in between voids it, and each expires within minutes.
 */
export type GrantPurpose = 'second-factor' | 'renewal';
export type GrantClaim = { userId: string; sessionVersion: number };

const lifetimeMs: Record<GrantPurpose, number> = { 'second-factor': 5 * 60_000, renewal: 60_000 };

/** Their own key, derived from AUTH_SECRET, like email tokens: never the key the rate-limit table's HMACs use. */
function grantKey(): Buffer {
  const secret = getEnv().AUTH_SECRET;
  // No fallback: a grant signed with a guessable key would be a session for anyone.
  if (!secret) throw new Error('AUTH_SECRET is required to sign sign-in grants');
  return createHmac('sha256', secret).update('baraza:sign-in-grant:v1').digest();
}

const signatureOf = (payload: string) => createHmac('sha256', grantKey()).update(payload).digest('base64url');

export function signGrant(purpose: GrantPurpose, claim: GrantClaim, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ p: purpose, u: claim.userId, v: claim.sessionVersion, e: now + lifetimeMs[purpose] })).toString('base64url');
  return `${payload}.${signatureOf(payload)}`;
}

/** The account a grant names, if this server signed it for this purpose and it has not expired; otherwise null. */
export function verifyGrant(purpose: GrantPurpose, token: unknown, now = Date.now()): GrantClaim | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(signatureOf(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p: unknown; u: unknown; v: unknown; e: unknown };
  if (claim.p !== purpose || typeof claim.u !== 'string' || typeof claim.v !== 'number' || typeof claim.e !== 'number' || claim.e <= now) return null;
  return { userId: claim.u, sessionVersion: claim.v };
}
