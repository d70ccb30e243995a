import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postMentions, postReactions, postRevisions, posts, reports, threads } from '@/db/schema/conversations';
import { deletePost, dismissReport, editPost, moderatePost, replyToThread, reportPost, setThreadLock, startThread, toggleReaction } from '@/lib/conversations/mutations';
import { getThreadPage, listModerationQueue } from '@/lib/conversations/queries';
import { AppError } from '@/lib/errors';
import { clearAttempts, limits } from '@/lib/rate-limit';
import { emptyDocument } from '@/lib/rich-text/plain-text';
import type { Viewer } from '@/lib/policy/types';
import { addCoAuthorMember } from '../../support/case-studies';
import { insertPublishedCaseStudy, mention, notificationsOf, postBody, replyAs, startTestThread } from '../../support/conversations';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';

let personas: Personas;
let member: Viewer;
let editor: Viewer;
let participant: Viewer;
let outsider: Viewer;
let moderator: Viewer;

beforeAll(async () => {
  personas = await seedPersonas();
  const viewer = (name: keyof Personas['userIds']) => personas.viewers[name] as Viewer;
  member = viewer('organisationMember');
  editor = viewer('organisationEditor');
  participant = viewer('eventParticipant');
  outsider = viewer('otherOrganisationMember');
  moderator = viewer('moderator');
});

const storedPost = (postId: string) => testDb().select().from(posts).where(eq(posts.id, postId)).get()!;
const rowsFor = <T extends typeof postRevisions | typeof postMentions | typeof postReactions>(table: T, postId: string) => testDb().select().from(table).where(eq(table.postId, postId)).all();
const postView = (viewer: Viewer | null, threadId: string, postId: string) => getThreadPage(viewer, threadId, 'en').posts.find((post) => post.id === postId)!;

describe('deleting a post', () => {
  it('clears its text, earlier versions, mentions and reactions, and keeps the row so the thread still reads in order', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Clinic hours' });
    const postId = replyAs(participant, threadId, postBody('Ask ', mention(editor.userId), ' about the night clinic.'));
    editPost({ viewer: participant, input: { postId, body: postBody('Ask ', mention(editor.userId), ' about the evening clinic.'), baseVersion: 1 } });
    toggleReaction({ viewer: member, input: { postId, kind: 'thanks' } });
    toggleReaction({ viewer: outsider, input: { postId, kind: 'helped' } });
    expect(rowsFor(postRevisions, postId)).toHaveLength(1);
    expect(rowsFor(postMentions, postId)).toHaveLength(1);
    expect(rowsFor(postReactions, postId)).toHaveLength(2);

    // Only its author deletes it.
    expectAppError(thrownBy(() => deletePost({ viewer: member, input: { postId } })), 'forbidden');
    deletePost({ viewer: participant, input: { postId } });

    const row = storedPost(postId);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.plainText).toBe('');
    expect(row.body).toEqual(emptyDocument);
    expect(JSON.stringify(row)).not.toContain('clinic');
    expect(rowsFor(postRevisions, postId)).toEqual([]);
    expect(rowsFor(postMentions, postId)).toEqual([]);
    expect(rowsFor(postReactions, postId)).toEqual([]);
    // Still in the thread, as "deleted", with no text for anyone (moderators included).
    expect(getThreadPage(member, threadId, 'en').posts.map((post) => post.id)).toContain(postId);
    for (const viewer of [member, participant, moderator]) expect(postView(viewer, threadId, postId)).toMatchObject({ state: 'deleted', html: null, body: null });
  });
});

