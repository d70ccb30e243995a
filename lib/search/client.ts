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

export async function checkSearchHealth(): Promise<{ ok: boolean }> {
  try {
    const health = await getSearchClient().health();
    return { ok: health.status === 'available' };
  } catch (error) {
    // Logged here, not returned: the health route is public and error text can name paths and ports.
    console.error('Health check failed', error);
    return { ok: false };
  }
}
