import type { Db } from '@/db/client';
import { expectedDocumentCount } from './documents';
import { drainOutbox, purgeProcessedOutbox } from './outbox';
import { reindexAll } from './reindex';
import { ensureSearchIndex } from './settings';
import type { SearchTarget } from './target';

export type SearchWorker = { stop: () => Promise<void> };

const pollMs = 200;
const purgeEveryMs = 60 * 60_000;

/**
 * Prepares the index (settings first, then a rebuild if it does not hold what SQLite says it should: a
 * first start, a restored database, a wiped Meilisearch folder) and then drains the outbox continuously.
 * Runs in scripts/serve.ts, beside the web server, so it survives web restarts and sees every process's writes.
 */
export async function prepareSearchIndex(db: Db, target: SearchTarget, log: (line: string) => void, options: { rebuild?: boolean } = {}): Promise<void> {
  await ensureSearchIndex(target);
  const stats = await target.client.index(target.indexUid).getStats();
  const expected = expectedDocumentCount(db);
  // A restored database may hold as many documents as the index, but not the same ones: it asks for a rebuild.
  if (options.rebuild || stats.numberOfDocuments !== expected) {
    const result = await reindexAll(db, target);
    log(`Search index rebuilt: ${result.documents} documents in ${result.totalMs} ms.`);
  }
}

/**
 * Starts the worker: it prepares the index (retrying until Meilisearch answers), then drains the outbox
 * every 200 ms. `ready` settles after the first preparation attempt, so the caller can hold the web
 * server until settings are in place without hanging forever on an external Meilisearch that is down.
 */
export function startSearchWorker(db: Db, target: SearchTarget, log: (line: string) => void, options: { rebuild?: boolean; onPrepared?: () => void } = {}): SearchWorker & { ready: Promise<void> } {
  let stopped = false;
  let prepared = false;
  let lastError = '';
  let lastPurge = 0;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const report = (error: string) => {
    // One line per distinct failure, not one per poll, while Meilisearch is away.
    if (error && error !== lastError) log(`Search index update failed, will retry: ${error}`);
    lastError = error;
  };
  const loop = (async () => {
    while (!stopped) {
      try {
        if (!prepared) {
          await prepareSearchIndex(db, target, log, { rebuild: options.rebuild });
          prepared = true;
          options.onPrepared?.();
          markReady();
        }
        report((await drainOutbox(db, target)).error ?? '');
        if (Date.now() - lastPurge > purgeEveryMs) {
          purgeProcessedOutbox(db);
          lastPurge = Date.now();
        }
      } catch (error) {
        report(error instanceof Error ? error.message : String(error));
        markReady();
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  })();
  return {
    ready,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
