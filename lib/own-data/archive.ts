import 'server-only';
import fs from 'node:fs';
import { eq, inArray, or } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema/accounts';
import { attachments, caseStudies, caseStudyAuthors, caseStudySections, reviewComments } from '@/db/schema/case-studies';
import { postRevisions, posts, postReactions, reports, threads } from '@/db/schema/conversations';
import { connectionOutcomeEntries, connections, userPopulations, userTopics } from '@/db/schema/directory';
import { eventParticipants, events } from '@/db/schema/events';
import { followUpResponses, followUps } from '@/db/schema/follow-ups';
import { organisations } from '@/db/schema/organisations';
import { appliedStories } from '@/db/schema/stories';
import { themeEvidence, themes } from '@/db/schema/synthesis';
import { storagePath } from '@/lib/case-studies/attachments';
import type { Viewer } from '@/lib/policy/types';

/**
 * Everything a member wrote and everything the platform holds about them, as one zip: JSON files a member
 * (or the tool of a new platform) can read, the files they uploaded, and a README in their language.
 * Other people's words are left out, except the titles that say what a post answered; contact details
 * others shared with them are theirs to ask for, not ours to export.
 */
export function buildOwnDataArchive(viewer: Viewer, readme: string, now = new Date()): { fileName: string; bytes: Uint8Array } {
  const db = getDb();
  const me = viewer.userId;
  const files: Zippable = {};
  const json = (name: string, value: unknown) => {
    files[name] = strToU8(`${JSON.stringify(value, null, 2)}\n`);
  };

  // One snapshot: the archive never mixes two moments of a member's data.
  db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, me)).get();
    if (!user) throw new Error('own data: the viewer has no account row');
    const { passwordHash: _secret, sessionVersion: _session, ...profile } = user;
    json('profile.json', {
      ...profile,
      organisations: tx.select({ name: organisations.name, role: memberships.role, since: memberships.createdAt }).from(memberships).innerJoin(organisations, eq(organisations.id, memberships.organisationId)).where(eq(memberships.userId, me)).all(),
      events: tx.select({ slug: events.slug, title: events.titleEn, role: eventParticipants.role }).from(eventParticipants).innerJoin(events, eq(events.id, eventParticipants.eventId)).where(eq(eventParticipants.userId, me)).all(),
      directory: {
        populations: tx.select({ key: userPopulations.populationKey }).from(userPopulations).where(eq(userPopulations.userId, me)).all().map((row) => row.key),
        topics: tx.select({ key: userTopics.topicKey }).from(userTopics).where(eq(userTopics.userId, me)).all().map((row) => row.key),
      },
    });

    const caseStudyIds = tx.select({ id: caseStudyAuthors.caseStudyId }).from(caseStudyAuthors).where(eq(caseStudyAuthors.userId, me)).all().map((row) => row.id);
    const sections = caseStudyIds.length ? tx.select().from(caseStudySections).where(inArray(caseStudySections.caseStudyId, caseStudyIds)).all() : [];
    json(
      'case-studies.json',
      (caseStudyIds.length ? tx.select().from(caseStudies).where(inArray(caseStudies.id, caseStudyIds)).all() : []).map((caseStudy) => ({
        ...caseStudy,
        sections: sections.filter((section) => section.caseStudyId === caseStudy.id).map(({ key, content, plainText, updatedAt }) => ({ key, text: plainText, content, updatedAt })),
      })),
    );
    json('review-comments.json', tx.select().from(reviewComments).where(eq(reviewComments.authorId, me)).all());

    const myPosts = tx
      .select({ id: posts.id, threadId: posts.threadId, threadTitle: threads.title, body: posts.body, text: posts.plainText, createdAt: posts.createdAt, editedAt: posts.editedAt, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .where(eq(posts.authorId, me))
      .all();
    const revisions = myPosts.length ? tx.select().from(postRevisions).where(inArray(postRevisions.postId, myPosts.map((post) => post.id))).all() : [];
    json('posts.json', myPosts.map((post) => ({ ...post, earlierVersions: revisions.filter((revision) => revision.postId === post.id).map(({ version, plainText, createdAt }) => ({ version, text: plainText, createdAt })) })));
    json('threads-started.json', tx.select({ id: threads.id, title: threads.title, kind: threads.kind, visibility: threads.visibility, createdAt: threads.createdAt }).from(threads).where(eq(threads.authorId, me)).all());
    json('reactions.json', tx.select({ postId: postReactions.postId, kind: postReactions.kind, createdAt: postReactions.createdAt }).from(postReactions).where(eq(postReactions.userId, me)).all());
    json('reports.json', tx.select({ postId: reports.postId, reason: reports.reason, note: reports.note, createdAt: reports.createdAt }).from(reports).where(eq(reports.reporterId, me)).all());

    json('stories.json', tx.select().from(appliedStories).where(eq(appliedStories.authorId, me)).all());
    json(
      'follow-up-answers.json',
      tx.select({ event: events.slug, opensOn: followUps.opensOn, answers: followUpResponses.answers, submittedAt: followUpResponses.submittedAt }).from(followUpResponses).innerJoin(followUps, eq(followUps.id, followUpResponses.followUpId)).innerJoin(events, eq(events.id, followUps.eventId)).where(eq(followUpResponses.userId, me)).all(),
    );
    const myConnections = tx.select().from(connections).where(or(eq(connections.requesterId, me), eq(connections.recipientId, me))).all();
    const otherIds = myConnections.map((connection) => (connection.requesterId === me ? connection.recipientId : connection.requesterId));
    const names = new Map((otherIds.length ? tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, otherIds)).all() : []).map((row) => [row.id, row.displayName]));
    json(
      'connections.json',
      myConnections.map((connection) => ({
        with: names.get(connection.requesterId === me ? connection.recipientId : connection.requesterId) ?? null,
        requestedByMe: connection.requesterId === me,
        reasons: connection.reasons,
        // The request's message is the requester's words.
        message: connection.requesterId === me ? connection.message : null,
        status: connection.status,
        createdAt: connection.createdAt,
        respondedAt: connection.respondedAt,
      })),
    );
    json('connection-outcomes.json', tx.select({ outcome: connectionOutcomeEntries.outcome, note: connectionOutcomeEntries.note, createdAt: connectionOutcomeEntries.createdAt }).from(connectionOutcomeEntries).where(eq(connectionOutcomeEntries.userId, me)).all());
    json('themes-created.json', tx.select({ id: themes.id, titleEn: themes.titleEn, titleFr: themes.titleFr, kind: themes.kind, createdAt: themes.createdAt }).from(themes).where(eq(themes.createdBy, me)).all());
    json('evidence-tagged.json', tx.select({ themeId: themeEvidence.themeId, targetType: themeEvidence.targetType, note: themeEvidence.note, taggedAt: themeEvidence.taggedAt }).from(themeEvidence).where(eq(themeEvidence.taggedBy, me)).all());

    // The files they uploaded, under their own names (prefixed, so two "report.pdf" do not collide).
    const uploads = tx.select().from(attachments).where(eq(attachments.uploadedBy, me)).all();
    json('attachments.json', uploads.map(({ id, caseStudyId, fileName, mimeType, byteSize, createdAt }) => ({ id, caseStudyId, fileName, mimeType, byteSize, createdAt, file: `attachments/${id}-${fileName}` })));
    for (const upload of uploads) {
      const file = storagePath(upload.storageName);
      if (fs.existsSync(file)) files[`attachments/${upload.id}-${upload.fileName}`] = [new Uint8Array(fs.readFileSync(file)), { level: 0 }];
    }
    files['README.txt'] = strToU8(readme);
    return user.username;
  });

  const bytes = zipSync(files, { level: 6, mtime: now });
  return { fileName: `baraza-my-data-${now.toISOString().slice(0, 10)}.zip`, bytes };
}
