import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The kinds of things that have search documents. */
export const searchEntityTypes = ['case_study', 'organisation', 'thread', 'theme'] as const;
export type SearchEntityType = (typeof searchEntityTypes)[number];

/**
 * The search outbox: every write that changes searchable content adds a row in its own transaction, so
 * the index can always catch up (lib/search/outbox.ts drains it). Rows name an entity, not a document:
 * the worker reads the entity's current state, so replaying a row is harmless. Processed rows are kept
 * for a day so a reindex can replay the writes that raced it.
 */
export const searchOutbox = sqliteTable(
  'search_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type', { enum: searchEntityTypes }).notNull(),
    entityId: text('entity_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    attempts: integer('attempts').notNull().default(0),
    // Epoch ms before which the row is not retried (backoff after a failed attempt).
    availableAt: integer('available_at').notNull().default(0),
    lastError: text('last_error'),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('search_outbox_pending_idx').on(table.processedAt, table.availableAt)],
);
