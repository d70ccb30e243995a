import { Meilisearch } from 'meilisearch';

/** Where search documents live: a client and the live index's name. Tests and the benchmark pass their own. */
export type SearchTarget = { client: Meilisearch; indexUid: string };

export const defaultIndexUid = 'baraza_content';

/** The app's target, from the environment scripts/serve.ts fills in (MEILI_HOST, MEILI_MASTER_KEY, MEILI_INDEX). */
export function searchTargetFromEnv(env: NodeJS.ProcessEnv = process.env): SearchTarget {
  if (!env.MEILI_HOST) throw new Error('MEILI_HOST is not set: start Baraza with `npm start` or set MEILI_HOST and MEILI_MASTER_KEY.');
  return {
    client: new Meilisearch({
      host: env.MEILI_HOST,
      apiKey: env.MEILI_MASTER_KEY || undefined,
      // No compression: measured here, a gzip reply on a reused loopback connection arrives ~40 ms late
      // (headers and body in separate small writes meet delayed ACKs); compression gains nothing locally.
      requestInit: { headers: { 'accept-encoding': 'identity' } },
    }),
    indexUid: env.MEILI_INDEX || defaultIndexUid,
  };
}

/**
 * How long to wait for a Meilisearch task. The client's 5 s default is too short on a busy 2-core machine
 * (a settings change re-indexes every document); tasks normally finish in well under a second.
 */
export const taskWait = { timeout: 120_000, interval: 25 } as const;

/** Bulk loads (a rebuild) wait longer and poll less: the client adds a listener per poll while it waits. */
export const bulkTaskWait = { timeout: 900_000, interval: 250 } as const;
