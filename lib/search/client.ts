import 'server-only';
import { Meilisearch } from 'meilisearch';
import { getEnv } from '@/lib/env';

let client: Meilisearch | undefined;

/** The server's Meilisearch client. The browser never talks to Meilisearch: every search goes through us. */
export function getSearchClient(): Meilisearch {
  if (client) return client;
  const env = getEnv();
  if (!env.MEILI_HOST) throw new Error('MEILI_HOST is not set: start Baraza with `npm start` or set MEILI_HOST and MEILI_MASTER_KEY.');
  client = new Meilisearch({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY });
  return client;
}

export async function checkSearchHealth(): Promise<{ ok: boolean; error?: string }> {
  try {
    const health = await getSearchClient().health();
    return { ok: health.status === 'available' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
