import { checkDatabaseHealth } from '@/lib/health';
import { checkSearchHealth } from '@/lib/search/client';

export const dynamic = 'force-dynamic';

/** Liveness for operators and the test runner: database and search status, nothing about content. */
export async function GET() {
  const [database, search] = [checkDatabaseHealth(), await checkSearchHealth()];
  const ok = database.ok && search.ok;
  return Response.json({ ok, database, search }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
