import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { keyPopulations, topics } from './taxonomy';

/** Why members connect: the network's own categories (followUpSurvey.connectionReasons in the taxonomy). */
export const connectionReasons = [
  'share_information',
  'explore_joint_work',
  'acknowledge_expertise',
  'learn_about_work',
  'strengthen_relationship',
  'advice_mentoring',
  'technical_assistance',
  'follow_up_question',
  'other_meetings',
  'expand_networks',
  'reflect_contexts',
  'co_host_event',
  'joint_funding',
  'other',
] as const;
export type ConnectionReason = (typeof connectionReasons)[number];

/** What came of a connection, as members record it later. */
export const connectionOutcomes = ['information_shared', 'advice_given', 'technical_assistance', 'joint_proposal', 'co_hosted_event', 'joint_work', 'referral', 'other'] as const;
export type ConnectionOutcome = (typeof connectionOutcomes)[number];

export const connectionStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** The key populations a member works with, for the directory (only shown while they are listed). */
export const userPopulations = sqliteTable(
  'user_populations',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    populationKey: text('population_key').notNull().references(() => keyPopulations.key),
  },
  (table) => [primaryKey({ columns: [table.userId, table.populationKey] })],
);

/** The topics a member works on, for the directory. */
export const userTopics = sqliteTable(
  'user_topics',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    topicKey: text('topic_key').notNull().references(() => topics.key),
  },
  (table) => [primaryKey({ columns: [table.userId, table.topicKey] })],
);

/**
 * A request from one member to another, with the network's reasons and a message. Contact details are
 * exchanged only once it is accepted. `pairKey` (the two ids, sorted) lets SQLite refuse a second live
 * connection between the same two people, whichever of them asks.
 */
export const connections = sqliteTable(
  'connections',
  {
    id: text('id').primaryKey(),
    requesterId: text('requester_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    recipientId: text('recipient_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    pairKey: text('pair_key').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<ConnectionReason[]>().notNull(),
    message: text('message').notNull().default(''),
    status: text('status', { enum: connectionStatuses }).notNull().default('pending'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    uniqueIndex('connections_live_pair_unique').on(table.pairKey).where(sql`status in ('pending', 'accepted')`),
    index('connections_recipient_idx').on(table.recipientId, table.status),
    index('connections_requester_idx').on(table.requesterId, table.status),
  ],
);

/** What came of an accepted connection, recorded by either of its two members. */
export const connectionOutcomeEntries = sqliteTable(
  'connection_outcomes',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: connectionOutcomes }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('connection_outcomes_connection_idx').on(table.connectionId)],
);
