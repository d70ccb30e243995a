import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { inviteCodes, memberships, users } from '@/db/schema/accounts';
import { organisations } from '@/db/schema/organisations';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { generateReadableCode, hashReadableCode } from '@/lib/readable-codes';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { clearAttempts, giveBackAttempt, limits, takeAttempt } from '@/lib/rate-limit';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import {
  ChangePasswordInput,
  CreateInviteInput,
  JoinInput,
  RevokeInviteInput,
  SetDisabledInput,
  SetMembershipInput,
  SetSiteRoleInput,
  UpdateProfileInput,
} from './schemas';

export function hashInviteCode(code: string): string {
  return hashReadableCode(code);
}

function generateInviteCode(): string {
  return generateReadableCode(3); // 75 bits, typed easily from a phone message
}

/** Creates an invite code for an organisation. The code is returned once and only its hash is stored. */
export function createInviteCode({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'invite.create', null);
  const data = CreateInviteInput.parse(input);
  const code = generateInviteCode();
  const id = newId();
  getDb().transaction(
    (tx) => {
      const organisation = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, data.organisationId)).get();
      if (!organisation) throw new AppError('not_found');
      tx.insert(inviteCodes)
        .values({
          id,
          codeHash: hashInviteCode(code),
          codeHint: code.slice(-5),
          organisationId: data.organisationId,
          role: data.role,
          note: data.note ?? '',
          maxUses: data.maxUses,
          expiresAt: new Date(Date.now() + data.expiresInDays * 86_400_000),
          createdBy: viewer!.userId,
        })
        .run();
      recordAudit(tx, { actorId: viewer!.userId, action: 'invite.create', targetType: 'organisation', targetId: data.organisationId, detail: `role=${data.role} uses=${data.maxUses}` });
    },
    { behavior: 'immediate' },
  );
  return { id, code };
}

export function revokeInviteCode({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'invite.create', null);
  const { inviteId } = RevokeInviteInput.parse(input);
  getDb().transaction((tx) => {
    const result = tx.update(inviteCodes).set({ revokedAt: new Date() }).where(eq(inviteCodes.id, inviteId)).run();
    if (result.changes === 0) throw new AppError('not_found');
    recordAudit(tx, { actorId: viewer!.userId, action: 'invite.revoke', targetType: 'invite', targetId: inviteId });
  });
}

/**
 * Creates an account from an invite code. Anonymous by design; guessing codes is rate-limited per address.
 * The code is consumed in the same immediate transaction that creates the user, so two people racing for a
 * single-use code cannot both get in.
 */
export async function joinWithInvite({ input, address }: { input: unknown; address: string }): Promise<{ userId: string; username: string }> {
  const data = JoinInput.parse(input);
  // Counted before the check, so parallel guesses cannot all get through; a successful join gives it back.
  if (!takeAttempt(limits.invitePerAddress, address)) throw new AppError('rate_limited');
  const passwordHash = await hashPassword(data.password);
  const userId = newId();
  const now = new Date();
  try {
    getDb().transaction(
      (tx) => {
        const invite = tx.select().from(inviteCodes).where(eq(inviteCodes.codeHash, hashInviteCode(data.code))).get();
        if (!invite || invite.revokedAt || invite.expiresAt <= now || invite.useCount >= invite.maxUses) throw new AppError('invite_invalid');
        if (tx.select({ id: users.id }).from(users).where(eq(users.username, data.username)).get()) throw new AppError('username_taken');
        if (data.email && tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, data.email)).get()) throw new AppError('email_taken');
        tx.insert(users).values({ id: userId, username: data.username, displayName: data.displayName, email: data.email ?? null, passwordHash, locale: data.locale }).run();
        tx.insert(memberships).values({ userId, organisationId: invite.organisationId, role: invite.role }).run();
        tx.update(inviteCodes).set({ useCount: sql`${inviteCodes.useCount} + 1` }).where(eq(inviteCodes.id, invite.id)).run();
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // Only a wrong code counts against the address; a taken username is not a guess.
    if (!(error instanceof AppError && error.code === 'invite_invalid')) giveBackAttempt(limits.invitePerAddress, address);
    throw error;
  }
  giveBackAttempt(limits.invitePerAddress, address);
  return { userId, username: data.username };
}

