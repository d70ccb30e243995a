import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { posts, threads } from '@/db/schema/conversations';
import { connections } from '@/db/schema/directory';
import { events } from '@/db/schema/events';
import { followUpResponses, followUps } from '@/db/schema/follow-ups';
import { notifications, type NotificationKind } from '@/db/schema/notifications';
import { factsOfThreads } from '@/lib/conversations/load';
import { can } from '@/lib/policy/rules';
import type { Locale, Viewer } from '@/lib/policy/types';

export type NotificationRow = typeof notifications.$inferSelect;

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  readAt: Date | null;
  actorName: string | null;
  /** The thread's title, the event's for a refresher or a follow-up, the other member's name for a connection. */
  title: string;
  /** A short plain-text excerpt of the post, when there is one the member may read. */
  excerpt: string;
  href: string;
};

/**
 * What a member's notifications say, re-checked now: anything the member may no longer read (access
 * lost, a post hidden or deleted, a case study narrowed) is dropped, whether shown in the app or mailed.
 */
export function describeNotifications(viewer: Viewer, rows: readonly NotificationRow[], locale: Locale): NotificationItem[] {
  if (!rows.length) return [];
  const db = getDb();
  const threadIds = [...new Set(rows.map((row) => row.threadId).filter((id): id is string => !!id))];
  const postIds = [...new Set(rows.map((row) => row.postId).filter((id): id is string => !!id))];
  const eventIds = [...new Set(rows.map((row) => row.eventId).filter((id): id is string => !!id))];
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => !!id))];
  const threadRows = threadIds.length ? db.select().from(threads).where(inArray(threads.id, threadIds)).all() : [];
  const threadFacts = factsOfThreads(db, threadRows);
  const threadById = new Map(threadRows.map((row) => [row.id, row]));
  const postById = new Map(
    (postIds.length ? db.select({ id: posts.id, plainText: posts.plainText, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, authorId: posts.authorId }).from(posts).where(inArray(posts.id, postIds)).all() : []).map((row) => [row.id, row]),
  );
  const eventById = new Map(
    (eventIds.length ? db.select({ id: events.id, slug: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, visibility: events.visibility }).from(events).where(inArray(events.id, eventIds)).all() : []).map((row) => [row.id, row]),
  );
  const connectionIds = [...new Set(rows.map((row) => row.connectionId).filter((id): id is string => !!id))];
  const connectionById = new Map((connectionIds.length ? db.select().from(connections).where(inArray(connections.id, connectionIds)).all() : []).map((row) => [row.id, row]));
  const followUpIds = [...new Set(rows.map((row) => row.followUpId).filter((id): id is string => !!id))];
  const followUpById = new Map((followUpIds.length ? db.select().from(followUps).where(inArray(followUps.id, followUpIds)).all() : []).map((row) => [row.id, row]));
  // A follow-up notification stands while the member is still invited and the round is open.
  const invitedTo = new Set(
    followUpIds.length
      ? db.select({ followUpId: followUpResponses.followUpId }).from(followUpResponses).where(and(eq(followUpResponses.userId, viewer.userId), inArray(followUpResponses.followUpId, followUpIds))).all().map((row) => row.followUpId)
      : [],
  );
  const actorById = new Map((actorIds.length ? db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, actorIds)).all() : []).map((row) => [row.id, row.displayName]));

  const items: NotificationItem[] = [];
  for (const row of rows) {
    const base = { id: row.id, kind: row.kind, createdAt: row.createdAt, readAt: row.readAt, actorName: row.actorId ? (actorById.get(row.actorId) ?? null) : null };
    if (row.connectionId) {
      const connection = connectionById.get(row.connectionId);
      if (!connection || !can(viewer, 'connection.read', connection)) continue;
      items.push({ ...base, title: base.actorName ?? '', excerpt: '', href: '/connections' });
    } else if (row.followUpId) {
      const followUp = followUpById.get(row.followUpId);
      const event = followUp ? eventById.get(followUp.eventId) : undefined;
      if (!followUp || !event || followUp.cancelledAt || !invitedTo.has(followUp.id) || !can(viewer, 'event.read', event)) continue;
      items.push({ ...base, title: locale === 'fr' ? event.titleFr : event.titleEn, excerpt: '', href: `/follow-ups/${followUp.id}` });
    } else if (row.threadId) {
      const thread = threadById.get(row.threadId);
      const facts = threadFacts.get(row.threadId);
      if (!thread || !facts || !can(viewer, 'thread.read', facts)) continue;
      const post = row.postId ? postById.get(row.postId) : undefined;
      const postReadable = post && can(viewer, 'post.readText', { ...facts, postAuthorId: post.authorId, isDeleted: post.deletedAt !== null, isHidden: post.hiddenAt !== null });
      items.push({ ...base, title: thread.title, excerpt: postReadable ? post.plainText.slice(0, 200) : '', href: `/threads/${thread.id}${row.postId ? `#post-${row.postId}` : ''}` });
    } else if (row.eventId) {
      const event = eventById.get(row.eventId);
      // Refreshers are for the event's participants.
      if (!event || !can(viewer, 'event.readRefresher', event)) continue;
      items.push({ ...base, title: locale === 'fr' ? event.titleFr : event.titleEn, excerpt: '', href: row.refresherId ? `/refreshers/${row.refresherId}` : `/events/${event.slug}` });
    }
  }
  return items;
}

export function listNotifications(viewer: Viewer, locale: Locale, options: { limit?: number; unreadOnly?: boolean } = {}): NotificationItem[] {
  const rows = getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.userId), options.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit ?? 50)
    .all();
  return describeNotifications(viewer, rows, locale);
}

/** The bell's number: unread notifications the member may still read (at most 99 are counted). */
export function unreadNotificationCount(viewer: Viewer, locale: Locale): number {
  return listNotifications(viewer, locale, { limit: 99, unreadOnly: true }).length;
}

export function markNotificationsRead(viewer: Viewer, ids: readonly string[] | 'all'): void {
  getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, [...ids])))
    .run();
}
