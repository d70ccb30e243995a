import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { postMentions, posts } from '@/db/schema/conversations';
import { markAnswer, moderatePost, setFollow } from '@/lib/conversations/mutations';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import type { Viewer } from '@/lib/policy/types';
import { addCoAuthorMember } from '../../support/case-studies';
import { insertPublishedCaseStudy, isFollowing, mention, notificationsOf, postBody, replyAs, startTestThread } from '../../support/conversations';
import { testDb } from '../../support/database';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';

let personas: Personas;
let member: Viewer;
let editor: Viewer;
let participant: Viewer;
let outsider: Viewer;
let moderator: Viewer;
let coAuthor: Viewer;
let caseStudyId: string;

beforeAll(async () => {
  personas = await seedPersonas();
  const viewer = (name: keyof Personas['userIds']) => personas.viewers[name] as Viewer;
  member = viewer('organisationMember');
  editor = viewer('organisationEditor');
  participant = viewer('eventParticipant');
  outsider = viewer('otherOrganisationMember');
  moderator = viewer('moderator');
  coAuthor = (await addCoAuthorMember(personas)).viewer;
  caseStudyId = insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [coAuthor.userId, personas.userIds.author], visibility: 'public', title: 'Mobile clinics for fishing communities' });
});

const kindsFor = (userId: string, filter: Parameters<typeof notificationsOf>[1]) => notificationsOf(userId, filter).map((row) => row.kind).sort();
const follow = (viewer: Viewer, threadId: string) => setFollow({ viewer, input: { subjectType: 'thread', subjectId: threadId, follow: 'true' } });
const storedPost = (postId: string) => testDb().select().from(posts).where(eq(posts.id, postId)).get()!;

function nodesOf(node: RichTextJson, type: string): RichTextJson[] {
  return [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((child) => nodesOf(child, type))];
}

describe('replies', () => {
  it("notify the thread's followers, never the one who wrote the reply", () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Safe spaces after dark' });
    follow(outsider, threadId);
    const firstReply = replyAs(participant, threadId);
    expect(kindsFor(member.userId, { postId: firstReply })).toEqual(['reply']);
    expect(kindsFor(outsider.userId, { postId: firstReply })).toEqual(['reply']);
    expect(kindsFor(participant.userId, { threadId })).toEqual([]);
    // Not following: nothing.
    expect(kindsFor(editor.userId, { threadId })).toEqual([]);

    // Replying follows the thread; the starter's own reply does not come back to them.
    const secondReply = replyAs(member, threadId);
    expect(kindsFor(participant.userId, { postId: secondReply })).toEqual(['reply']);
    expect(kindsFor(member.userId, { postId: secondReply })).toEqual([]);
  });
});

describe('mentions', () => {
  it('notify the mentioned member once, as a mention and not also as a reply', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'Working with the media' });
    follow(outsider, threadId);
    const postId = replyAs(participant, threadId, postBody('What do ', mention(outsider.userId), ' and ', mention(editor.userId), ' think? Again, ', mention(outsider.userId), '?'));
    expect(kindsFor(outsider.userId, { postId })).toEqual(['mention']);
    expect(kindsFor(editor.userId, { postId })).toEqual(['mention']);
    expect(kindsFor(member.userId, { postId })).toEqual(['reply']);
  });

  it("are relabelled with the member's real pseudonym, so a label cannot pass for someone else", () => {
    const { postId } = startTestThread(participant, { subjectType: 'network', title: 'Ask the admins', body: postBody('Hello ', mention(member.userId, 'Network Admin')) });
    const body = storedPost(postId).body as RichTextJson;
    expect(nodesOf(body, 'mention').map((node) => node.attrs)).toEqual([{ id: member.userId, label: member.displayName }]);
    expect(storedPost(postId).plainText).toContain(`@${member.displayName}`);
    expect(storedPost(postId).plainText).not.toContain('Network Admin');
  });

  it('of an unknown member become plain text: no mention, no notification', () => {
    const { threadId, postId } = startTestThread(participant, { subjectType: 'network', title: 'Ghost mention', body: postBody('Hello ', mention('nosuchmember2345', 'ghost')) });
    const body = storedPost(postId).body as RichTextJson;
    expect(nodesOf(body, 'mention')).toEqual([]);
    expect(storedPost(postId).plainText).toBe('Hello @ghost');
    expect(testDb().select().from(postMentions).where(eq(postMentions.postId, postId)).all()).toEqual([]);
    expect(testDb().select().from(postMentions).where(eq(postMentions.userId, 'nosuchmember2345')).all()).toEqual([]);
    expect(kindsFor(participant.userId, { threadId })).toEqual([]);
  });
});

