import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import { posts, threads } from '@/db/schema/conversations';
import { notifications, type NotificationKind } from '@/db/schema/notifications';
import type { MailTransport, OutgoingEmail } from '@/lib/email/transport';
import { newId } from '@/lib/ids';
import { testDb } from './database';

/** A transport that keeps what it is given. `failures` first sends throw, like an SMTP server that is down. */
export function memoryTransport(options: { failures?: number } = {}): MailTransport & { sent: OutgoingEmail[]; attempts: number } {
  let failuresLeft = options.failures ?? 0;
  const transport = {
    sent: [] as OutgoingEmail[],
    attempts: 0,
    async send(message: OutgoingEmail) {
      transport.attempts++;
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      }
      transport.sent.push(message);
      return { transport: 'memory' };
    },
  };
  return transport;
}

export function setEmailPreferences(userId: string, preferences: Partial<Pick<typeof users.$inferInsert, 'email' | 'emailFrequency' | 'emailDetail' | 'weeklyEmailCap' | 'locale'>>): void {
  testDb().update(users).set(preferences).where(eq(users.id, userId)).run();
}

/**
 * A discussion with one post, inserted directly (the conversations mutations are not needed to test mail).
 * Network threads are for signed-in members; `organisation` narrows it to one organisation's members.
 */
export function insertThreadWithPost(input: { title: string; text: string; authorId: string; organisationId?: string }): { threadId: string; postId: string } {
  const db = testDb();
  const threadId = newId();
  const postId = newId();
  db.insert(threads)
    .values({
      id: threadId,
      subjectType: 'network',
      subjectId: null,
      title: input.title,
      narrowedTo: input.organisationId ? 'organisation' : null,
      visibility: input.organisationId ? 'organisation' : 'members',
      organisationId: input.organisationId ?? null,
      authorId: input.authorId,
      postCount: 1,
    })
    .run();
  db.insert(posts)
    .values({ id: postId, threadId, authorId: input.authorId, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: input.text }] }] }, plainText: input.text })
    .run();
  return { threadId, postId };
}

export function insertNotification(input: { userId: string; actorId: string; threadId: string; postId: string; kind?: NotificationKind; createdAt?: Date }): string {
  const id = newId();
  testDb()
    .insert(notifications)
    .values({ id, userId: input.userId, kind: input.kind ?? 'reply', actorId: input.actorId, threadId: input.threadId, postId: input.postId, createdAt: input.createdAt ?? new Date() })
    .run();
  return id;
}

export const emailedAtOf = (notificationId: string) => testDb().select({ emailedAt: notifications.emailedAt }).from(notifications).where(eq(notifications.id, notificationId)).get()?.emailedAt ?? null;
