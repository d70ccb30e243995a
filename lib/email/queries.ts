import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { emailMessages } from '@/db/schema/notifications';
import { AppError } from '@/lib/errors';
import { assertCan } from '@/lib/policy/rules';
import type { Locale, MaybeViewer, Viewer } from '@/lib/policy/types';
import { emailCarriesContent } from './compose';
import { verifyMemberToken } from './tokens';

export type EmailKind = (typeof emailMessages.$inferSelect)['kind'];

/** What sending a member an email needs to know about them. */
export type EmailRecipient = {
  userId: string;
  email: string | null;
  locale: Locale;
  emailFrequency: 'immediate' | 'daily' | 'weekly' | 'never';
  emailDetail: 'neutral' | 'full';
  weeklyEmailCap: number;
  refreshersEnabled: boolean;
};

/** A member's email preferences; null when the account is gone or disabled (they get nothing). */
export function loadEmailRecipient(db: Db, userId: string): EmailRecipient | null {
  const row = db
    .select({
      userId: users.id,
      email: users.email,
      locale: users.locale,
      emailFrequency: users.emailFrequency,
      emailDetail: users.emailDetail,
      weeklyEmailCap: users.weeklyEmailCap,
      refreshersEnabled: users.refreshersEnabled,
      isDisabled: users.isDisabled,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row || row.isDisabled) return null;
  const { isDisabled: _disabled, ...recipient } = row;
  return recipient;
}

/** Members who may get email at all, with their frequency (digest scheduling). */
export function listEmailableMembers(db: Db): { userId: string; emailFrequency: EmailRecipient['emailFrequency'] }[] {
  return db
    .select({ userId: users.id, emailFrequency: users.emailFrequency })
    .from(users)
    .where(and(eq(users.isDisabled, false), sql`${users.email} is not null`, sql`${users.emailFrequency} <> 'never'`))
    .all();
}

/** Emails a member was sent after a moment, of every kind: the weekly cap counts them all. */
export function countEmailsSince(db: Db, userId: string, since: number): number {
  return db.get<{ n: number }>(sql`select count(*) as n from ${emailMessages} where ${emailMessages.userId} = ${userId} and ${emailMessages.createdAt} > ${since}`)?.n ?? 0;
}

/** When a member last got an email of a kind (their last digest), in epoch ms. */
export function lastEmailAt(db: Db, userId: string, kind: EmailKind): number | null {
  const row = db
    .select({ createdAt: emailMessages.createdAt })
    .from(emailMessages)
    .where(and(eq(emailMessages.userId, userId), eq(emailMessages.kind, kind)))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1)
    .get();
  return row ? row.createdAt.getTime() : null;
}

/** The signed-in member's own email settings, for the settings page. */
export function getEmailSettings(viewer: Viewer) {
  const row = getDb()
    .select({
      hasEmail: sql<number>`${users.email} is not null`,
      emailFrequency: users.emailFrequency,
      emailDetail: users.emailDetail,
      weeklyEmailCap: users.weeklyEmailCap,
      refreshersEnabled: users.refreshersEnabled,
    })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .get();
  if (!row) throw new AppError('not_found');
  return { ...row, hasEmail: !!row.hasEmail };
}

/**
 * What an unsubscribe link stands for: `invalid` when the token was not signed for this member (or the
 * account is gone), otherwise the member's language and whether email is already off. It reveals nothing
 * else about the account: the link may have been forwarded.
 */
export function describeUnsubscribeLink(userId: unknown, token: unknown): { status: 'invalid' } | { status: 'valid'; locale: Locale; isUnsubscribed: boolean } {
  if (!verifyMemberToken(userId, 'unsubscribe', token)) return { status: 'invalid' };
  const row = getDb().select({ locale: users.locale, emailFrequency: users.emailFrequency }).from(users).where(eq(users.id, userId)).get();
  if (!row) return { status: 'invalid' };
  return { status: 'valid', locale: row.locale, isUnsubscribed: row.emailFrequency === 'never' };
}

/** `amina@example.org` as `a•••@example.org`: enough to tell a delivery problem's domain, not the person. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

/**
 * The outbox for admins: who got which kind of email, when and how, newest first. Addresses are masked:
 * admins manage accounts, and elsewhere see only whether an address is set.
 */
export function listEmailsForAdmin(viewer: MaybeViewer, limit = 200) {
  assertCan(viewer, 'admin.access', null);
  return getDb()
    .select({
      id: emailMessages.id,
      recipientName: users.displayName,
      toAddress: emailMessages.toAddress,
      kind: emailMessages.kind,
      subject: emailMessages.subject,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
      transport: emailMessages.transport,
    })
    .from(emailMessages)
    .leftJoin(users, eq(users.id, emailMessages.userId))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(limit)
    .all()
    .map(({ toAddress, transport, ...row }) => ({ ...row, recipientAddress: maskAddress(toAddress), transport: transportLabelOf(transport) }));
}

const transportLabelOf = (transport: string | null): 'smtp' | 'file' | null => (transport === null ? null : transport === 'smtp' ? 'smtp' : 'file');

/**
 * One email for admins. Its text is shown only if it carried no content: an email that listed titles, names
 * and excerpts for a member who chose that is theirs to read, not an admin's (decision 002). The signed
 * unsubscribe link is blanked: it would let the reader change the member's settings.
 */
export function getEmailForAdmin(viewer: MaybeViewer, emailId: string) {
  assertCan(viewer, 'admin.access', null);
  const row = getDb()
    .select({ email: emailMessages, recipientName: users.displayName })
    .from(emailMessages)
    .leftJoin(users, eq(users.id, emailMessages.userId))
    .where(eq(emailMessages.id, emailId))
    .get();
  if (!row) throw new AppError('not_found');
  const { email } = row;
  return {
    id: email.id,
    recipientName: row.recipientName,
    recipientAddress: maskAddress(email.toAddress),
    kind: email.kind,
    subject: email.subject,
    createdAt: email.createdAt,
    sentAt: email.sentAt,
    transport: transportLabelOf(email.transport),
    // The demo writes files; their path helps an admin with server access find one.
    file: email.transport && email.transport !== 'smtp' ? email.transport : null,
    text: emailCarriesContent(email.html) ? null : email.text.replace(/([?&]t=)[A-Za-z0-9_-]+/g, '$1…'),
  };
}
