import { checkDatabaseHealth } from '@/lib/health';
import { checkSearchHealth } from '@/lib/search/client';

export const dynamic = 'force-dynamic';

/**
 * Liveness for operators and the test runner: database and search status, and how far the search index
 * lags SQLite (pending outbox rows, the oldest one's age in seconds, rows that failed at least once).
 * Nothing about content.
 */
export async function GET() {
  const [database, search] = [checkDatabaseHealth(), await checkSearchHealth()];
  const ok = database.ok && search.ok;
  return Response.json({ ok, database, search }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
