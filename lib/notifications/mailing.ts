import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications } from '@/db/schema/notifications';
import type { NotificationRow } from './queries';

type Writer = Pick<Db, 'update'>;

// Which notifications still wait for an email. A notification the member already opened in the app is not
// mailed: they have seen it.

/** A member's notifications that no email has carried yet, oldest first. */
export function listUnmailedNotifications(db: Db, userId: string): NotificationRow[] {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), isNull(notifications.readAt)))
    .orderBy(asc(notifications.createdAt))
    .all();
}

/** Members with at least one notification waiting for an email (digest scheduling). */
export function listMembersWithUnmailedNotifications(db: Db): string[] {
  return db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(isNull(notifications.emailedAt), isNull(notifications.readAt)))
    .all()
    .map((row) => row.userId);
}

/**
 * Marks notifications as dealt with by email: the ones an email carried, and the ones the member can no
 * longer read (so they do not wait forever). Only unmarked ones change: a concurrent run cannot re-stamp them.
 */
export function markNotificationsEmailed(tx: Writer, ids: readonly string[], at: Date): void {
  if (!ids.length) return;
  tx.update(notifications)
    .set({ emailedAt: at })
    .where(and(inArray(notifications.id, [...ids]), isNull(notifications.emailedAt)))
    .run();
}
