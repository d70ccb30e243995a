import type { Settings } from 'meilisearch';
import { sectionKeys } from '@/db/schema/case-studies';
import { glossarySynonyms } from './glossary';
import { taskWait, type SearchTarget } from './target';

/** Facets people browse by, in the order the search page shows them. */
export const facetNames = ['type', 'eventId', 'countries', 'populations', 'themes', 'organisationType', 'language', 'year'] as const;
export type FacetName = (typeof facetNames)[number];

/** The read rule's facts (lib/policy/audience.ts): filterable so scopes.ts can build the viewer's filter. */
const policyAttributes = ['visibility', 'isPublished', 'isSubmitted', 'organisationId', 'eventId', 'authorIds'];

export const indexSettings: Settings = {
  // Order is rank: a match in the title beats one in the body. Ids and policy facts are never searchable.
  searchableAttributes: ['title', 'organisationName', 'memberOrganisationName', 'summary', 'sections.lessons', ...sectionKeys.filter((key) => key !== 'lessons').map((key) => `sections.${key}`), 'postsText', 'tags'],
  filterableAttributes: [...new Set([...policyAttributes, ...facetNames, 'topics', 'sourceId'])],
  sortableAttributes: ['date'],
  synonyms: glossarySynonyms(),
  // Exhaustive totals and facet counts for every page a person can reach.
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 200 },
};

/** What visitors search on: everything but the names of members-only organisations. */
export const anonymousSearchAttributes = (indexSettings.searchableAttributes ?? []).filter((name) => name !== 'memberOrganisationName');

/** Waits for a task and fails loudly if Meilisearch refused it. */
export async function settle(target: SearchTarget, taskUid: number, wait: { timeout: number; interval: number } = taskWait): Promise<void> {
  const task = await target.client.tasks.waitForTask(taskUid, wait);
  if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${taskUid} ${task.status}: ${task.error?.message ?? 'no detail'}`);
}

/**
 * Creates the index if needed and applies the settings, waiting for both: a search racing the settings
 * task fails with "attribute is not filterable". Idempotent; run before search is served.
 */
export async function ensureSearchIndex(target: SearchTarget, indexUid = target.indexUid): Promise<void> {
  const exists = await target.client
    .index(indexUid)
    .getRawInfo()
    .then(() => true)
    .catch((error: { cause?: { code?: string } }) => {
      if (error.cause?.code === 'index_not_found') return false;
      throw error;
    });
  if (!exists) await settle(target, (await target.client.createIndex(indexUid, { primaryKey: 'id' })).taskUid);
  await settle(target, (await target.client.index(indexUid).updateSettings(indexSettings)).taskUid);
}
