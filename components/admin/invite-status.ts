export type InviteStatus = 'active' | 'expired' | 'revoked' | 'usedUp';

/** Why an invite code can or cannot be used now; the join mutation applies the same conditions. */
export function inviteStatus(invite: { revokedAt: Date | null; expiresAt: Date; useCount: number; maxUses: number }, now: Date): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.useCount >= invite.maxUses) return 'usedUp';
  if (invite.expiresAt <= now) return 'expired';
  return 'active';
}
