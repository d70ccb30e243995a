import 'server-only';
import type { Db } from '@/db/client';
import { loadViewers } from '@/lib/accounts/queries';
import { enqueueJob } from '@/lib/jobs/queue';
import { listMembersWithUnmailedNotifications, listUnmailedNotifications, markNotificationsEmailed } from '@/lib/notifications/mailing';
import { describeNotifications } from '@/lib/notifications/queries';
import { composeActivityEmail, type ActivityMode } from './compose';
import { hasReachedWeeklyCap, sendMemberEmail } from './mailer';
import { lastEmailAt, listEmailableMembers, loadEmailRecipient } from './queries';
import { unsubscribeUrls } from './tokens';
import type { MailTransport } from './transport';

export type DigestPeriod = 'daily' | 'weekly';

const digestIntervalMs: Record<DigestPeriod, number> = { daily: 24 * 60 * 60_000, weekly: 7 * 24 * 60 * 60_000 };
// Digests are scheduled on the hour; without some slack, a digest sent at 10:00:05 would not be due at
// 10:00:02 the next day and every member's digest would slip an hour a day.
const digestSlackMs = 15 * 60_000;

export type MailOutcome =
  | { status: 'sent'; notificationCount: number }
  | { status: 'skipped'; reason: 'no_account' | 'never' | 'no_address' | 'other_frequency' | 'not_due' | 'nothing_to_send' | 'weekly_cap' };

export function isDigestDue(db: Db, userId: string, period: DigestPeriod, now: number): boolean {
  const last = lastEmailAt(db, userId, 'digest');
  return last === null || now - last >= digestIntervalMs[period] - digestSlackMs;
}

/**
 * Mails a member's waiting notifications in one email: at once ('immediate', the `email.notifications` job) or
 * as a digest. Everything is re-checked now: the member's frequency (it may have changed since the job was
 * queued), their address, the weekly cap, and what they may still read (describeNotifications applies the
 * policy). Notifications they can no longer read are marked so they do not wait forever, and never mailed.
 * Throws when the transport fails, so the job retries; what the email would have carried stays unmarked.
 */
export async function mailWaitingNotifications(db: Db, transport: MailTransport, input: { userId: string; mode: ActivityMode; now: number }): Promise<MailOutcome> {
  const recipient = loadEmailRecipient(db, input.userId);
  if (!recipient) return { status: 'skipped', reason: 'no_account' };
  if (recipient.emailFrequency !== input.mode) return { status: 'skipped', reason: 'other_frequency' };
  if (!recipient.email) return { status: 'skipped', reason: 'no_address' };
  if (input.mode !== 'immediate' && !isDigestDue(db, recipient.userId, input.mode, input.now)) return { status: 'skipped', reason: 'not_due' };

  const rows = listUnmailedNotifications(db, recipient.userId);
  const viewer = loadViewers([recipient.userId]).get(recipient.userId);
  if (!rows.length || !viewer) return { status: 'skipped', reason: 'nothing_to_send' };
  const items = describeNotifications(viewer, rows, recipient.locale);
  const readable = new Set(items.map((item) => item.id));
  const at = new Date(input.now);
  markNotificationsEmailed(
    db,
    rows.filter((row) => !readable.has(row.id)).map((row) => row.id),
    at,
  );
  if (!items.length) return { status: 'skipped', reason: 'nothing_to_send' };

  const content = composeActivityEmail({ locale: recipient.locale, detail: recipient.emailDetail, mode: input.mode, items, unsubscribeUrl: unsubscribeUrls(recipient.userId).page });
  const result = await sendMemberEmail(db, transport, {
    recipient,
    kind: input.mode === 'immediate' ? 'notification' : 'digest',
    content,
    now: input.now,
    alsoInTransaction: (tx) => markNotificationsEmailed(tx, items.map((item) => item.id), at),
  });
  // At the weekly cap the items stay unmarked and wait for a later email.
  if (!result.sent) return { status: 'skipped', reason: result.reason };
  return { status: 'sent', notificationCount: items.length };
}

/**
 * The hourly `digest.schedule` job: queues a digest for each member whose digest is due (daily: the last one
 * at least a day ago; weekly: a week) and who has notifications waiting, under their weekly cap. It also
 * re-queues the immediate email of members whose notifications are still waiting (the cap held them back,
 * or they arrived while the previous send was running). Idempotent: jobs carry unique keys.
 */
export function scheduleWaitingEmails(db: Db, now: number): { digests: number; immediate: number } {
  const waiting = new Set(listMembersWithUnmailedNotifications(db));
  let digests = 0;
  let immediate = 0;
  for (const member of listEmailableMembers(db)) {
    if (!waiting.has(member.userId)) continue;
    const recipient = loadEmailRecipient(db, member.userId);
    if (!recipient || hasReachedWeeklyCap(db, recipient, now)) continue;
    if (member.emailFrequency === 'immediate') {
      enqueueJob(db, { kind: 'email.notifications', payload: { userId: member.userId }, uniqueKey: `email.notifications:${member.userId}`, runAt: now });
      immediate++;
    } else if ((member.emailFrequency === 'daily' || member.emailFrequency === 'weekly') && isDigestDue(db, member.userId, member.emailFrequency, now)) {
      enqueueJob(db, { kind: 'email.digest', payload: { userId: member.userId, period: member.emailFrequency }, uniqueKey: `email.digest:${member.userId}`, runAt: now });
      digests++;
    }
  }
  return { digests, immediate };
}
