import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const jobStatuses = ['pending', 'running', 'done', 'failed'] as const;

/**
 * Background work that must survive a restart: emails, digests, reminders, refreshers. A job runs when
 * `runAt` has passed; a failure is retried with backoff until `maxAttempts`, then stays `failed` for admins.
 * `uniqueKey` makes scheduling idempotent (one digest per member per period, one reminder per question).
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    uniqueKey: text('unique_key'),
    status: text('status', { enum: jobStatuses }).notNull().default('pending'),
    runAt: integer('run_at').notNull(), // epoch ms
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(6),
    lastError: text('last_error'),
    lockedAt: integer('locked_at'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('jobs_due_idx').on(table.status, table.runAt), uniqueIndex('jobs_unique_key_unique').on(table.uniqueKey)],
);
