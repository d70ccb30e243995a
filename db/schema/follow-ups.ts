import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SurveyAnswers } from '../../lib/follow-ups/answers';
import { users } from './accounts';
import { events } from './events';

/**
 * A follow-up survey round for an event's participants (by default 6 and 12 months after it). Participants
 * are invited on `opensOn` and reminded once; answers are taken until `closesOn`.
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    opensOn: text('opens_on').notNull(), // ISO date
    closesOn: text('closes_on').notNull(), // ISO date, last day answers are taken
    monthsAfter: integer('months_after'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    invitedAt: integer('invited_at', { mode: 'timestamp_ms' }),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (table) => [uniqueIndex('follow_ups_event_day_unique').on(table.eventId, table.opensOn)],
);

/** A question a facilitator adds to a round, besides the network's framework; answered in free text. */
export const followUpQuestions = sqliteTable(
  'follow_up_questions',
  {
    id: text('id').primaryKey(),
    followUpId: text('follow_up_id').notNull().references(() => followUps.id, { onDelete: 'cascade' }),
    promptEn: text('prompt_en').notNull(),
    promptFr: text('prompt_fr').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('follow_up_questions_round_idx').on(table.followUpId, table.sortOrder)],
);

/**
 * One invited participant's answers to a round: the row exists from the invitation (the response rate's
 * denominator), holds answers as they are saved step by step, and is `submittedAt` once finished. Only the
 * member sees it as theirs; the dashboard and the export read aggregates and anonymised rows.
 */
export const followUpResponses = sqliteTable(
  'follow_up_responses',
  {
    followUpId: text('follow_up_id').notNull().references(() => followUps.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    answers: text('answers', { mode: 'json' }).$type<SurveyAnswers>().notNull().default(sql`'{}'`),
    invitedAt: integer('invited_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
  },
  (table) => [primaryKey({ columns: [table.followUpId, table.userId] }), index('follow_up_responses_user_idx').on(table.userId)],
);
