import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { jobs } from '@/db/schema/jobs';
import { addParticipant } from '@/db/seed/factories';
import { inviteFollowUpParticipants, remindFollowUpParticipants } from '@/lib/follow-ups/invitations';
import { cancelFollowUp, saveFollowUpStep, submitFollowUpResponse } from '@/lib/follow-ups/mutations';
import { invitationTime, reminderTime } from '@/lib/follow-ups/rounds';
import { listFollowUps } from '@/lib/follow-ups/queries';
import { createJobHandlers, jobKinds } from '@/lib/jobs/handlers';
import { describeNotifications, listNotifications } from '@/lib/notifications/queries';
import type { Viewer } from '@/lib/policy/types';
import { notificationsOf } from '../../support/conversations';
import { testDb } from '../../support/database';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { isoDay, jobOf, newEvent, openRound, responseOf, responsesOf, roundOf, roundsOf, schedule, today } from './helpers';

let personas: Personas;
let facilitator: Viewer;
let people: Record<'participant' | 'presenter' | 'synthesis' | 'facilitatorAndParticipant' | 'coFacilitator' | 'disabled' | 'otherEvent' | 'bystander', string>;

beforeAll(async () => {
  personas = await seedPersonas();
  facilitator = personas.viewers.eventFacilitator as Viewer;
  const names = ['participant', 'presenter', 'synthesis', 'facilitatorAndParticipant', 'coFacilitator', 'disabled', 'otherEvent', 'bystander'] as const;
  people = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await createTestUser({ username: `invite-${name.toLowerCase()}`, displayName: name })] as const))) as typeof people;
  testDb().update(users).set({ isDisabled: true }).where(eq(users.id, people.disabled)).run();
});

/** An event with one person in every position, and a round on it opening today (not yet invited). */
function eventWithEveryone() {
  const event = newEvent('2024-02-01', facilitator.userId);
  addParticipant(testDb(), event.id, people.participant, 'participant');
  addParticipant(testDb(), event.id, people.presenter, 'presenter');
  addParticipant(testDb(), event.id, people.synthesis, 'synthesis');
  addParticipant(testDb(), event.id, people.facilitatorAndParticipant, 'facilitator');
  addParticipant(testDb(), event.id, people.facilitatorAndParticipant, 'participant');
  addParticipant(testDb(), event.id, people.coFacilitator, 'facilitator');
  addParticipant(testDb(), event.id, people.disabled, 'participant');
  const other = newEvent('2024-02-01', facilitator.userId);
  addParticipant(testDb(), other.id, people.otherEvent, 'participant');
  schedule(viewerOf(facilitator.userId), event.id, { opensOn: today() });
  return { event, followUpId: roundsOf(event.id)[0]!.id };
}

const expectedInvited = () => [people.participant, people.presenter, people.synthesis, people.facilitatorAndParticipant].sort();

describe('the invitation job', () => {
  it('is registered, and queued for the morning of the day the round opens, not before', () => {
    expect(jobKinds).toEqual(expect.arrayContaining(['followUp.invite', 'followUp.remind']));
    const handlers = createJobHandlers({ db: testDb(), transport: { send: async () => undefined } as never });
    expect(handlers['followUp.invite']).toBeTypeOf('function');
    expect(handlers['followUp.remind']).toBeTypeOf('function');
    const event = newEvent('2030-03-05', facilitator.userId);
    schedule(viewerOf(facilitator.userId), event.id, { months: ['6'] });
    const round = roundsOf(event.id)[0]!;
    expect(jobOf('followUp.invite', round.id)).toMatchObject({ status: 'pending', runAt: Date.parse('2030-09-05T07:00:00Z') });
    expect(responsesOf(round.id)).toEqual([]);
  });

  it('invites the participants, presenters and synthesis members; not facilitators only, disabled members or other events', async () => {
    const { event, followUpId } = eventWithEveryone();
    const handlers = createJobHandlers({ db: testDb(), transport: { send: async () => undefined } as never });
    await handlers['followUp.invite']!({ followUpId });

    expect(responsesOf(followUpId).map((row) => row.userId).sort()).toEqual(expectedInvited());
    expect(responsesOf(followUpId).every((row) => row.invitedAt instanceof Date && row.submittedAt === null && JSON.stringify(row.answers) === '{}')).toBe(true);
    expect(roundOf(followUpId).invitedAt).toBeInstanceOf(Date);
    for (const userId of expectedInvited()) expect(notificationsOf(userId, { kind: 'follow_up' })).toMatchObject([{ eventId: event.id, followUpId }]);
    for (const userId of [people.coFacilitator, people.disabled, people.otherEvent, facilitator.userId]) expect(notificationsOf(userId, { kind: 'follow_up' }).filter((row) => row.followUpId === followUpId)).toEqual([]);

    // The notification leads to the survey, in the member's language.
    const [item] = listNotifications(viewerOf(people.participant), 'fr').filter((row) => row.kind === 'follow_up');
    expect(item).toMatchObject({ href: `/follow-ups/${followUpId}`, title: event.titleFr });
    expect(listFollowUps(viewerOf(facilitator.userId), event.id)).toMatchObject([{ status: 'open', invitedCount: 4, submittedCount: 0 }]);
  });

  it('runs once: a second run invites nobody again and queues one reminder', () => {
    const { followUpId } = eventWithEveryone();
    const before = Date.now();
    expect(inviteFollowUpParticipants(followUpId).sort()).toEqual(expectedInvited());
    expect(inviteFollowUpParticipants(followUpId)).toEqual([]);
    expect(responsesOf(followUpId)).toHaveLength(4);
    expect(notificationsOf(people.participant, { kind: 'follow_up' }).filter((row) => row.followUpId === followUpId)).toHaveLength(1);
    const reminder = jobOf('followUp.remind', followUpId)!;
    expect(testDb().select().from(jobs).where(eq(jobs.kind, 'followUp.remind')).all().filter((job) => (job.payload as { followUpId: string }).followUpId === followUpId)).toHaveLength(1);
    // Two weeks later (the round is open 30 days, so halfway would be later).
    expect(reminder.runAt).toBeGreaterThanOrEqual(before + 14 * 86_400_000);
    expect(reminder.runAt).toBeLessThanOrEqual(Date.now() + 14 * 86_400_000);
  });

  it('invites nobody for a cancelled round', async () => {
    const { followUpId } = eventWithEveryone();
    cancelFollowUp({ viewer: viewerOf(facilitator.userId), input: { followUpId } });
    const handlers = createJobHandlers({ db: testDb(), transport: { send: async () => undefined } as never });
    await handlers['followUp.invite']!({ followUpId });
    expect(responsesOf(followUpId)).toEqual([]);
    expect(roundOf(followUpId).invitedAt).toBeNull();
    expect(notificationsOf(people.participant, { kind: 'follow_up' }).filter((row) => row.followUpId === followUpId)).toEqual([]);
    expect(jobOf('followUp.remind', followUpId)).toBeUndefined();
  });

  it('reminds halfway to the last day when the round is shorter than four weeks', () => {
    const invitedAt = Date.parse('2030-09-05T07:00:00Z');
    expect(reminderTime(invitedAt, '2030-10-05')).toBe(invitedAt + 14 * 86_400_000);
    expect(reminderTime(invitedAt, '2030-09-10')).toBe(invitedAt + Math.floor((Date.parse('2030-09-10T23:59:59Z') - invitedAt) / 2));
    expect(invitationTime('2030-09-05')).toBe(invitedAt);
  });
});

