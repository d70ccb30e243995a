import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { threads } from '@/db/schema/conversations';
import { insertEvent } from '@/db/seed/factories';
import { publishCaseStudy, transitionCaseStudy } from '@/lib/case-studies/mutations';
import { loadSubject, loadThread } from '@/lib/conversations/load';
import { getThreadPage, listThreads } from '@/lib/conversations/queries';
import { updateEvent } from '@/lib/events/mutations';
import { can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { addCoAuthorMember } from '../../support/case-studies';
import { insertPublishedCaseStudy, startTestThread } from '../../support/conversations';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, type Personas } from '../../support/personas';

// A thread is never wider than what it is about: when a case study is unpublished or narrowed (or an event
// made members-only), its threads' stored facts follow in the same transaction (syncSubjectThreads), so
// lists filtered in SQL stop showing them to people who may no longer read the subject.

let personas: Personas;
let editor: Viewer;
let insider: Viewer;
let outsider: Viewer;

beforeAll(async () => {
  personas = await seedPersonas();
  editor = personas.viewers.organisationEditor as Viewer;
  insider = personas.viewers.organisationMember as Viewer;
  // Reads what every member reads, nothing of O1's own.
  outsider = personas.viewers.eventParticipant as Viewer;
});

const stored = (threadId: string) => testDb().select().from(threads).where(eq(threads.id, threadId)).get()!;
const listedFor = (viewer: MaybeViewer, caseStudyId: string) => listThreads(viewer, 'case_study', caseStudyId).map((card) => card.id).sort();
const unpublish = (caseStudyId: string) => transitionCaseStudy({ viewer: editor, input: { caseStudyId }, transition: 'unpublish' });
const publish = (caseStudyId: string, visibility: 'public' | 'members' | 'organisation') => publishCaseStudy({ viewer: editor, input: { caseStudyId, visibility, safetyConfirmed: 'on' } });

async function caseStudyWithThreads(title: string) {
  const coAuthor = await addCoAuthorMember(personas, `coauthor-${title.toLowerCase().replace(/\W+/g, '-')}`);
  const caseStudyId = insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [coAuthor.userId], visibility: 'public', title });
  const asSubject = startTestThread(insider, { subjectType: 'case_study', subjectId: caseStudyId, title: 'As the case study' }).threadId;
  const membersOnly = startTestThread(insider, { subjectType: 'case_study', subjectId: caseStudyId, visibility: 'members', title: 'Narrowed to members' }).threadId;
  return { caseStudyId, asSubject, membersOnly, all: [asSubject, membersOnly].sort() };
}

describe('threads follow their case study', () => {
  it('unpublishing takes its threads away from everyone who no longer reads it, and publishing brings them back', async () => {
    const subject = await caseStudyWithThreads('Night outreach in Lusaka');
    expect(listedFor(outsider, subject.caseStudyId)).toEqual(subject.all);
    expect(listedFor(null, subject.caseStudyId)).toEqual([subject.asSubject]);

    unpublish(subject.caseStudyId);
    for (const threadId of subject.all) expect(stored(threadId).isPublished).toBe(false);
    expect(listedFor(outsider, subject.caseStudyId)).toEqual([]);
    expect(listedFor(null, subject.caseStudyId)).toEqual([]);
    expect(can(outsider, 'thread.read', loadThread(testDb(), subject.asSubject).facts)).toBe(false);
    expectAppError(thrownBy(() => getThreadPage(outsider, subject.asSubject, 'en')), 'not_found');
    // The organisation's editors still own the case study and its conversations.
    expect(listedFor(editor, subject.caseStudyId)).toEqual(subject.all);

    publish(subject.caseStudyId, 'public');
    expect(stored(subject.asSubject)).toMatchObject({ visibility: 'public', isPublished: true });
    expect(stored(subject.membersOnly)).toMatchObject({ visibility: 'members', narrowedTo: 'members', isPublished: true });
    expect(listedFor(outsider, subject.caseStudyId)).toEqual(subject.all);
  });

  it('publishing with a narrower visibility narrows its threads; a narrowing it can no longer express falls back to the case study', async () => {
    const subject = await caseStudyWithThreads('Legal aid desk in Douala');
    unpublish(subject.caseStudyId);
    publish(subject.caseStudyId, 'organisation');

    expect(stored(subject.asSubject)).toMatchObject({ visibility: 'organisation', organisationId: personas.organisationId, isPublished: true });
    // "Members" is wider than the organisation now: the thread takes the case study's own visibility.
    expect(stored(subject.membersOnly)).toMatchObject({ visibility: 'organisation', narrowedTo: null });
    expect(listedFor(outsider, subject.caseStudyId)).toEqual([]);
    expect(listedFor(personas.viewers.otherOrganisationMember, subject.caseStudyId)).toEqual([]);
    expect(listedFor(insider, subject.caseStudyId)).toEqual(subject.all);
  });

  it('the starter of a thread loses it too once they may no longer read the case study', async () => {
    const coAuthor = await addCoAuthorMember(personas, 'coauthor-starter-case');
    const caseStudyId = insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [coAuthor.userId], visibility: 'public', title: 'Shelter network in Bujumbura' });
    // Started by someone outside the organisation while the case study was public.
    const threadId = startTestThread(outsider, { subjectType: 'case_study', subjectId: caseStudyId, title: 'Can we adapt this?' }).threadId;
    unpublish(caseStudyId);
    publish(caseStudyId, 'organisation');

    expect(can(outsider, 'caseStudy.read', loadSubject(testDb(), 'case_study', caseStudyId).caseStudy!.facts)).toBe(false);
    expect(can(outsider, 'thread.read', loadThread(testDb(), threadId).facts)).toBe(false);
    expect(listedFor(outsider, caseStudyId)).toEqual([]);
    // The thread page names its case study: it must not tell the title of one they may not read.
    expectAppError(thrownBy(() => getThreadPage(outsider, threadId, 'en')), 'not_found');
  });
});

describe('threads follow their event', () => {
  it('an event made members-only takes its public threads away from anonymous visitors', () => {
    const event = insertEvent(testDb(), { slug: 'sync-event', titleEn: 'Sync event', titleFr: 'Événement sync', startsOn: '2030-09-01', endsOn: '2030-09-02' });
    const threadId = startTestThread(insider, { subjectType: 'event', subjectId: event.id, title: 'Who is coming?' }).threadId;
    expect(listThreads(null, 'event', event.id).map((card) => card.id)).toEqual([threadId]);

    updateEvent({
      viewer: personas.viewers.admin,
      input: { eventId: event.id, titleEn: 'Sync event', titleFr: 'Événement sync', startsOn: '2030-09-01', endsOn: '2030-09-02', visibility: 'members', populations: [], topics: [] },
    });
    expect(stored(threadId).visibility).toBe('members');
    expect(listThreads(null, 'event', event.id)).toEqual([]);
    expect(listThreads(outsider, 'event', event.id).map((card) => card.id)).toEqual([threadId]);
  });
});
