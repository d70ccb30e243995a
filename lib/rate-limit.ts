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
} satisfies Record<string, Limit>;

/** Keys are HMACs: the table never holds an address or a username that could be read back. */
function keyFor(limit: Limit, subject: string): string {
  const secret = process.env.AUTH_SECRET ?? 'baraza-rate-limit';
  return `${limit.name}:${createHmac('sha256', secret).update(subject.toLowerCase()).digest('base64url').slice(0, 32)}`;
}

export function isRateLimited(limit: Limit, subject: string, now = Date.now()): boolean {
  const row = getDb().select().from(rateLimits).where(eq(rateLimits.key, keyFor(limit, subject))).get();
  return !!row && now - row.windowStart < limit.windowMs && row.count >= limit.max;
}

export function recordFailure(limit: Limit, subject: string, now = Date.now()): void {
  const key = keyFor(limit, subject);
  // One statement, so concurrent failures cannot lose a count.
  getDb()
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${now} - ${rateLimits.windowStart} >= ${limit.windowMs} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${now} - ${rateLimits.windowStart} >= ${limit.windowMs} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .run();
}

export function clearFailures(limit: Limit, subject: string): void {
  getDb().delete(rateLimits).where(eq(rateLimits.key, keyFor(limit, subject))).run();
}
