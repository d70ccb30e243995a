import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { jobs } from '@/db/schema/jobs';
import { refreshers } from '@/db/schema/notifications';
import { topics } from '@/db/schema/taxonomy';
import { addMembership, addParticipant, insertEvent } from '@/db/seed/factories';
import { questionReminderDelayMs, markAnswer } from '@/lib/conversations/mutations';
import { remindUnansweredQuestion } from '@/lib/conversations/questions';
import { AppError } from '@/lib/errors';
import { themes } from '@/db/schema/synthesis';
import { addMonths, cancelRefresher, getRefresher, listRefreshers, scheduleRefreshers, sendRefresher } from '@/lib/notifications/refreshers';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { addCoAuthorMember } from '../../support/case-studies';
import { insertPublishedCaseStudy, notificationsOf, postBody, replyAs, startTestThread } from '../../support/conversations';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';

let personas: Personas;
let facilitator: Viewer;

beforeAll(async () => {
  personas = await seedPersonas();
  facilitator = personas.viewers.eventFacilitator as Viewer;
});

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const today = () => isoDay(0);
const schedule = (viewer: MaybeViewer, eventId: string, input: { months?: string[]; sendOn?: string }) => scheduleRefreshers({ viewer, input: { eventId, months: input.months ?? [], sendOn: input.sendOn ?? '' } });
const storedFor = (eventId: string) => testDb().select().from(refreshers).where(eq(refreshers.eventId, eventId)).all();
const sendJobsFor = (refresherIds: string[]) =>
  testDb()
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'refresher.send'), inArray(jobs.uniqueKey, refresherIds.map((id) => `refresher.send:${id}`))))
    .all();

let eventCount = 0;
function newEvent(endsOn: string, extra: { topics?: string[]; visibility?: 'public' | 'members' } = {}) {
  eventCount += 1;
  const event = insertEvent(testDb(), { slug: `refresher-test-${eventCount}`, titleEn: `Refresher test ${eventCount}`, titleFr: `Test de rappel ${eventCount}`, startsOn: endsOn, endsOn, place: 'Nairobi', ...extra });
  addParticipant(testDb(), event.id, facilitator.userId, 'facilitator');
  return event;
}

