import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema/notifications';
import type { Locale, Viewer } from '@/lib/policy/types';
import { describeNotifications, markNotificationsRead } from './queries';

/**
 * Opening a notification marks it read and says where it leads. Null when it is not the member's, or
 * when what it is about is no longer theirs to read (it is still marked read: there is nothing to see).
 * The address comes from our own description, never from the request, so this cannot redirect elsewhere.
 */
export function openNotification(viewer: Viewer, notificationId: string, locale: Locale): string | null {
  const row = getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, viewer.userId)))
    .get();
  if (!row) return null;
  markNotificationsRead(viewer, [row.id]);
  return describeNotifications(viewer, [row], locale)[0]?.href ?? null;
}
