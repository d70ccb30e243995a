import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { twoFactorCredentials, twoFactorRecoveryCodes, users } from '@/db/schema/accounts';
import { AppError } from '@/lib/errors';
import { assertCan } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { groupSecret, otpauthUri, qrCodeSvg, unseal } from './totp';

/** Whether signing in to this account takes a code after the password. */
export function isTwoFactorEnabled(userId: string): boolean {
  return !!getDb()
    .select({ userId: twoFactorCredentials.userId })
    .from(twoFactorCredentials)
    .where(and(eq(twoFactorCredentials.userId, userId), eq(twoFactorCredentials.isEnabled, true)))
    .get();
}

export type TwoFactorSettings =
  | { status: 'off' }
  | { status: 'setup'; secret: string; qrCodeSvg: string }
  | { status: 'on'; enabledAt: Date | null; recoveryCodesLeft: number };

/** The member's own two-factor state for the settings page; during setup, the secret to scan or type. */
export async function getTwoFactorSettings(viewer: Viewer): Promise<TwoFactorSettings> {
  const db = getDb();
  const row = db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, viewer.userId)).get();
  if (!row) return { status: 'off' };
  if (row.isEnabled) {
    const left = db
      .select({ count: sql<number>`count(*)` })
      .from(twoFactorRecoveryCodes)
      .where(and(eq(twoFactorRecoveryCodes.userId, viewer.userId), isNull(twoFactorRecoveryCodes.usedAt)))
      .get()!.count;
    return { status: 'on', enabledAt: row.enabledAt, recoveryCodesLeft: left };
  }
  const secret = unseal(row.encryptedSecret, row.userId);
  // Unreadable (AUTH_SECRET changed since): as if never started; starting again writes a new secret.
  if (!secret) return { status: 'off' };
  return { status: 'setup', secret: groupSecret(secret), qrCodeSvg: await qrCodeSvg(otpauthUri(secret)) };
}

/** For an admin's member page: whether the member has two-factor on (never the secret or the codes). */
export function getMemberTwoFactorStatus(viewer: MaybeViewer, userId: string): { isEnabled: boolean } {
  assertCan(viewer, 'member.manage', null);
  if (!getDb().select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw new AppError('not_found');
  return { isEnabled: isTwoFactorEnabled(userId) };
}
