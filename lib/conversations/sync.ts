import 'server-only';
import { and, eq } from 'drizzle-orm';
import { threads, type ThreadSubjectType } from '@/db/schema/conversations';
import type { Tx } from '@/lib/case-studies/load';
import { enqueueSearch } from '@/lib/search/outbox';
import { effectiveThreadFacts, threadVisibilityChoices } from './facts';
import { loadSubject } from './load';

/**
 * After a subject's visibility or publication changes (a case study unpublished or narrowed, an event made
 * members-only), its threads' stored facts follow, in the same transaction: a thread is never wider than
 * what it is about. A narrowing the subject can no longer express falls back to the subject's own.
 */
export function syncSubjectThreads(tx: Tx, subjectType: ThreadSubjectType, subjectId: string): void {
  const rows = tx.select().from(threads).where(and(eq(threads.subjectType, subjectType), eq(threads.subjectId, subjectId))).all();
  if (!rows.length) return;
  const subject = loadSubject(tx, subjectType, subjectId);
  for (const row of rows) {
    const choices = threadVisibilityChoices(subject, row.kind);
    const narrowedTo = row.narrowedTo && choices.includes(row.narrowedTo) ? row.narrowedTo : null;
    tx.update(threads).set({ narrowedTo, ...effectiveThreadFacts(subject, narrowedTo) }).where(eq(threads.id, row.id)).run();
  }
  enqueueSearch(tx, 'thread', rows.map((row) => row.id));
}
