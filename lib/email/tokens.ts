import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

/** What a member token lets its holder do. One purpose per link, so a token for one cannot be used for another. */
export type TokenPurpose = 'unsubscribe';

/**
 * Tokens use their own key, derived from AUTH_SECRET: the rate-limit table stores HMACs of strings a visitor
 * chooses under AUTH_SECRET itself, and must never hold a prefix of a valid token.
 */
function tokenKey(): Buffer {
  const secret = getEnv().AUTH_SECRET;
  // No fallback: a token signed with a guessable key would let anyone change a member's email settings.
  if (!secret) throw new Error('AUTH_SECRET is required to sign email links');
  return createHmac('sha256', secret).update('baraza:member-token:v1').digest();
}

/** An HMAC-SHA256 over the purpose and the member's id, base64url: it names the member and what it allows, nothing else. */
export function signMemberToken(userId: string, purpose: TokenPurpose): string {
  return createHmac('sha256', tokenKey()).update(`${purpose}\u0000${userId}`).digest('base64url');
}

/** Whether `token` was signed for this member and purpose, compared in constant time. */
export function verifyMemberToken(userId: unknown, purpose: TokenPurpose, token: unknown): userId is string {
  if (typeof userId !== 'string' || typeof token !== 'string' || !userId || userId.length > 64 || token.length > 128) return false;
  const expected = Buffer.from(signMemberToken(userId, purpose));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The two unsubscribe addresses of a member. The page (in the email's text) only shows what will happen and
 * asks for a click, because link scanners fetch every GET; the endpoint (the List-Unsubscribe header) is the
 * RFC 8058 one-click POST. They differ because a Next page and a route handler cannot share a path.
 */
export function unsubscribeUrls(userId: string): { page: string; oneClick: string } {
  const query = `u=${encodeURIComponent(userId)}&t=${signMemberToken(userId, 'unsubscribe')}`;
  const origin = getEnv().appUrl;
  return { page: `${origin}/email/unsubscribe?${query}`, oneClick: `${origin}/api/email/unsubscribe?${query}` };
}
