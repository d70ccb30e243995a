import 'server-only';
import type { Db } from '@/db/client';
import { auditEntries } from '@/db/schema/system';

type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Records an admin or moderator action inside the caller's transaction: it commits or rolls back with it. */
export function recordAudit(
  tx: Transaction | Db,
  entry: { actorId: string; action: string; targetType: string; targetId: string; detail?: string },
): void {
  tx.insert(auditEntries).values({ ...entry, detail: entry.detail ?? '' }).run();
}