export function updateProfile({ viewer, input }: { viewer: Viewer; input: unknown }) {
  const data = UpdateProfileInput.parse(input);
  getDb().transaction(
    (tx) => {
      if (data.email && tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, data.email), ne(users.id, viewer.userId))).get()) {
        throw new AppError('email_taken');
      }
      tx.update(users)
        .set({ displayName: data.displayName, email: data.email ?? null, locale: data.locale, isInDirectory: data.isInDirectory, bio: data.bio ?? '' })
        .where(eq(users.id, viewer.userId))
        .run();
    },
    { behavior: 'immediate' },
  );
}

export function setOwnLocale(viewer: Viewer, locale: 'en' | 'fr') {
  getDb().update(users).set({ locale }).where(eq(users.id, viewer.userId)).run();
}

/** Changing the password ends every session, this one included: the member signs in again with the new one. */
export async function changePassword({ viewer, input }: { viewer: Viewer; input: unknown }) {
  const data = ChangePasswordInput.parse(input);
  // Someone holding an unlocked phone must not be able to guess the current password without limit.
  if (!takeAttempt(limits.signInPerAccount, viewer.userId)) throw new AppError('rate_limited');
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId)).get();
  if (!row || !(await verifyPassword(row.passwordHash, data.currentPassword))) throw new AppError('wrong_password');
  clearAttempts(limits.signInPerAccount, viewer.userId);
  const passwordHash = await hashPassword(data.newPassword);
  getDb().update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, viewer.userId)).run();
}

export function signOutEverywhere(viewer: Viewer) {
  getDb().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, viewer.userId)).run();
}

export function setSiteRole({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'member.manage', null);
  const data = SetSiteRoleInput.parse(input);
  if (!can(viewer, 'member.changeAccess', { userId: data.userId })) throw new AppError('forbidden', 'errors.no_self_grant');
  getDb().transaction((tx) => {
    const result = tx.update(users).set({ siteRole: data.siteRole }).where(eq(users.id, data.userId)).run();
    if (result.changes === 0) throw new AppError('not_found');
    recordAudit(tx, { actorId: viewer!.userId, action: 'member.setRole', targetType: 'user', targetId: data.userId, detail: data.siteRole });
  });
}

/** Disabling also bumps the session version, so the member's open sessions end at once. */
export function setDisabled({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'member.manage', null);
  const data = SetDisabledInput.parse(input);
  if (!can(viewer, 'member.changeAccess', { userId: data.userId })) throw new AppError('forbidden', 'errors.no_self_grant');
  getDb().transaction((tx) => {
    const result = tx
      .update(users)
      .set({ isDisabled: data.isDisabled, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, data.userId))
      .run();
    if (result.changes === 0) throw new AppError('not_found');
    recordAudit(tx, { actorId: viewer!.userId, action: data.isDisabled ? 'member.disable' : 'member.enable', targetType: 'user', targetId: data.userId });
  });
}

export function setMembership({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'member.manage', null);
  const data = SetMembershipInput.parse(input);
  if (!can(viewer, 'member.changeAccess', { userId: data.userId })) throw new AppError('forbidden', 'errors.no_self_grant');
  getDb().transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, data.userId)).get()) throw new AppError('not_found');
    if (!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, data.organisationId)).get()) throw new AppError('not_found');
    if (data.role === 'none') {
      tx.delete(memberships).where(and(eq(memberships.userId, data.userId), eq(memberships.organisationId, data.organisationId))).run();
    } else {
      tx.insert(memberships)
        .values({ userId: data.userId, organisationId: data.organisationId, role: data.role })
        .onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role: data.role } })
        .run();
    }
    recordAudit(tx, { actorId: viewer!.userId, action: 'member.setMembership', targetType: 'user', targetId: data.userId, detail: `${data.organisationId}=${data.role}` });
  });
}
