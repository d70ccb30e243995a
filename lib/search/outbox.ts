import { and, asc, inArray, isNull, lte, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { searchOutbox, type SearchEntityType } from '@/db/schema/search';
import { buildDocuments, type EntityRef } from './documents';
import { settle } from './settings';
import type { SearchTarget } from './target';

type Writer = Pick<Db, 'insert'>;

/**
 * Records that entities' searchable content changed. Call it inside the transaction of the write, so the
 * write and its outbox row commit or roll back together: Meilisearch being down never fails a write.
 */
export function enqueueSearch(tx: Writer, type: SearchEntityType, ids: string | readonly string[]): void {
  const list = typeof ids === 'string' ? [ids] : [...new Set(ids)];
  if (list.length) tx.insert(searchOutbox).values(list.map((entityId) => ({ entityType: type, entityId }))).run();
}

export type DrainResult = { processed: number; failed: number; error?: string };

/**
 * Takes one batch of pending rows, rebuilds their entities' documents from SQLite and applies them to the
 * live index, waiting until Meilisearch has. Rows are marked done only then; on failure they are retried
 * with backoff. Documents are keyed by id, so a replayed row updates rather than duplicates.
 */
export async function drainOutboxBatch(db: Db, target: SearchTarget, options: { batchSize?: number; now?: () => number } = {}): Promise<DrainResult> {
  const now = options.now ?? Date.now;
  const rows = db
    .select({ id: searchOutbox.id, entityType: searchOutbox.entityType, entityId: searchOutbox.entityId, attempts: searchOutbox.attempts })
    .from(searchOutbox)
    .where(and(isNull(searchOutbox.processedAt), lte(searchOutbox.availableAt, now())))
    .orderBy(asc(searchOutbox.id))
    .limit(options.batchSize ?? 500)
    .all();
  if (!rows.length) return { processed: 0, failed: 0 };

  const refs: EntityRef[] = rows.map((row) => ({ type: row.entityType, id: row.entityId }));
  const rowIds = rows.map((row) => row.id);
  try {
    // Read after claiming: a write committed after this read adds a newer row, drained next time.
    const { upserts, deleteIds } = db.transaction((tx) => buildDocuments(tx, refs));
    const index = target.client.index(target.indexUid);
    const tasks = [];
    if (upserts.length) tasks.push((await index.addDocuments(upserts, { primaryKey: 'id' })).taskUid);
    if (deleteIds.length) tasks.push((await index.deleteDocuments(deleteIds)).taskUid);
    for (const task of tasks) await settle(target, task);
    db.update(searchOutbox).set({ processedAt: new Date(now()), lastError: null }).where(inArray(searchOutbox.id, rowIds)).run();
    return { processed: rows.length, failed: 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Backoff per row: 1 s, 2 s, 4 s ... capped at 5 minutes.
    db.update(searchOutbox)
      .set({ attempts: sql`${searchOutbox.attempts} + 1`, availableAt: sql`${now()} + min(1000 * (1 << min(${searchOutbox.attempts}, 9)), 300000)`, lastError: message.slice(0, 500) })
      .where(inArray(searchOutbox.id, rowIds))
      .run();
    return { processed: 0, failed: rows.length, error: message };
  }
}

/** Drains until nothing is due (or a batch fails: the next call retries after the backoff). */
export async function drainOutbox(db: Db, target: SearchTarget, options: { batchSize?: number; now?: () => number } = {}): Promise<DrainResult> {
  const total: DrainResult = { processed: 0, failed: 0 };
  for (;;) {
    const result = await drainOutboxBatch(db, target, options);
    total.processed += result.processed;
    total.failed += result.failed;
    if (result.error) total.error = result.error;
    if (result.processed === 0) return total;
  }
}

/** Processed rows are kept a day (a reindex replays the rows that raced it), then removed. */
export function purgeProcessedOutbox(db: Db, olderThanMs = 24 * 60 * 60_000, now = Date.now()): void {
  db.delete(searchOutbox).where(lt(searchOutbox.processedAt, new Date(now - olderThanMs))).run();
}

/** How far the index is behind SQLite: pending rows, the oldest one's age, and rows that keep failing. */
export function outboxLag(db: Db, now = Date.now()): { pending: number; oldestSeconds: number; failing: number } {
  const row = db.get<{ pending: number; oldest: number | null; failing: number }>(sql`
    select count(*) as pending, min(created_at) as oldest, coalesce(sum(attempts > 0), 0) as failing
    from search_outbox where processed_at is null`);
  return { pending: row?.pending ?? 0, oldestSeconds: row?.oldest ? Math.max(0, Math.round((now - row.oldest) / 1000)) : 0, failing: row?.failing ?? 0 };
}
