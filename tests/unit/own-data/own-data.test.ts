import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { attachments, caseStudies } from '@/db/schema/case-studies';
import { posts, threads } from '@/db/schema/conversations';
import { notifications } from '@/db/schema/notifications';
import { searchOutbox } from '@/db/schema/search';
import { appliedStories } from '@/db/schema/stories';
import { addMembership, insertCaseStudy, insertUser, richText } from '@/db/seed/factories';
import { findViewer } from '@/lib/accounts/queries';
import { addAttachment } from '@/lib/case-studies/attachments';
import { buildOwnDataArchive } from '@/lib/own-data/archive';
import { deleteOwnAccount } from '@/lib/own-data/deletion';
import { recordStory } from '@/lib/stories/mutations';
import type { Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, rejectionOf } from '../../support/errors';
import { mention, postBody, replyAs, startTestThread } from '../../support/conversations';
import { seedPersonas, testPassword, testPasswordHash, viewerOf, type Personas } from '../../support/personas';

// A member's own data: the archive holds what they wrote and nothing of others'; deleting the account
// reaches the database, the search outbox, notifications and attachment files in one step.

const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-own-data-'));
process.env.DATA_DIR = dataDirectory;

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});
afterAll(() => {
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

let memberCount = 0;
/** A fresh member of O1 (editor, so they can draft case studies and attach files). */
async function newMember(): Promise<Viewer> {
  memberCount += 1;
  const userId = insertUser(testDb(), { username: `leaver-${memberCount}`, displayName: `Leaver ${memberCount}`, email: `leaver-${memberCount}@example.org`, passwordHash: await testPasswordHash() });
  addMembership(testDb(), userId, personas.organisationId, 'editor');
  return viewerOf(userId);
}

/** What a member leaves behind: a thread only they wrote in, a reply in someone else's, a story and a sole draft with a file. */
async function writeThings(member: Viewer, tag: string) {
  const other = viewerOf(personas.userIds.organisationMember);
  const own = startTestThread(member, { subjectType: 'network', title: `Only mine ${tag}`, body: postBody(`my opening ${tag}`) });
  const shared = startTestThread(other, { subjectType: 'network', title: `Shared thread ${tag}`, body: postBody(`others opening ${tag}`) });
  const replyId = replyAs(member, shared.threadId, postBody(`my reply ${tag} `, mention(personas.userIds.organisationMember)));
  replyAs(other, shared.threadId, postBody(`others answer ${tag}`));
  const draftId = insertCaseStudy(testDb(), { organisationId: personas.organisationId, title: `My draft ${tag}`, language: 'en', sections: { problem: richText([`draft problem ${tag}`]) }, authorIds: [member.userId], status: 'draft', visibility: 'members' });
  const { id: attachmentId } = await addAttachment({ viewer: member, caseStudyId: draftId, file: { name: `notes-${tag}.pdf`, bytes: new TextEncoder().encode(`%PDF-1.4\n% file ${tag}\n%%EOF\n`) } });
  const publishedId = insertCaseStudy(testDb(), { organisationId: personas.organisationId, title: `Published ${tag}`, language: 'en', sections: {}, authorIds: [member.userId], status: 'published', visibility: 'members' });
  const { id: storyId } = recordStory({
    viewer: member,
    input: { title: `My story ${tag}`, body: `What I applied ${tag} after the event.`, applicationWays: ['adopted_good_practice'], caseStudyIds: [publishedId], themeIds: [], organisationId: personas.organisationId, countryCode: '', visibility: 'members' },
  });
  const storageName = testDb().select({ storageName: attachments.storageName }).from(attachments).where(eq(attachments.id, attachmentId)).get()!.storageName;
  return { own, shared, replyId, draftId, publishedId, storyId, filePath: path.join(dataDirectory, 'uploads', storageName) };
}

const rowOf = (userId: string) => testDb().select().from(users).where(eq(users.id, userId)).get();
const outboxHas = (type: string, id: string) => testDb().select().from(searchOutbox).all().some((row) => row.entityType === type && row.entityId === id);

describe('the own-data archive', () => {
  it('holds the profile, what the member wrote and their files, without their password or other people’s words', async () => {
    const member = await newMember();
    const written = await writeThings(member, 'archive');
    const { fileName, bytes } = buildOwnDataArchive(member, 'README text');
    expect(fileName).toMatch(/^baraza-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(bytes);
    const text = (name: string) => strFromU8(files[name]!);

    const profile = JSON.parse(text('profile.json')) as Record<string, unknown>;
    expect(profile.username).toBe(`leaver-${memberCount}`);
    expect(profile.email).toBe(`leaver-${memberCount}@example.org`);
    expect(profile).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(profile)).not.toContain('$argon2');
    expect((profile.organisations as { name: string }[]).map((organisation) => organisation.name)).toEqual(['Persona Owning Organisation']);

    const postTexts = (JSON.parse(text('posts.json')) as { text: string }[]).map((post) => post.text);
    expect(postTexts.sort()).toEqual(['my opening archive', 'my reply archive @organisationMember'].sort());
    // Other people's posts in the same thread are not the member's to take away.
    expect(text('posts.json')).not.toContain('others answer archive');
    expect(text('posts.json')).not.toContain('others opening archive');
    expect(text('case-studies.json')).toContain('draft problem archive');
    expect(text('stories.json')).toContain('What I applied archive');
    expect(text('README.txt')).toBe('README text');
    expect(strFromU8(files[`attachments/${JSON.parse(text('attachments.json'))[0].id}-notes-archive.pdf`]!)).toContain('% file archive');
    expect(fs.existsSync(written.filePath)).toBe(true);
  });
});

describe('deleting one’s account', () => {
  it('refuses a wrong password and changes nothing', async () => {
    const member = await newMember();
    await writeThings(member, 'wrong');
    expectAppError(await rejectionOf(deleteOwnAccount({ viewer: member, input: { password: 'not my password', contributions: 'keep', confirmed: 'on' } })), 'wrong_password');
    expect(rowOf(member.userId)).toBeDefined();
    expect(testDb().select().from(posts).where(eq(posts.authorId, member.userId)).all()).toHaveLength(2);
  });

  it('requires the confirmation and a choice', async () => {
    const member = await newMember();
    await expect(deleteOwnAccount({ viewer: member, input: { password: testPassword, contributions: 'keep' } })).rejects.toThrow();
    await expect(deleteOwnAccount({ viewer: member, input: { password: testPassword, confirmed: 'on' } })).rejects.toThrow();
    expect(rowOf(member.userId)).toBeDefined();
  });

  it('keeping contributions: the account, sessions and notifications about them go; posts and stories stay as a former member’s', async () => {
    const member = await newMember();
    const written = await writeThings(member, 'keep');
    const notifiedAboutThem = testDb().select().from(notifications).where(eq(notifications.actorId, member.userId)).all();
    expect(notifiedAboutThem.length).toBeGreaterThan(0);

    const summary = await deleteOwnAccount({ viewer: member, input: { password: testPassword, contributions: 'keep', confirmed: 'on' } });
    expect(summary).toEqual({ postsDeleted: 0, threadsDeleted: 0, storiesDeleted: 0, draftsDeleted: 0, filesRemoved: 0 });
    expect(rowOf(member.userId)).toBeUndefined();
    // Every session dies with the row: the session check finds no viewer, whatever version the cookie holds.
    expect(findViewer(member.userId, 1)).toBeNull();
    expect(testDb().select().from(notifications).where(eq(notifications.actorId, member.userId)).all()).toEqual([]);
    const reply = testDb().select().from(posts).where(eq(posts.id, written.replyId)).get()!;
    expect(reply.authorId).toBeNull();
    expect(reply.plainText).toContain('my reply keep');
    expect(testDb().select().from(threads).where(eq(threads.id, written.own.threadId)).get()?.authorId).toBeNull();
    expect(testDb().select().from(appliedStories).where(eq(appliedStories.id, written.storyId)).get()?.authorId).toBeNull();
    expect(fs.existsSync(written.filePath)).toBe(true);
    // The search documents carried their name: both kinds are queued for the index in the same step.
    expect(outboxHas('thread', written.shared.threadId)).toBe(true);
    expect(outboxHas('case_study', written.publishedId)).toBe(true);
  });

  it('deleting contributions: their text, sole threads, stories and sole drafts go, with the files, while others’ words stay', async () => {
    const member = await newMember();
    const written = await writeThings(member, 'delete');
    const summary = await deleteOwnAccount({ viewer: member, input: { password: testPassword, contributions: 'delete', confirmed: 'on' } });
    expect(summary).toMatchObject({ postsDeleted: 2, threadsDeleted: 1, storiesDeleted: 1, draftsDeleted: 1, filesRemoved: 1 });
    expect(rowOf(member.userId)).toBeUndefined();
    expect(testDb().select().from(threads).where(eq(threads.id, written.own.threadId)).get()).toBeUndefined();
    const reply = testDb().select().from(posts).where(eq(posts.id, written.replyId)).get()!;
    expect(reply.plainText).toBe('');
    expect(reply.deletedAt).not.toBeNull();
    const sharedTexts = testDb().select({ text: posts.plainText }).from(posts).where(eq(posts.threadId, written.shared.threadId)).all().map((post) => post.text);
    expect(sharedTexts).toEqual(expect.arrayContaining(['others opening delete', 'others answer delete']));
    expect(sharedTexts.join(' ')).not.toContain('my reply delete');
    expect(testDb().select().from(appliedStories).where(eq(appliedStories.id, written.storyId)).get()).toBeUndefined();
    expect(testDb().select().from(caseStudies).where(eq(caseStudies.id, written.draftId)).get()).toBeUndefined();
    expect(fs.existsSync(written.filePath)).toBe(false);
    // A published case study belongs to the organisation: it stays, without their name.
    expect(testDb().select().from(caseStudies).where(eq(caseStudies.id, written.publishedId)).get()).toBeDefined();
    expect(outboxHas('thread', written.own.threadId)).toBe(true);
    expect(outboxHas('case_study', written.draftId)).toBe(true);
  });

  it('the network’s only administrator cannot leave it without one', async () => {
    const adminId = personas.userIds.admin;
    testDb().update(users).set({ siteRole: 'member' }).where(eq(users.siteRole, 'admin')).run();
    testDb().update(users).set({ siteRole: 'admin' }).where(eq(users.id, adminId)).run();
    expectAppError(await rejectionOf(deleteOwnAccount({ viewer: viewerOf(adminId), input: { password: testPassword, contributions: 'keep', confirmed: 'on' } })), 'conflict');
    expect(rowOf(adminId)).toBeDefined();
  });
});
