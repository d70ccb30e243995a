import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { buildAllDocuments, type SearchDocument } from './documents';
import { ensureSearchIndex, settle } from './settings';
import { bulkTaskWait, type SearchTarget } from './target';

export type ReindexResult = { documents: number; buildMs: number; indexMs: number; totalMs: number };

export const batchSize = 5_000;

/**
 * Rebuilds the index from SQLite with no downtime: documents go into a fresh index with the same settings,
 * which then swaps places with the live one in one step. Writes that land during the rebuild are replayed
 * from the outbox afterwards, so the swapped-in index misses nothing.
 */
export async function reindexAll(db: Db, target: SearchTarget): Promise<ReindexResult> {
  const started = performance.now();
  await ensureSearchIndex(target);
  const nextUid = `${target.indexUid}_next_${Date.now().toString(36)}`;
  await ensureSearchIndex(target, nextUid);

  // One read transaction: the documents and the outbox high-water mark come from the same snapshot. SQLite
  // serialises writers, so every write committed after this snapshot has an outbox id above `highWater`.
  const { documents, highWater } = db.transaction((tx) => ({
    documents: buildAllDocuments(tx),
    highWater: tx.get<{ id: number | null }>(sql`select max(id) as id from search_outbox`)?.id ?? 0,
  }));
  const built = performance.now();

  try {
    await addInBatches(target, nextUid, documents);
    await settle(target, (await target.client.swapIndexes([{ indexes: [target.indexUid, nextUid], rename: false }])).taskUid);
  } finally {
    // After the swap this is the old index; after a failure, the half-built new one.
    await target.client.deleteIndex(nextUid).catch(() => undefined);
  }
  // Writes drained into the old index while we built are applied again to the new one.
  db.run(sql`insert into search_outbox (entity_type, entity_id)
    select distinct entity_type, entity_id from search_outbox where id > ${highWater}`);
  const finished = performance.now();
  return { documents: documents.length, buildMs: Math.round(built - started), indexMs: Math.round(finished - built), totalMs: Math.round(finished - started) };
}

/** Sends every batch first and waits once: Meilisearch batches queued tasks together. */
export async function addInBatches(target: SearchTarget, indexUid: string, documents: readonly SearchDocument[]): Promise<void> {
  const index = target.client.index(indexUid);
  const tasks: number[] = [];
  for (let start = 0; start < documents.length; start += batchSize) {
    tasks.push((await index.addDocuments(documents.slice(start, start + batchSize), { primaryKey: 'id' })).taskUid);
  }
  for (const task of tasks) await settle(target, task, bulkTaskWait);
}
