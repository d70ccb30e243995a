import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { inject } from 'vitest';
import type { Db } from '@/db/client';
import type { MaybeViewer } from '@/lib/policy/types';
import type { SearchDocument } from '@/lib/search/documents';
import { parseSearchParams } from '@/lib/search/params';
import { searchContent, type SearchHit, type SearchResult } from '@/lib/search/query';
import type { SearchTarget } from '@/lib/search/target';
import './provided-context';

/** A client for the run's real Meilisearch (started by global-setup.ts). */
export function testSearchClient(): Meilisearch {
  return new Meilisearch({ host: inject('meiliHost'), apiKey: inject('meiliMasterKey') });
}

/** An index name no other test file or run uses. */
export function testIndexName(name: string): string {
  return `${inject('meiliIndexPrefix')}${name}_${randomBytes(4).toString('hex')}`;
}

/**
 * How long to wait for a Meilisearch task. The client's 5 s default is too short when the machine is busy
 * (2 cores shared with builds); tasks normally finish in about a second. Not a timing assertion.
 */
export const taskWait = { timeout: 60_000 } as const;

/** A target on the run's Meilisearch with an index name of its own (ensureSearchIndex or reindexAll creates it). */
export function testSearchTarget(name: string): SearchTarget {
  return { client: testSearchClient(), indexUid: testIndexName(name) };
}

/** Searches as the search page does: the query-string record goes through parseSearchParams. */
export function searchAs(db: Db, target: SearchTarget, viewer: MaybeViewer, query: Record<string, string | string[] | undefined> = {}): Promise<SearchResult> {
  return searchContent({ db, target, viewer, params: parseSearchParams(query) });
}

/** Every hit of a search, following its pages; `total`, `totalPages` and `facets` come from the first page. */
export async function searchAllPages(db: Db, target: SearchTarget, viewer: MaybeViewer, query: Record<string, string | string[] | undefined> = {}): Promise<SearchResult> {
  const first = await searchAs(db, target, viewer, { ...query, page: '1' });
  const hits: SearchHit[] = [...first.hits];
  for (let page = 2; page <= first.totalPages; page++) hits.push(...(await searchAs(db, target, viewer, { ...query, page: String(page) })).hits);
  return { ...first, hits };
}

/** Every document the index holds, sorted by id (the index is small in tests). */
export async function indexedDocuments(target: SearchTarget): Promise<SearchDocument[]> {
  const { results, total } = await target.client.index<SearchDocument>(target.indexUid).getDocuments({ limit: 10_000 });
  if (results.length !== total) throw new Error(`indexedDocuments: ${results.length} of ${total} documents read`);
  return [...results].sort((a, b) => a.id.localeCompare(b.id));
}

/** Removes a test index (and waits), so a run does not leave hundreds of indexes behind. */
export async function removeTestIndex(target: SearchTarget): Promise<void> {
  await target.client.deleteIndex(target.indexUid).waitTask(taskWait);
}