describe('editing a post', () => {
  it('keeps the earlier text as a revision and refuses an edit made from a stale version', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Peer educators' });
    const postId = replyAs(participant, threadId, postBody('We trained twelve peer educators.'));
    expect(editPost({ viewer: participant, input: { postId, body: postBody('We trained fifteen peer educators.'), baseVersion: 1 } })).toEqual({ version: 2 });

    expect(rowsFor(postRevisions, postId)).toMatchObject([{ version: 1, plainText: 'We trained twelve peer educators.' }]);
    expect(storedPost(postId)).toMatchObject({ version: 2, plainText: 'We trained fifteen peer educators.' });
    expect(storedPost(postId).editedAt).toBeInstanceOf(Date);

    // A second tab still on version 1: refused, nothing overwritten.
    expectAppError(thrownBy(() => editPost({ viewer: participant, input: { postId, body: postBody('We trained ten.'), baseVersion: 1 } })), 'conflict');
    expect(storedPost(postId)).toMatchObject({ version: 2, plainText: 'We trained fifteen peer educators.' });
    expect(rowsFor(postRevisions, postId)).toHaveLength(1);
  });

  it("is for the post's author only", () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Edits by others' });
    const postId = replyAs(participant, threadId);
    for (const viewer of [member, moderator, personas.viewers.admin as Viewer]) {
      expectAppError(thrownBy(() => editPost({ viewer, input: { postId, body: postBody('Rewritten by someone else.'), baseVersion: 1 } })), 'forbidden');
    }
    expectAppError(thrownBy(() => editPost({ viewer: null, input: { postId, body: postBody('Anonymous.'), baseVersion: 1 } })), 'unauthenticated');
  });

  it('tells members newly mentioned in the edit, not those mentioned before', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Mentions in edits' });
    const postId = replyAs(participant, threadId, postBody('Hello ', mention(editor.userId)));
    editPost({ viewer: participant, input: { postId, body: postBody('Hello ', mention(editor.userId), ' and ', mention(outsider.userId)), baseVersion: 1 } });
    expect(notificationsOf(editor.userId, { postId }).map((row) => row.kind)).toEqual(['mention']);
    expect(notificationsOf(outsider.userId, { postId }).map((row) => row.kind)).toEqual(['mention']);
  });
});

describe('reports', () => {
  it('never hide a post by themselves, however many there are', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'A contested claim' });
    const postId = replyAs(participant, threadId, postBody('An unpopular but fair opinion.'));
    for (const reporter of [member, editor, outsider]) reportPost({ viewer: reporter, input: { postId, reason: 'misinformation', note: 'I disagree' } });
    // Reporting again changes the member's open report rather than adding one.
    reportPost({ viewer: outsider, input: { postId, reason: 'spam', note: '' } });

    expect(storedPost(postId).hiddenAt).toBeNull();
    expect(testDb().select().from(reports).where(eq(reports.postId, postId)).all()).toHaveLength(3);
    expect(postView(personas.viewers.otherEventFacilitator as Viewer, threadId, postId)).toMatchObject({ state: 'visible' });
    expect(postView(personas.viewers.otherEventFacilitator as Viewer, threadId, postId).html).toContain('An unpopular but fair opinion.');
    const queued = listModerationQueue(moderator).items.find((item) => item.postId === postId)!;
    expect(queued.reports.map((report) => report.reason).sort()).toEqual(['misinformation', 'misinformation', 'spam']);
  });

  it('cannot be made on one’s own post, nor by anonymous visitors', () => {
    const { postId } = startTestThread(member, { subjectType: 'network', visibility: 'public', title: 'Open to all' });
    expectAppError(thrownBy(() => reportPost({ viewer: member, input: { postId, reason: 'other' } })), 'forbidden');
    expectAppError(thrownBy(() => reportPost({ viewer: null, input: { postId, reason: 'other' } })), 'unauthenticated');
  });
});

