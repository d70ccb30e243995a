import 'server-only';
import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rateLimits } from '@/db/schema/system';

export type Limit = { name: string; max: number; windowMs: number };

// Failures allowed per fixed window. Only failures count, so members who sign in correctly are never slowed.
export const limits = {
  signInPerAccount: { name: 'sign-in:account', max: 5, windowMs: 15 * 60_000 },
  signInPerAddress: { name: 'sign-in:address', max: 30, windowMs: 15 * 60_000 },
  invitePerAddress: { name: 'invite:address', max: 10, windowMs: 15 * 60_000 },
  // Posting counts every post (not failures): enough for a lively discussion, not for a flood.
  postsPerMember: { name: 'post:member', max: 12, windowMs: 10 * 60_000 },
} satisfies Record<string, Limit>;

/** Keys are HMACs: the table never holds an address or a username that could be read back. */
function keyFor(limit: Limit, subject: string): string {
  const secret = process.env.AUTH_SECRET ?? 'baraza-rate-limit';
  return `${limit.name}:${createHmac('sha256', secret).update(subject.toLowerCase()).digest('base64url').slice(0, 32)}`;
}

/**
 * Counts an attempt BEFORE it is checked, in one statement, and says whether it is still within the limit.
 * Counting first matters: a password check takes ~40 ms, and requests sent in parallel must not all pass
 * a "not yet limited" test before any failure is recorded. better-sqlite3 runs the upsert atomically.
 */
export function takeAttempt(limit: Limit, subject: string, now = Date.now()): boolean {
  const key = keyFor(limit, subject);
  const row = getDb()
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${now} - ${rateLimits.windowStart} >= ${limit.windowMs} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${now} - ${rateLimits.windowStart} >= ${limit.windowMs} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count })
    .get();
  return (row?.count ?? 1) <= limit.max;
}

/** A successful attempt gives its slot back: only failures should use up the limit. */
export function giveBackAttempt(limit: Limit, subject: string): void {
  getDb()
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, keyFor(limit, subject)))
    .run();
}

export function clearAttempts(limit: Limit, subject: string): void {
  getDb().delete(rateLimits).where(eq(rateLimits.key, keyFor(limit, subject))).run();
}
