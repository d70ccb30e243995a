import 'server-only';
import { getDb } from '@/db/client';
import { outboxLag } from './outbox';
import type { SearchParams } from './params';
import { searchContent, type SearchResult } from './query';
import type { MaybeViewer } from '@/lib/policy/types';
import { searchTargetFromEnv, type SearchTarget } from './target';

let target: SearchTarget | undefined;

/** The server's search target. The browser never talks to Meilisearch: every search goes through us. */
export function getSearchTarget(): SearchTarget {
  return (target ??= searchTargetFromEnv());
}

export async function checkSearchHealth(): Promise<{ ok: boolean; outbox: ReturnType<typeof outboxLag> | null }> {
  let outbox: ReturnType<typeof outboxLag> | null = null;
  try {
    outbox = outboxLag(getDb());
    const health = await getSearchTarget().client.health();
    return { ok: health.status === 'available', outbox };
  } catch (error) {
    // Logged here, not returned: the health route is public and error text can name paths and ports.
    console.error('Health check failed', error);
    return { ok: false, outbox };
  }
}

/** The app's search for one viewer: this process's database and the configured index. */
export function searchForViewer(viewer: MaybeViewer, params: SearchParams): Promise<SearchResult> {
  return searchContent({ db: getDb(), target: getSearchTarget(), viewer, params });
}
