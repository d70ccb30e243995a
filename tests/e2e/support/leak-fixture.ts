import { eq, inArray } from 'drizzle-orm';
import { caseStudies as caseStudiesTable, sectionKeys } from '@/db/schema/case-studies';
import { users } from '@/db/schema/accounts';
import { followUps } from '@/db/schema/follow-ups';
import { addMembership, addParticipant, insertCall, insertCaseStudy, insertUser, richText } from '@/db/seed/factories';
import { addAttachment } from '@/lib/case-studies/attachments';
import { loadCaseStudy } from '@/lib/case-studies/load';
import { deletePost, moderatePost } from '@/lib/conversations/mutations';
import { loadPost, loadThread } from '@/lib/conversations/load';
import { requestConnection, respondToConnection, updateDirectoryProfile } from '@/lib/directory/mutations';
import { inviteFollowUpParticipants } from '@/lib/follow-ups/invitations';
import { enqueueJob } from '@/lib/jobs/queue';
import { applicationWays, barrierKeys } from '@/lib/follow-ups/answers';
import { saveFollowUpStep, scheduleFollowUps, submitFollowUpResponse } from '@/lib/follow-ups/mutations';
import { can } from '@/lib/policy/rules';
import type { MaybeViewer, Visibility } from '@/lib/policy/types';
import { storyFacts } from '@/lib/stories/facts';
import { recordStory } from '@/lib/stories/mutations';
import { loadTheme } from '@/lib/synthesis/load';
import { tagEvidence } from '@/lib/synthesis/mutations';
import { appliedStories } from '@/db/schema/stories';
import { getDb } from '@/db/client';
import { mention, postBody, replyAs, startTestThread } from '../../support/conversations';
import { personaNames, seedPersonas, testPassword, testPasswordHash, viewerOf, type PersonaName } from '../../support/personas';
import { createTestTheme } from '../../support/synthesis';

// The leak crawl's world (tests/e2e/leak-crawl.spec.ts): the policy matrix's personas (tests/support/personas.ts)
// plus a member who will be disabled, and one item of every kind at every visibility it can take, each
// carrying a marker word of its own. Everything is written through the app's own mutations where they exist,
// so notifications, emails and the search outbox follow as they would in use. Who may read each marker is
// asked of the policy module (can()); the policy itself is specified by hand in tests/unit/policy/matrix.test.ts.

export const crawlPersonas = [...personaNames, 'disabledMember'] as const;
export type CrawlPersona = (typeof crawlPersonas)[number];

export type LeakMarker = {
  marker: string;
  kind: string;
  /** Personas the policy lets read it. */
  allowed: CrawlPersona[];
  /** Its own page. Every persona allowed to read it must find it somewhere: the control that keeps the crawl honest. */
  home?: string;
  /** Whether the search page is asked for it: it must find it for allowed personas, and count 0 for everyone else. */
  searchable: boolean;
  /** Searched for, but found by nobody: hidden and deleted text never reaches the index. */
  unsearchable?: boolean;
};

export type LeakManifest = {
  password: string;
  /** O1 and E1: the owning organisation and event. */
  organisationId: string;
  eventId: string;
  usernames: Record<Exclude<CrawlPersona, 'anonymous'>, string>;
  emails: Record<Exclude<CrawlPersona, 'anonymous'>, string>;
  userIds: Record<Exclude<CrawlPersona, 'anonymous'>, string>;
  /** Every URL worth visiting, besides each marker's home. */
  urls: string[];
  caseStudyIds: string[];
  markers: LeakMarker[];
};

const contentVisibilities: Visibility[] = ['public', 'members', 'event', 'organisation', 'private'];