describe('addMonths', () => {
  it.each([
    ['2030-03-05', 1, '2030-04-05'],
    ['2030-12-15', 1, '2031-01-15'],
    ['2030-01-31', 1, '2030-02-28'],
    ['2032-01-31', 1, '2032-02-29'],
    ['2030-01-31', 3, '2030-04-30'],
    ['2030-08-31', 6, '2031-02-28'],
    ['2032-02-29', 12, '2033-02-28'],
    ['2030-05-31', -2, '2030-03-31'],
  ] as const)('%s + %i months = %s (the day is kept, or the month’s last day)', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});

describe('scheduling refreshers', () => {
  it('schedules 1, 3, 6 and 12 months after the event, sent on the morning of each day', () => {
    const event = newEvent('2030-01-31');
    const { scheduled } = schedule(viewerOf(facilitator.userId), event.id, { months: ['1', '3', '6', '12'] });
    expect(scheduled).toEqual(['2030-02-28', '2030-04-30', '2030-07-31', '2031-01-31']);
    const stored = storedFor(event.id);
    expect(stored.map((row) => [row.sendOn, row.monthsAfter]).sort()).toEqual([
      ['2030-02-28', 1],
      ['2030-04-30', 3],
      ['2030-07-31', 6],
      ['2031-01-31', 12],
    ]);
    expect(sendJobsFor(stored.map((row) => row.id)).map((job) => job.runAt).sort()).toEqual(
      ['2030-02-28', '2030-04-30', '2030-07-31', '2031-01-31'].map((day) => Date.parse(`${day}T07:00:00Z`)),
    );
  });

  it('is idempotent: a day already scheduled is kept, not doubled', () => {
    const event = newEvent('2030-03-05');
    const viewer = viewerOf(facilitator.userId);
    expect(schedule(viewer, event.id, { months: ['1', '3'] }).scheduled).toEqual(['2030-04-05', '2030-06-05']);
    expect(schedule(viewer, event.id, { months: ['1', '3', '6', '12'] }).scheduled).toEqual(['2030-09-05', '2031-03-05']);
    expect(schedule(viewer, event.id, { months: ['1', '3', '6', '12'], sendOn: '2030-04-05' }).scheduled).toEqual([]);
    expect(storedFor(event.id)).toHaveLength(4);
    expect(sendJobsFor(storedFor(event.id).map((row) => row.id))).toHaveLength(4);
  });

  it('skips default days already past (an old event) instead of sending them all at once', () => {
    const endsOn = addMonths(today(), -2);
    const event = newEvent(endsOn);
    const { scheduled } = schedule(viewerOf(facilitator.userId), event.id, { months: ['1', '3', '6', '12'] });
    expect(scheduled).toEqual([addMonths(endsOn, 3), addMonths(endsOn, 6), addMonths(endsOn, 12)]);
    expect(storedFor(event.id).map((row) => row.monthsAfter).sort((a, b) => a! - b!)).toEqual([3, 6, 12]);
  });

  it('takes a day of the facilitator’s choosing from today on, and refuses one in the past', () => {
    const event = newEvent('2030-03-05');
    const viewer = viewerOf(facilitator.userId);
    const error = thrownBy(() => schedule(viewer, event.id, { months: ['1'], sendOn: isoDay(-1) }));
    expectAppError(error, 'invalid_input');
    expect((error as AppError).message).toBe('errors.date_in_past');
    expect(storedFor(event.id)).toEqual([]);

    expect(schedule(viewer, event.id, { sendOn: today() }).scheduled).toEqual([today()]);
    expect(storedFor(event.id)).toMatchObject([{ sendOn: today(), monthsAfter: null }]);
    const nothing = thrownBy(() => schedule(viewer, event.id, {}));
    expect((nothing as AppError).message).toBe('errors.choose_one');
  });

  it('rejects a viewer without rights', () => {
    const event = newEvent('2030-03-05');
    const membersOnly = newEvent('2030-03-05', { visibility: 'members' });
    expectAppError(thrownBy(() => schedule(null, event.id, { months: ['1'] })), 'unauthenticated');
    expectAppError(thrownBy(() => schedule(null, membersOnly.id, { months: ['1'] })), 'not_found');
    for (const persona of ['eventParticipant', 'otherEventFacilitator', 'organisationEditor', 'moderator'] as const) {
      expectAppError(thrownBy(() => schedule(personas.viewers[persona], event.id, { months: ['1'] })), 'forbidden');
      expectAppError(thrownBy(() => listRefreshers(personas.viewers[persona], event.id)), 'forbidden');
    }
    expect(storedFor(event.id)).toEqual([]);
    // Admins run follow-up for every event.
    expect(schedule(personas.viewers.admin, event.id, { months: ['1'] }).scheduled).toEqual(['2030-04-05']);
    expectAppError(thrownBy(() => cancelRefresher({ viewer: personas.viewers.eventParticipant, input: { refresherId: storedFor(event.id)[0]!.id } })), 'forbidden');
  });
});

describe('sending a refresher', () => {
  it('notifies the participants who keep refreshers on, once', async () => {
    const event = newEvent('2030-03-05');
    const participant = personas.userIds.eventParticipant;
    addParticipant(testDb(), event.id, participant, 'participant');
    const quietId = await createTestUser({ username: 'quiet-participant', displayName: 'Quiet' });
    addParticipant(testDb(), event.id, quietId, 'participant');
    testDb().update(users).set({ refreshersEnabled: false }).where(eq(users.id, quietId)).run();
    schedule(viewerOf(facilitator.userId), event.id, { months: ['1'] });
    const refresher = storedFor(event.id)[0]!;

    expect(sendRefresher(refresher.id).sort()).toEqual([participant, facilitator.userId].sort());
    expect(notificationsOf(participant, { kind: 'refresher' })).toMatchObject([{ eventId: event.id, refresherId: refresher.id }]);
    expect(notificationsOf(quietId)).toEqual([]);
    // Not a participant of this event: nothing.
    expect(notificationsOf(personas.userIds.organisationMember, { kind: 'refresher' })).toEqual([]);
    expect(storedFor(event.id)[0]!.sentAt).toBeInstanceOf(Date);

    expect(sendRefresher(refresher.id)).toEqual([]);
    expect(notificationsOf(participant, { kind: 'refresher' })).toHaveLength(1);
    // Sent: it can no longer be cancelled.
    const error = thrownBy(() => cancelRefresher({ viewer: viewerOf(facilitator.userId), input: { refresherId: refresher.id } }));
    expectAppError(error, 'conflict');
    expect((error as AppError).message).toBe('errors.refresher_already_sent');
  });

  it('sends nothing once cancelled', () => {
    const event = newEvent('2030-03-05');
    addParticipant(testDb(), event.id, personas.userIds.eventParticipant, 'participant');
    schedule(viewerOf(facilitator.userId), event.id, { months: ['3'] });
    const refresher = storedFor(event.id)[0]!;
    cancelRefresher({ viewer: viewerOf(facilitator.userId), input: { refresherId: refresher.id } });
    expect(storedFor(event.id)[0]!.cancelledAt).toBeInstanceOf(Date);
    expect(sendRefresher(refresher.id)).toEqual([]);
    expect(storedFor(event.id)[0]!.sentAt).toBeNull();
    expect(notificationsOf(personas.userIds.eventParticipant, { kind: 'refresher' }).filter((row) => row.refresherId === refresher.id)).toEqual([]);
  });
});

describe('the refresher card', () => {
  let eventId: string;
  let refresherId: string;
  let cancelledId: string;
  let insiderId: string;

  beforeAll(async () => {
    const event = newEvent('2030-03-05', { topics: ['engaging-with-media', 'health-care-systems'] });
    eventId = event.id;
    addParticipant(testDb(), eventId, personas.userIds.eventParticipant, 'participant');
    insiderId = await createTestUser({ username: 'insider-participant', displayName: 'Insider' });
    addMembership(testDb(), insiderId, personas.organisationId, 'member');
    addParticipant(testDb(), eventId, insiderId, 'participant');
    const authorIds = [personas.userIds.organisationEditor];
    insertPublishedCaseStudy({ organisationId: personas.organisationId, eventId, authorIds, visibility: 'public', title: 'A Public practice', lessons: 'Public lessons: start with the peers.' });
    insertPublishedCaseStudy({ organisationId: personas.organisationId, eventId, authorIds, visibility: 'organisation', title: 'B Insider practice', lessons: 'Insider lessons: the safe house address.' });
    insertPublishedCaseStudy({ organisationId: personas.organisationId, eventId, authorIds, visibility: 'public', status: 'draft', title: 'C Draft practice', lessons: 'Draft lessons, not yet shared.' });
    schedule(viewerOf(facilitator.userId), eventId, { months: ['1', '3'] });
    [refresherId, cancelledId] = storedFor(eventId)
      .sort((a, b) => a.sendOn.localeCompare(b.sendOn))
      .map((row) => row.id) as [string, string];
    cancelRefresher({ viewer: viewerOf(facilitator.userId), input: { refresherId: cancelledId } });
  });

  const titlesFor = (viewer: MaybeViewer) => getRefresher(viewer, refresherId, 'en').lessons.map((study) => study.title);
  // Read again after joining this event (a viewer's roles are read once per request).
  const participant = () => viewerOf(personas.userIds.eventParticipant);

  it('shows the event, its key topics and the lessons learned of its published case studies', () => {
    const card = getRefresher(participant(), refresherId, 'en');
    expect(card.event).toMatchObject({ title: expect.stringContaining('Refresher test'), startsOn: '2030-03-05', endsOn: '2030-03-05', place: 'Nairobi' });
    const labels = testDb().select().from(topics).where(inArray(topics.key, ['engaging-with-media', 'health-care-systems'])).all();
    expect(card.keyTopics).toEqual(['engaging-with-media', 'health-care-systems'].map((key) => labels.find((label) => label.key === key)!.labelEn));
    expect(card.lessons).toMatchObject([{ title: 'A Public practice', lessons: 'Public lessons: start with the peers.' }]);
    expect(getRefresher(participant(), refresherId, 'fr').keyTopics).toEqual(['engaging-with-media', 'health-care-systems'].map((key) => labels.find((label) => label.key === key)!.labelFr));
  });

  it('recalls the themes the synthesis group named, in the reader\'s language, merged ones left out', () => {
    const theme = (id: string, titleEn: string, titleFr: string, extra: Partial<typeof themes.$inferInsert> = {}) =>
      testDb().insert(themes).values({ id, eventId, kind: 'emerging_theme', titleEn, titleFr, visibility: 'event', ...extra }).run();
    theme('refresher-theme-1', 'Safety first', 'La sécurité d’abord', { sortOrder: 1 });
    theme('refresher-theme-2', 'Peers lead', 'Les pairs en tête', { sortOrder: 2 });
    theme('refresher-theme-3', 'Merged away', 'Fusionné', { sortOrder: 3, mergedIntoId: 'refresher-theme-1' });
    expect(getRefresher(participant(), refresherId, 'en').themes.map((item) => item.title)).toEqual(['Safety first', 'Peers lead']);
    expect(getRefresher(participant(), refresherId, 'fr').themes.map((item) => item.title)).toEqual(['La sécurité d’abord', 'Les pairs en tête']);
  });

  it('gives each participant only the lessons they may read', () => {
    expect(titlesFor(participant())).toEqual(['A Public practice']);
    expect(titlesFor(viewerOf(insiderId))).toEqual(['A Public practice', 'B Insider practice']);
    expect(titlesFor(viewerOf(facilitator.userId))).toEqual(['A Public practice']);
    expect(titlesFor(personas.viewers.admin)).toEqual(['A Public practice']);
  });

  it('is not found for anyone outside the event, nor once cancelled', () => {
    for (const viewer of [null, personas.viewers.organisationMember, personas.viewers.organisationEditor, personas.viewers.otherEventFacilitator, personas.viewers.moderator]) {
      expectAppError(thrownBy(() => getRefresher(viewer, refresherId, 'en')), 'not_found');
    }
    expectAppError(thrownBy(() => getRefresher(participant(), cancelledId, 'en')), 'not_found');
  });
});

describe('reminders of unanswered questions', () => {
  let caseStudyId: string;
  let coAuthor: Viewer;

  beforeAll(async () => {
    coAuthor = (await addCoAuthorMember(personas, 'reminded-coauthor')).viewer;
    caseStudyId = insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [coAuthor.userId], visibility: 'public', title: 'Questions waiting' });
  });

  const ask = (title: string) => startTestThread(personas.viewers.eventParticipant as Viewer, { subjectType: 'case_study', subjectId: caseStudyId, kind: 'question', title });

  it('are queued a week after the question and remind its authors and editors once', () => {
    const before = Date.now();
    const { threadId } = ask('Who paid for the lawyer?');
    const job = testDb().select().from(jobs).where(eq(jobs.uniqueKey, `question.remind:${threadId}`)).get()!;
    expect(job.kind).toBe('question.remind');
    expect(job.runAt).toBeGreaterThanOrEqual(before + questionReminderDelayMs);

    expect(remindUnansweredQuestion(threadId).sort()).toEqual([coAuthor.userId, personas.userIds.organisationEditor].sort());
    expect(notificationsOf(coAuthor.userId, { threadId, kind: 'question_reminder' })).toHaveLength(1);
    expect(remindUnansweredQuestion(threadId)).toEqual([]);
    expect(notificationsOf(coAuthor.userId, { threadId, kind: 'question_reminder' })).toHaveLength(1);
  });

  it('remind nobody once the question is answered, nor for a discussion', () => {
    const { threadId } = ask('How long did it take?');
    const answerId = replyAs(coAuthor, threadId, postBody('About six months.'));
    markAnswer({ viewer: coAuthor, input: { threadId, postId: answerId } });
    expect(remindUnansweredQuestion(threadId)).toEqual([]);
    expect(notificationsOf(coAuthor.userId, { threadId, kind: 'question_reminder' })).toEqual([]);

    const discussion = startTestThread(personas.viewers.eventParticipant as Viewer, { subjectType: 'case_study', subjectId: caseStudyId, title: 'Just a discussion' });
    expect(remindUnansweredQuestion(discussion.threadId)).toEqual([]);
  });
});