describe('the reminder', () => {
  it('goes once, only to those invited who have not submitted', async () => {
    const submitter = personas.viewers.eventParticipant as Viewer;
    const { event, followUpId } = openRound({ facilitator, participants: [{ userId: submitter.userId, role: 'participant' }, { userId: people.participant, role: 'participant' }, { userId: people.presenter, role: 'presenter' }] });
    const asSubmitter = viewerOf(submitter.userId);
    const step = (input: Record<string, unknown>) => saveFollowUpStep({ viewer: asSubmitter, input: { followUpId, intent: 'next', ...input } });
    step({ step: 'understanding', understanding: 'agree', transferAudience: ['internal'], transferFormality: ['informal'] });
    step({ step: 'applied', applied: 'agree', applicationWays: [] });
    step({ step: 'barriers', barriers: ['funding'] });
    step({ step: 'connections', connected: 'no' });
    expect(submitFollowUpResponse({ viewer: asSubmitter, input: { followUpId } })).toEqual({ missingStep: null });

    const handlers = createJobHandlers({ db: testDb(), transport: { send: async () => undefined } as never });
    expect(remindFollowUpParticipants(followUpId).sort()).toEqual([people.participant, people.presenter].sort());
    expect(notificationsOf(people.participant, { kind: 'follow_up_reminder' })).toMatchObject([{ eventId: event.id, followUpId }]);
    expect(notificationsOf(submitter.userId, { kind: 'follow_up_reminder' }).filter((row) => row.followUpId === followUpId)).toEqual([]);
    expect(responseOf(followUpId, people.participant)!.remindedAt).toBeInstanceOf(Date);
    expect(responseOf(followUpId, submitter.userId)!.remindedAt).toBeNull();
    expect(roundOf(followUpId).remindedAt).toBeInstanceOf(Date);

    // Never twice, however often the job runs.
    expect(remindFollowUpParticipants(followUpId)).toEqual([]);
    await handlers['followUp.remind']!({ followUpId });
    expect(notificationsOf(people.participant, { kind: 'follow_up_reminder' }).filter((row) => row.followUpId === followUpId)).toHaveLength(1);
  });

  it('reminds nobody once the round has closed', () => {
    const { followUpId } = openRound({ facilitator, participants: [{ userId: people.synthesis, role: 'synthesis' }], daysLeft: 2 });
    expect(remindFollowUpParticipants(followUpId, Date.parse(`${isoDay(5)}T08:00:00Z`))).toEqual([]);
    expect(notificationsOf(people.synthesis, { kind: 'follow_up_reminder' }).filter((row) => row.followUpId === followUpId)).toEqual([]);
  });

  it('shows an invitation only to the member invited', () => {
    const { followUpId } = openRound({ facilitator, participants: [{ userId: people.bystander, role: 'participant' }] });
    const rows = notificationsOf(people.bystander, { kind: 'follow_up' }).filter((row) => row.followUpId === followUpId);
    expect(describeNotifications(viewerOf(people.bystander), rows, 'en')).toHaveLength(1);
    expect(describeNotifications(viewerOf(people.participant), rows, 'en')).toHaveLength(0);
  });
});
