import 'server-only';
import { and, eq, inArray, ne, notExists, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { attachments, caseStudies, caseStudyAuthors } from '@/db/schema/case-studies';
import { postMentions, postReactions, postRevisions, posts, threads } from '@/db/schema/conversations';
import { notifications } from '@/db/schema/notifications';
import { appliedStories } from '@/db/schema/stories';
import { recordAudit } from '@/lib/audit';
import { verifyPassword } from '@/lib/auth/passwords';
import { removeStoredFile } from '@/lib/case-studies/attachments';
import { AppError } from '@/lib/errors';
import type { Viewer } from '@/lib/policy/types';
import { clearAttempts, limits, takeAttempt } from '@/lib/rate-limit';
import { enqueueSearch } from '@/lib/search/outbox';
import { DeleteAccountInput } from './schemas';

const emptyDocument = { type: 'doc', content: [{ type: 'paragraph' }] };

export type DeletionSummary = { postsDeleted: number; threadsDeleted: number; storiesDeleted: number; draftsDeleted: number; filesRemoved: number };

/**
 * Deletes the viewer's account in one transaction. The account row goes, and with it (the schema's cascades)
 * memberships, event roles, follows, reactions, notifications, emails, connections, directory profile and
 * survey answers; every session dies with the row. What they wrote either stays, signed "former member"
 * (references to them become null), or is deleted too: posts lose their text as a deleted post does, threads
 * nobody else wrote in and their stories go, and drafts they alone wrote go with their files. Case studies
 * others can read belong to their organisation and stay (without their name). Notifications others received
 * about what they did go in both cases. Search documents are refreshed through the outbox in the same
 * transaction; attachment files are removed once it has committed.
 */
export async function deleteOwnAccount({ viewer, input }: { viewer: Viewer; input: unknown }): Promise<DeletionSummary> {
  const data = DeleteAccountInput.parse(input);
  const me = viewer.userId;
  // The password again: someone holding an unlocked phone must not erase a member's work, nor guess without limit.
  if (!takeAttempt(limits.signInPerAccount, me)) throw new AppError('rate_limited');
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me)).get();
  if (!row || !(await verifyPassword(row.passwordHash, data.password))) throw new AppError('wrong_password');
  clearAttempts(limits.signInPerAccount, me);

  const summary: DeletionSummary = { postsDeleted: 0, threadsDeleted: 0, storiesDeleted: 0, draftsDeleted: 0, filesRemoved: 0 };
  const storageNames = getDb().transaction(
    (tx) => {
      if (viewer.siteRole === 'admin') {
        const admins = tx.select({ count: sql<number>`count(*)` }).from(users).where(and(eq(users.siteRole, 'admin'), eq(users.isDisabled, false))).get()!.count;
        if (admins <= 1) throw new AppError('conflict', 'ownData.errors.lastAdmin');
      }
      const myThreadIds = tx.selectDistinct({ id: posts.threadId }).from(posts).where(eq(posts.authorId, me)).all().map((entry) => entry.id);
      const startedIds = tx.select({ id: threads.id }).from(threads).where(eq(threads.authorId, me)).all().map((entry) => entry.id);
      const touchedThreadIds = [...new Set([...myThreadIds, ...startedIds])];
      const caseStudyIds = tx.select({ id: caseStudyAuthors.caseStudyId }).from(caseStudyAuthors).where(eq(caseStudyAuthors.userId, me)).all().map((entry) => entry.id);
      const files: string[] = [];

      if (data.contributions === 'delete') {
        // Threads only they wrote in go whole; in the others their posts keep their place, without text.
        const othersPost = tx.select({ id: posts.id }).from(posts).where(and(eq(posts.threadId, threads.id), or(ne(posts.authorId, me), sql`${posts.authorId} is null`)));
        const soleThreadIds = touchedThreadIds.length
          ? tx.select({ id: threads.id }).from(threads).where(and(inArray(threads.id, touchedThreadIds), notExists(othersPost))).all().map((entry) => entry.id)
          : [];
        const myPostIds = tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, me)).all().map((entry) => entry.id);
        if (myPostIds.length) {
          tx.delete(postRevisions).where(inArray(postRevisions.postId, myPostIds)).run();
          tx.delete(postMentions).where(inArray(postMentions.postId, myPostIds)).run();
          tx.delete(postReactions).where(inArray(postReactions.postId, myPostIds)).run();
          tx.update(posts).set({ deletedAt: new Date(), body: emptyDocument, plainText: '' }).where(and(eq(posts.authorId, me), sql`${posts.deletedAt} is null`)).run();
          // A deleted answer reopens its question, as when a post is deleted by hand.
          tx.update(threads).set({ answerPostId: null, answeredAt: null }).where(inArray(threads.answerPostId, myPostIds)).run();
          summary.postsDeleted = myPostIds.length;
        }
        if (soleThreadIds.length) {
          tx.delete(notifications).where(inArray(notifications.threadId, soleThreadIds)).run();
          tx.delete(threads).where(inArray(threads.id, soleThreadIds)).run();
          summary.threadsDeleted = soleThreadIds.length;
        }
        summary.storiesDeleted = tx.delete(appliedStories).where(eq(appliedStories.authorId, me)).run().changes;
        // Drafts they alone wrote, never submitted or published: nobody else's work, nobody else's to keep.
        const soleDraftIds = caseStudyIds.length
          ? tx
              .select({ id: caseStudies.id })
              .from(caseStudies)
              .where(
                and(
                  inArray(caseStudies.id, caseStudyIds),
                  eq(caseStudies.status, 'draft'),
                  sql`${caseStudies.publishedAt} is null`,
                  notExists(tx.select({ id: caseStudyAuthors.userId }).from(caseStudyAuthors).where(and(eq(caseStudyAuthors.caseStudyId, caseStudies.id), ne(caseStudyAuthors.userId, me)))),
                ),
              )
              .all()
              .map((entry) => entry.id)
          : [];
        if (soleDraftIds.length) {
          files.push(...tx.select({ storageName: attachments.storageName }).from(attachments).where(inArray(attachments.caseStudyId, soleDraftIds)).all().map((entry) => entry.storageName));
          tx.delete(caseStudies).where(inArray(caseStudies.id, soleDraftIds)).run();
          summary.draftsDeleted = soleDraftIds.length;
        }
      }

      // What others were told about what they did goes in either case.
      tx.delete(notifications).where(eq(notifications.actorId, me)).run();
      recordAudit(tx, { actorId: me, action: 'account.delete', targetType: 'user', targetId: me, detail: data.contributions });
      tx.delete(users).where(eq(users.id, me)).run();
      // Threads and case studies carried their name (or are gone): the index is told in this same transaction.
      enqueueSearch(tx, 'thread', touchedThreadIds);
      enqueueSearch(tx, 'case_study', caseStudyIds);
      return files;
    },
    { behavior: 'immediate' },
  );
  for (const storageName of storageNames) await removeStoredFile(storageName);
  summary.filesRemoved = storageNames.length;
  return summary;
}