describe('questions', () => {
  it("notify the case study's co-authors and its organisation's editors, who then follow the question", () => {
    const { threadId, postId } = startTestThread(participant, { subjectType: 'case_study', subjectId: caseStudyId, kind: 'question', title: 'How did you fund the boat?' });
    for (const recipient of [coAuthor, editor]) {
      expect(kindsFor(recipient.userId, { postId })).toEqual(['question']);
      expect(isFollowing(recipient.userId, threadId)).toBe(true);
    }
    // Neither the asker nor a plain member of the organisation.
    expect(kindsFor(participant.userId, { threadId })).toEqual([]);
    expect(kindsFor(member.userId, { threadId })).toEqual([]);
    expect(isFollowing(member.userId, threadId)).toBe(false);

    // Following, they hear of what comes next.
    const followUp = replyAs(participant, threadId, postBody('And who steers it?'));
    expect(kindsFor(coAuthor.userId, { postId: followUp })).toEqual(['reply']);
    expect(kindsFor(editor.userId, { postId: followUp })).toEqual(['reply']);
  });

  it('a marked answer notifies the asker', () => {
    const { threadId } = startTestThread(participant, { subjectType: 'case_study', subjectId: caseStudyId, kind: 'question', title: 'Which permits did you need?' });
    const answerId = replyAs(coAuthor, threadId, postBody('A landing permit from the county.'));
    markAnswer({ viewer: editor, input: { threadId, postId: answerId } });
    expect(kindsFor(participant.userId, { postId: answerId })).toEqual(['answer', 'reply']);
    expect(kindsFor(coAuthor.userId, { postId: answerId })).toEqual([]);
  });
});

describe('moderation', () => {
  it('hiding and restoring a post notify its author, not the moderator', () => {
    const { threadId } = startTestThread(member, { subjectType: 'network', title: 'A heated one' });
    const postId = replyAs(outsider, threadId, postBody('Something out of line.'));
    moderatePost({ viewer: moderator, input: { postId, action: 'hide', reason: 'Please keep it respectful.' } });
    expect(kindsFor(outsider.userId, { postId })).toEqual(['moderation']);
    moderatePost({ viewer: moderator, input: { postId, action: 'restore' } });
    expect(kindsFor(outsider.userId, { postId })).toEqual(['moderation', 'moderation']);
    expect(kindsFor(moderator.userId, { threadId })).toEqual([]);
  });
});

describe('new threads', () => {
  it("notify the event's followers who may read them", () => {
    setFollow({ viewer: participant, input: { subjectType: 'event', subjectId: personas.eventId, follow: 'true' } });
    setFollow({ viewer: outsider, input: { subjectType: 'event', subjectId: personas.eventId, follow: 'true' } });
    const facilitator = personas.viewers.eventFacilitator as Viewer;
    const open = startTestThread(facilitator, { subjectType: 'event', subjectId: personas.eventId, title: 'Travel to the venue' });
    expect(kindsFor(participant.userId, { threadId: open.threadId })).toEqual(['new_thread']);
    expect(kindsFor(outsider.userId, { threadId: open.threadId })).toEqual(['new_thread']);
    const narrowed = startTestThread(facilitator, { subjectType: 'event', subjectId: personas.eventId, visibility: 'event', title: 'Rooms for participants' });
    expect(kindsFor(participant.userId, { threadId: narrowed.threadId })).toEqual(['new_thread']);
    expect(kindsFor(outsider.userId, { threadId: narrowed.threadId })).toEqual([]);
  });
});

describe('disabled members', () => {
  it('get nothing: not as followers, not as mentions', async () => {
    const leavingId = await createTestUser({ username: 'leaving-member', displayName: 'Leaving' });
    const leaving = viewerOf(leavingId);
    const { threadId } = startTestThread(leaving, { subjectType: 'network', title: 'Started before leaving' });
    testDb().update(users).set({ isDisabled: true }).where(eq(users.id, leavingId)).run();

    const postId = replyAs(member, threadId, postBody('Thank you ', mention(leavingId, 'Leaving'), '!'));
    expect(notificationsOf(leavingId)).toEqual([]);
    // A disabled member cannot be mentioned at all: the mention is plain text.
    expect(nodesOf(storedPost(postId).body as RichTextJson, 'mention')).toEqual([]);
    expect(testDb().select().from(postMentions).where(eq(postMentions.postId, postId)).all()).toEqual([]);
  });
});
