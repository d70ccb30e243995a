import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export function checkDatabaseHealth(): { ok: boolean } {
  try {
    const row = getDb().get<{ ok: number }>(sql`select 1 as ok`);
    return { ok: row?.ok === 1 };
  } catch (error) {
    // Logged here, not returned: the health route is public and error text can name paths and ports.
    console.error('Health check failed', error);
    return { ok: false };
  }
}
