import 'server-only';
import type { Db } from '@/db/client';
import { notifications, type NotificationKind } from '@/db/schema/notifications';
import { loadViewers } from '@/lib/accounts/queries';
import { newId } from '@/lib/ids';
import { enqueueJob } from '@/lib/jobs/queue';
import type { Viewer } from '@/lib/policy/types';

type Writer = Pick<Db, 'insert'>;

export type NewNotification = {
  kind: NotificationKind;
  recipientIds: readonly string[];
  actorId?: string | null;
  threadId?: string | null;
  postId?: string | null;
  eventId?: string | null;
  refresherId?: string | null;
  connectionId?: string | null;
  /** Follow-up notifications carry the event too (their title is the event's). */
  followUpId?: string | null;
  /** Whether this recipient may read what the notification is about, checked with the policy now. */
  canRead: (viewer: Viewer) => boolean;
};

/**
 * Notifies members inside the caller's transaction. Nobody is told about something they may not read
 * (a mention in an organisation-only thread does not reach someone outside it), the actor is not told
 * about their own act, and disabled members get nothing. Members who want email at once get a send job.
 * Returns who was notified.
 */
export function notify(tx: Writer, notification: NewNotification): string[] {
  const viewers = loadViewers(notification.recipientIds.filter((id) => id !== notification.actorId));
  const notified: string[] = [];
  for (const viewer of viewers.values()) {
    if (!notification.canRead(viewer)) continue;
    tx.insert(notifications)
      .values({
        id: newId(),
        userId: viewer.userId,
        kind: notification.kind,
        actorId: notification.actorId ?? null,
        threadId: notification.threadId ?? null,
        postId: notification.postId ?? null,
        eventId: notification.eventId ?? null,
        refresherId: notification.refresherId ?? null,
        connectionId: notification.connectionId ?? null,
        followUpId: notification.followUpId ?? null,
      })
      .run();
    // One pending send per member: several notifications in a burst go out in one email.
    if (viewer.emailFrequency === 'immediate') enqueueJob(tx, { kind: 'email.notifications', payload: { userId: viewer.userId }, uniqueKey: `email.notifications:${viewer.userId}` });
    notified.push(viewer.userId);
  }
  return notified;
}