export async function seedLeakFixture(): Promise<LeakManifest> {
  const db = getDb();
  const personas = await seedPersonas();
  const disabledId = insertUser(db, { username: 'persona-disabled', displayName: 'disabledMember', passwordHash: await testPasswordHash() });
  // Before it is disabled (by the crawl, after signing in) it reads as much as a member of O1 at E1.
  addMembership(db, disabledId, personas.organisationId, 'member');
  addParticipant(db, personas.eventId, disabledId, 'participant');
  const userIds = { ...personas.userIds, disabledMember: disabledId };
  const usernames = { ...personas.usernames, disabledMember: 'persona-disabled' };
  const emails = Object.fromEntries(Object.entries(usernames).map(([name, username]) => [name, `${username}@leak.example`])) as LeakManifest['emails'];
  // Every persona gets email with full detail, the widest channel an email leak could take: half of them at
  // once, the other half in a daily digest (sent when the fixture is done, below).
  const digestPersonas = new Set(['organisationMember', 'eventParticipant', 'otherEventFacilitator', 'moderator']);
  for (const [name, userId] of Object.entries(userIds)) {
    db.update(users).set({ email: emails[name as keyof typeof emails], emailFrequency: digestPersonas.has(name) ? 'daily' : 'immediate', emailDetail: 'full', weeklyEmailCap: 1000 }).where(eq(users.id, userId)).run();
  }
  const viewer = (name: Exclude<CrawlPersona, 'anonymous'>) => viewerOf(userIds[name]);
  const viewers = Object.fromEntries(crawlPersonas.map((name) => [name, name === 'anonymous' ? null : viewer(name)])) as Record<CrawlPersona, MaybeViewer>;
  // The disabled member is judged as what their stolen cookie must become once the account is disabled.
  const judgedAs = (name: CrawlPersona): MaybeViewer => (name === 'disabledMember' ? null : viewers[name]);
  const allowedBy = (rule: (viewer: MaybeViewer) => boolean) => crawlPersonas.filter((name) => rule(judgedAs(name)));

  const markers: LeakMarker[] = [];
  const urls: string[] = [];
  const mentionEveryone = Object.values(userIds).map((userId) => mention(userId, 'persona'));

  // Case studies of O1 at E1, one per visibility; a draft; one submitted to E1's call.
  const callId = insertCall(db, { eventId: personas.eventId, opensOn: '2030-01-01', deadline: '2030-02-01', organisationIds: [personas.organisationId] });
  const caseStudies: { id: string; label: string }[] = [];
  const caseStudy = (label: string, visibility: Visibility, status: 'published' | 'draft' | 'submitted') =>
    insertCaseStudy(db, {
      organisationId: personas.organisationId,
      ...(status === 'submitted' ? { callId } : { eventId: personas.eventId }),
      title: `Peer outreach zqxcase${label}`,
      summary: `What we learned zqxsummary${label}`,
      language: 'en',
      visibility,
      status,
      sections: Object.fromEntries(sectionKeys.map((key) => [key, richText([key === 'problem' ? `The problem zqxsection${label}` : `${key} text.`])])),
      authorIds: [userIds.author],
      actorId: userIds.organisationEditor,
    });
  // A private case study is never published: it is its writers' draft.
  for (const visibility of contentVisibilities) caseStudies.push({ id: caseStudy(visibility, visibility, visibility === 'private' ? 'draft' : 'published'), label: visibility });
  caseStudies.push({ id: caseStudy('draft', 'members', 'draft'), label: 'draft' });
  caseStudies.push({ id: caseStudy('submitted', 'event', 'submitted'), label: 'submitted' });
  const caseStudyId = (label: string) => caseStudies.find((entry) => entry.label === label)!.id;

  for (const { id, label } of caseStudies) {
    const { facts } = loadCaseStudy(db, id);
    const allowed = allowedBy((who) => can(who, 'caseStudy.read', facts));
    const home = `/case-studies/${id}`;
    markers.push({ marker: `zqxcase${label}`, kind: 'case study', allowed, home, searchable: facts.isPublished });
    markers.push({ marker: `zqxsection${label}`, kind: 'case study section', allowed, home, searchable: facts.isPublished });
    markers.push({ marker: `zqxsummary${label}`, kind: 'case study summary', allowed, home, searchable: facts.isPublished });
    urls.push(home, `${home}/history`, `${home}/compare`, `${home}/edit`, `/api/case-studies/${id}/attachments`);
    // A PDF carrying its marker in its bytes and in its name. Files are attached while drafting, so the
    // case study goes back to draft for the upload and then returns to where it was.
    const { status } = db.select({ status: caseStudiesTable.status }).from(caseStudiesTable).where(eq(caseStudiesTable.id, id)).get()!;
    db.update(caseStudiesTable).set({ status: 'draft' }).where(eq(caseStudiesTable.id, id)).run();
    const { id: attachmentId } = await addAttachment({
      viewer: viewers.organisationEditor,
      caseStudyId: id,
      file: { name: `zqxfname${label}.pdf`, bytes: new TextEncoder().encode(`%PDF-1.4\n% zqxfile${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`) },
    });
    db.update(caseStudiesTable).set({ status }).where(eq(caseStudiesTable.id, id)).run();
    markers.push({ marker: `zqxfname${label}`, kind: 'attachment name', allowed, home, searchable: false });
    markers.push({ marker: `zqxfile${label}`, kind: 'attachment content', allowed, home: `/api/attachments/${attachmentId}`, searchable: false });
    urls.push(`/api/attachments/${attachmentId}`);
  }

  // Themes of E1 at each visibility they take, and evidence on the public theme pointing at case studies
  // of every visibility the facilitator may tag: a public theme must not carry a narrower item's note.
  for (const visibility of ['public', 'members', 'event'] as const) {
    const themeId = createTestTheme(personas, { titleEn: `Safe spaces zqxtheme${visibility}`, titleFr: `Espaces sûrs zqxtheme${visibility}`, visibility });
    const { facts } = loadTheme(db, themeId);
    markers.push({ marker: `zqxtheme${visibility}`, kind: 'theme', allowed: allowedBy((who) => can(who, 'theme.read', facts)), home: `/themes/${themeId}`, searchable: true });
    urls.push(`/themes/${themeId}`, `/themes/${themeId}/edit`, `/api/themes/${themeId}/deck`);
    if (visibility !== 'public') continue;
    for (const target of ['public', 'members', 'event', 'submitted'] as const) {
      tagEvidence({ viewer: viewers.eventFacilitator, input: { themeId, targetType: 'case_study', targetId: caseStudyId(target), note: `Evidence zqxevid${target}` } });
      const { facts: targetFacts } = loadCaseStudy(db, caseStudyId(target));
      markers.push({
        marker: `zqxevid${target}`,
        kind: 'theme evidence',
        allowed: allowedBy((who) => can(who, 'theme.read', facts) && can(who, 'caseStudy.read', targetFacts)),
        home: `/themes/${themeId}`,
        searchable: false,
      });
    }
  }

  // Threads at each visibility a thread takes, each opening post mentioning every persona (a mention must
  // never notify, or email, someone who may not read the thread).
  const threadSpecs = [
    { label: 'public', starter: 'organisationMember', input: { subjectType: 'network', visibility: 'public' } },
    { label: 'members', starter: 'organisationMember', input: { subjectType: 'network', visibility: 'members' } },
    { label: 'event', starter: 'eventParticipant', input: { subjectType: 'event', subjectId: personas.eventId, visibility: 'event' } },
    { label: 'organisation', starter: 'organisationMember', input: { subjectType: 'case_study', subjectId: caseStudyId('public'), visibility: 'organisation' } },
    { label: 'question', starter: 'otherOrganisationMember', input: { subjectType: 'case_study', subjectId: caseStudyId('public'), kind: 'question', visibility: 'private' } },
  ] as const;
  const threadIds: Record<string, string> = {};
  for (const spec of threadSpecs) {
    const { threadId } = startTestThread(viewer(spec.starter), { ...spec.input, title: `Talking zqxthread${spec.label}`, body: postBody(`Opening zqxpost${spec.label} `, ...mentionEveryone) } as Parameters<typeof startTestThread>[1]);
    threadIds[spec.label] = threadId;
    const facts = loadThread(db, threadId).facts;
    const allowed = allowedBy((who) => can(who, 'thread.read', facts));
    markers.push({ marker: `zqxthread${spec.label}`, kind: spec.label === 'question' ? 'private question' : 'thread', allowed, home: `/threads/${threadId}`, searchable: true });
    markers.push({ marker: `zqxpost${spec.label}`, kind: 'post', allowed, home: `/threads/${threadId}`, searchable: true });
    urls.push(`/threads/${threadId}`);
  }
  // In the public thread: a reply the moderator hides, and one its author deletes.
  const hiddenPostId = replyAs(viewer('otherOrganisationMember'), threadIds.public!, postBody('Hidden reply zqxhidden'));
  moderatePost({ viewer: viewers.moderator, input: { postId: hiddenPostId, action: 'hide', reason: 'Off topic' } });
  const deletedPostId = replyAs(viewer('otherOrganisationMember'), threadIds.public!, postBody('Deleted reply zqxdeleted'));
  deletePost({ viewer: viewers.otherOrganisationMember, input: { postId: deletedPostId } });
  for (const [marker, postId] of [['zqxhidden', hiddenPostId], ['zqxdeleted', deletedPostId]] as const) {
    const { facts } = loadPost(db, postId);
    markers.push({ marker, kind: `${marker === 'zqxhidden' ? 'hidden' : 'deleted'} post`, allowed: allowedBy((who) => can(who, 'post.readText', facts)), home: `/threads/${threadIds.public}`, searchable: true, unsearchable: true });
  }

  // Applied-learning stories of O1 at each visibility they take.
  for (const visibility of ['public', 'members', 'organisation'] as const) {
    const { id } = recordStory({
      viewer: viewers.organisationMember,
      input: { title: `We adapted it zqxstory${visibility}`, body: 'After the event we trained four peer navigators in our district.', applicationWays: ['adopted_good_practice'], caseStudyIds: [caseStudyId('public')], themeIds: [], organisationId: personas.organisationId, countryCode: '', visibility, safetyConfirmed: 'on' },
    });
    const facts = storyFacts(db.select().from(appliedStories).where(eq(appliedStories.id, id)).get()!);
    markers.push({ marker: `zqxstory${visibility}`, kind: 'story', allowed: allowedBy((who) => can(who, 'story.read', facts)), home: `/stories/${id}`, searchable: false });
    urls.push(`/stories/${id}`, `/stories/${id}/edit`);
  }

  // Connections: a pending request's message is its two parties'; contact details cross only once accepted.
  for (const name of ['otherOrganisationMember', 'organisationMember', 'organisationEditor', 'eventParticipant'] as const) {
    db.update(users).set({ isInDirectory: true }).where(eq(users.id, userIds[name])).run();
  }
  updateDirectoryProfile({ viewer: viewer('organisationEditor'), input: { populations: [], topics: [], expertise: 'Peer outreach', contactDetails: 'Signal zqxcontact', shareEmailWithConnections: '' } });
  updateDirectoryProfile({ viewer: viewer('organisationMember'), input: { populations: [], topics: [], expertise: 'Outreach', contactDetails: 'Signal zqxunaccepted', shareEmailWithConnections: '' } });
  requestConnection({ viewer: viewer('otherOrganisationMember'), input: { recipientId: userIds.organisationMember, reasons: ['share_information'], message: 'Hello zqxconnmsg' } });
  const { connectionId } = requestConnection({ viewer: viewer('eventParticipant'), input: { recipientId: userIds.organisationEditor, reasons: ['share_information'], message: '' } });
  respondToConnection({ viewer: viewer('organisationEditor'), input: { connectionId, response: 'accept' } });
  markers.push({ marker: 'zqxconnmsg', kind: 'connection request message', allowed: ['otherOrganisationMember', 'organisationMember'], home: '/connections', searchable: false });
  markers.push({ marker: 'zqxcontact', kind: 'contact details (accepted connection)', allowed: ['organisationEditor', 'eventParticipant'], home: '/connections', searchable: false });
  markers.push({ marker: 'zqxunaccepted', kind: 'contact details (pending request)', allowed: ['organisationMember'], home: '/settings', searchable: false });

  // A follow-up survey answer at E1: its participant's, and (anonymised, in the export, once enough answered) the follow-up's runners'.
  scheduleFollowUps({ viewer: viewers.eventFacilitator, input: { eventId: personas.eventId, months: [], opensOn: new Date().toISOString().slice(0, 10), openDays: '30' } });
  const round = db.select().from(followUps).where(eq(followUps.eventId, personas.eventId)).get()!;
  db.update(followUps).set({ opensOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) }).where(eq(followUps.id, round.id)).run();
  inviteFollowUpParticipants(round.id);
  const steps = [
    { step: 'understanding', understanding: 'agree', transferAudience: ['internal'], transferFormality: ['informal'] },
    { step: 'retained', retained: 'I remember zqxsurvey' },
    { step: 'applied', applied: 'agree', applicationWays: [applicationWays[0]] },
    { step: 'barriers', barriers: [barrierKeys[0]] },
    { step: 'connections', connected: 'no', connectionReasons: [] },
  ];
  for (const step of steps) saveFollowUpStep({ viewer: viewer('eventParticipant'), input: { followUpId: round.id, intent: 'next', ...step } });
  submitFollowUpResponse({ viewer: viewer('eventParticipant'), input: { followUpId: round.id } });
  // One answer is below the export's small-group threshold: not even the follow-up's runners may download it.
  markers.push({ marker: 'zqxsurvey', kind: 'survey answer', allowed: ['eventParticipant'], home: `/follow-ups/${round.id}?step=review`, searchable: false });
  urls.push(`/follow-ups/${round.id}`, `/follow-ups/${round.id}?step=review`);

  const events = db.$client.prepare('select id, slug from events').all() as { id: string; slug: string }[];
  const organisations = db.$client.prepare('select slug from organisations').all() as { slug: string }[];
  for (const event of events) {
    urls.push(`/events/${event.slug}`, `/events/${event.slug}/synthesis`, `/events/${event.slug}/synthesis/edit`, `/events/${event.slug}/impact`, `/events/${event.slug}/calls`, `/api/synthesis/${event.id}/deck`, `/api/impact/export.csv?event=${event.slug}`);
  }
  urls.push(`/events/${events.find((event) => event.id === personas.eventId)!.slug}/calls/${callId}`);
  for (const organisation of organisations) urls.push(`/organisations/${organisation.slug}`);
  for (const userId of Object.values(userIds)) urls.push(`/members/${userId}`, `/admin/members/${userId}`);
  urls.push(
    '/',
    '/case-studies',
    '/case-studies/mine',
    '/discussions',
    '/themes',
    '/stories',
    '/events',
    '/directory',
    '/connections',
    '/notifications',
    '/organisations',
    '/impact',
    '/api/impact/export.csv',
    '/moderation',
    '/settings',
    '/search?q=zqx',
    '/admin',
    '/admin/members',
    '/admin/audit',
    '/admin/emails',
    '/admin/jobs',
    '/admin/events',
    '/admin/organisations',
    '/admin/invites',
  );

  // The daily digests, due now rather than at the next hour the scheduler would pick.
  for (const name of digestPersonas) enqueueJob(db, { kind: 'email.digest', payload: { userId: userIds[name as keyof typeof userIds], period: 'daily' } });

  // A marker inside another would make a correct page look like a leak.
  for (const a of markers) for (const b of markers) if (a !== b && b.marker.includes(a.marker)) throw new Error(`leak fixture: marker ${a.marker} is inside ${b.marker}`);
  // Sanity: the personas the crawl signs in as exist with the shared test password.
  const found = db.select({ id: users.id }).from(users).where(inArray(users.id, Object.values(userIds))).all();
  if (found.length !== Object.keys(userIds).length) throw new Error('leak fixture: a persona is missing');
  return { password: testPassword, organisationId: personas.organisationId, eventId: personas.eventId, usernames, emails, userIds, urls: [...new Set(urls)], caseStudyIds: caseStudies.map((entry) => entry.id), markers };
}

export type { PersonaName };
