import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import type { Viewer } from '@/lib/policy/types';
import { EmailSettingsInput } from './schemas';
import { verifyMemberToken } from './tokens';

/** A member's own email settings; nobody else's. */
export function updateEmailSettings({ viewer, input }: { viewer: Viewer; input: unknown }): void {
  const data = EmailSettingsInput.parse(input);
  getDb()
    .update(users)
    .set({ emailFrequency: data.emailFrequency, emailDetail: data.emailDetail, weeklyEmailCap: data.weeklyEmailCap, refreshersEnabled: data.refreshersEnabled })
    .where(eq(users.id, viewer.userId))
    .run();
}

/**
 * One-click unsubscribe from an email link (RFC 8058), without signing in: the signed token is the
 * permission, and it allows this one change only. Returns false for a token that does not verify.
 */
export function unsubscribeWithToken({ userId, token }: { userId: unknown; token: unknown }): boolean {
  if (!verifyMemberToken(userId, 'unsubscribe', token)) return false;
  getDb().update(users).set({ emailFrequency: 'never' }).where(eq(users.id, userId)).run();
  return true;
}
