import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export function checkDatabaseHealth(): { ok: boolean; error?: string } {
  try {
    const row = getDb().get<{ ok: number }>(sql`select 1 as ok`);
    return { ok: row?.ok === 1 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
