import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { threads } from '@/db/schema/conversations';
import { can } from '@/lib/policy/rules';
import { notify } from '@/lib/notifications/fanout';
import { loadSubject, loadThread } from './load';
import { questionRecipients } from './mutations';

/**
 * The job behind "an unanswered question reminds the authors after 7 days": once, and only if the
 * question is still open and still readable. Returns whom it reminded.
 */
export function remindUnansweredQuestion(threadId: string): string[] {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(threads).where(eq(threads.id, threadId)).get();
      if (!row || row.kind !== 'question' || row.answeredAt || row.remindedAt || row.subjectType !== 'case_study') return [];
      const { facts } = loadThread(tx, row.id);
      const subject = loadSubject(tx, 'case_study', row.subjectId);
      tx.update(threads).set({ remindedAt: new Date() }).where(eq(threads.id, row.id)).run();
      return notify(tx, { kind: 'question_reminder', recipientIds: questionRecipients(tx, subject.caseStudy!.facts), actorId: null, threadId: row.id, canRead: (viewer) => can(viewer, 'thread.read', facts) });
    },
    { behavior: 'immediate' },
  );
}