describe('the moderation queue', () => {
  it('lists reported posts a moderator may read, and counts the reports on those they may not', async () => {
    const organisationOnly = insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [editor.userId], visibility: 'organisation', title: 'Internal incident log' });
    const hiddenFromModerators = startTestThread(member, { subjectType: 'case_study', subjectId: organisationOnly, title: 'About last week' });
    const unreadablePost = replyAs(editor, hiddenFromModerators.threadId, postBody('Names and places of last week.'));
    reportPost({ viewer: member, input: { postId: unreadablePost, reason: 'exposes_someone', note: 'Names a member' } });
    const secondInsider = (await addCoAuthorMember(personas, 'second-insider')).viewer;
    reportPost({ viewer: secondInsider, input: { postId: unreadablePost, reason: 'exposes_someone', note: '' } });

    const before = listModerationQueue(moderator);
    expect(before.items.map((item) => item.postId)).not.toContain(unreadablePost);
    expect(JSON.stringify(before)).not.toContain('Names and places');
    // Two reports on one post: the line on the page says how many reports wait for another moderator.
    expect(before.unreadable).toBe(2);
  });

  it('shows each report and resolves them: dismissing one keeps the others, hiding resolves them all', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Queue actions' });
    const postId = replyAs(participant, threadId, postBody('Rude words.'));
    reportPost({ viewer: member, input: { postId, reason: 'harassment', note: 'Aimed at me' } });
    reportPost({ viewer: outsider, input: { postId, reason: 'hate', note: '' } });

    const item = listModerationQueue(moderator).items.find((candidate) => candidate.postId === postId)!;
    expect(item).toMatchObject({ threadId, threadTitle: 'Queue actions', authorName: participant.displayName, isHidden: false });
    expect(item.html).toContain('Rude words.');
    expect(item.reports).toMatchObject([
      { reason: 'harassment', note: 'Aimed at me', reporterName: member.displayName },
      { reason: 'hate', note: '', reporterName: outsider.displayName },
    ]);

    // Members may not act on reports, even those they can read.
    expectAppError(thrownBy(() => dismissReport({ viewer: member, input: { reportId: item.reports[0]!.id } })), 'forbidden');
    dismissReport({ viewer: moderator, input: { reportId: item.reports[0]!.id } });
    expect(listModerationQueue(moderator).items.find((candidate) => candidate.postId === postId)!.reports.map((report) => report.reason)).toEqual(['hate']);

    moderatePost({ viewer: moderator, input: { postId, action: 'hide', reason: 'Personal attack' } });
    expect(storedPost(postId)).toMatchObject({ hiddenBy: moderator.userId, hiddenReason: 'Personal attack' });
    expect(listModerationQueue(moderator).items.map((candidate) => candidate.postId)).not.toContain(postId);
    // Hidden: its author and moderators still read it, others see that it was hidden.
    expect(postView(participant, threadId, postId)).toMatchObject({ state: 'hidden' });
    expect(postView(participant, threadId, postId).html).toContain('Rude words.');
    expect(postView(moderator, threadId, postId).html).toContain('Rude words.');
    expect(postView(member, threadId, postId)).toMatchObject({ state: 'hidden', html: null });
  });

  it('rejects a viewer without rights', () => {
    expectAppError(thrownBy(() => listModerationQueue(null)), 'unauthenticated');
    for (const viewer of [member, editor, personas.viewers.eventFacilitator as Viewer]) expectAppError(thrownBy(() => listModerationQueue(viewer)), 'forbidden');
    expect(() => listModerationQueue(personas.viewers.admin)).not.toThrow();
  });
});

describe('locked threads', () => {
  it('take no replies and no edits until a moderator unlocks them', () => {
    const { threadId, postId } = startTestThread(member, { subjectType: 'network', title: 'Going in circles' });
    expectAppError(thrownBy(() => setThreadLock({ viewer: member, input: { threadId, locked: 'true' } })), 'forbidden');
    setThreadLock({ viewer: moderator, input: { threadId, locked: 'true' } });
    expectAppError(thrownBy(() => replyAs(participant, threadId)), 'forbidden');
    expectAppError(thrownBy(() => editPost({ viewer: member, input: { postId, body: postBody('Edited while locked.'), baseVersion: 1 } })), 'forbidden');
    setThreadLock({ viewer: moderator, input: { threadId, locked: 'false' } });
    expect(replyAs(participant, threadId)).toBeTypeOf('string');
  });
});

describe('posting', () => {
  it('is rate-limited: the 13th post in 10 minutes is refused with a clear message', async () => {
    const busy = viewerOf(await createTestUser({ username: 'busy-poster', displayName: 'Busy' }));
    clearAttempts(limits.postsPerMember, busy.userId);
    // Posted directly, not through the helpers (which give the slots back).
    const { threadId } = startThread({ viewer: busy, input: { subjectType: 'network', title: 'Many small posts', body: postBody('One.') } });
    for (let index = 2; index <= 12; index += 1) replyToThread({ viewer: busy, input: { threadId, body: postBody(`Post ${index}.`) } });

    const error = thrownBy(() => replyToThread({ viewer: busy, input: { threadId, body: postBody('Thirteen.') } }));
    expectAppError(error, 'rate_limited');
    expect((error as AppError).message).toBe('errors.posting_too_fast');
    expect(testDb().select().from(threads).where(eq(threads.id, threadId)).get()!.postCount).toBe(12);
    // Other members are not slowed by it.
    expect(replyAs(participant, threadId)).toBeTypeOf('string');
  });
});
