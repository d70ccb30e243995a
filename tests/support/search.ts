import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { inject } from 'vitest';
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
