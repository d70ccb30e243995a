import 'server-only';
import type { Db } from '@/db/client';
import { emailMessages } from '@/db/schema/notifications';
import { getEnv } from '@/lib/env';
import { newId } from '@/lib/ids';
import type { EmailContent } from './compose';
import { countEmailsSince, type EmailKind, type EmailRecipient } from './queries';
import { unsubscribeUrls } from './tokens';
import { transportFromEnv, type MailTransport } from './transport';

type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export const weeklyWindowMs = 7 * 24 * 60 * 60_000;

/** Whether the member already got as many emails in the last 7 days as they allow. Then nothing is sent and items wait. */
export function hasReachedWeeklyCap(db: Db, recipient: EmailRecipient, now: number): boolean {
  return countEmailsSince(db, recipient.userId, now - weeklyWindowMs) >= recipient.weeklyEmailCap;
}

let processTransport: MailTransport | undefined;

/** The process's transport from the environment (SMTP, or files under $DATA_DIR/mail), created once. */
export function defaultMailTransport(): MailTransport {
  processTransport ??= transportFromEnv();
  return processTransport;
}

export type SendOutcome = { sent: true } | { sent: false; reason: 'never' | 'no_address' | 'weekly_cap' };

/**
 * Sends one email to a member and records it: the one way any email leaves. It refuses members who turned
 * email off or have no address, and members at their weekly cap (checked before every send; what the email
 * would have said waits for a later one). Every email carries the one-click unsubscribe headers (RFC 8058)
 * and `Auto-Submitted` (no auto-replies). The record is written after the transport accepted the message, in
 * one transaction with whatever the caller marks as sent (`alsoInTransaction`): a failed send records
 * nothing and the job retries; a crash between the two can at worst send one email twice.
 */
export async function sendMemberEmail(
  db: Db,
  transport: MailTransport,
  input: { recipient: EmailRecipient; kind: EmailKind; content: EmailContent; now: number; alsoInTransaction?: (tx: Transaction) => void },
): Promise<SendOutcome> {
  const { recipient } = input;
  if (recipient.emailFrequency === 'never') return { sent: false, reason: 'never' };
  if (!recipient.email) return { sent: false, reason: 'no_address' };
  if (hasReachedWeeklyCap(db, recipient, input.now)) return { sent: false, reason: 'weekly_cap' };
  const { oneClick } = unsubscribeUrls(recipient.userId);
  const { transport: sentBy } = await transport.send({
    from: getEnv().MAIL_FROM,
    to: recipient.email,
    subject: input.content.subject,
    text: input.content.text,
    html: input.content.html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
  });
  const at = new Date(input.now);
  db.transaction(
    (tx) => {
      tx.insert(emailMessages)
        .values({
          id: newId(),
          userId: recipient.userId,
          toAddress: recipient.email!,
          kind: input.kind,
          subject: input.content.subject,
          text: input.content.text,
          html: input.content.html,
          createdAt: at,
          sentAt: at,
          transport: sentBy,
        })
        .run();
      input.alsoInTransaction?.(tx);
    },
    { behavior: 'immediate' },
  );
  return { sent: true };
}
