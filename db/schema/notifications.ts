import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { events } from './events';

export const notificationKinds = [
  'reply',
  'new_thread',
  'mention',
  'question',
  'answer',
  'question_reminder',
  'moderation',
  'refresher',
  'connection_request',
  'connection_accepted',
  'follow_up',
  'follow_up_reminder',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * One thing a member should know about. It names what happened and where; what the member may read is
 * checked again whenever it is shown or mailed (access can be lost after it was created).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    threadId: text('thread_id'),
    postId: text('post_id'),
    eventId: text('event_id'),
    refresherId: text('refresher_id'),
    connectionId: text('connection_id'),
    followUpId: text('follow_up_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    // Set once the notification went out in an email (immediate or digest), so it is mailed once.
    emailedAt: integer('emailed_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.readAt, table.createdAt), index('notifications_unmailed_idx').on(table.emailedAt, table.userId)],
);

/** Every email sent (or written to a file in the demo), for the weekly cap and the admins' outbox page. */
export const emailMessages = sqliteTable(
  'email_messages',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    kind: text('kind', { enum: ['notification', 'digest', 'refresher', 'reminder'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    // Where it went: `smtp`, or the file it was written to under data/mail in the demo.
    transport: text('transport'),
  },
  (table) => [index('email_messages_user_idx').on(table.userId, table.createdAt)],
);

/** A refresher for an event's participants, sent on a day: its themes and lessons learned, with links. */
export const refreshers = sqliteTable(
  'refreshers',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    sendOn: text('send_on').notNull(), // ISO date
    monthsAfter: integer('months_after'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (table) => [uniqueIndex('refreshers_event_day_unique').on(table.eventId, table.sendOn)],
);
