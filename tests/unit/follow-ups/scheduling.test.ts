import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '@/lib/notifications/refreshers';
import { AppError } from '@/lib/errors';
import { addFollowUpQuestion, cancelFollowUp, removeFollowUpQuestion } from '@/lib/follow-ups/mutations';
import { invitationTime } from '@/lib/follow-ups/rounds';
import { inviteFollowUpParticipants } from '@/lib/follow-ups/invitations';
import { listFollowUps } from '@/lib/follow-ups/queries';
import type { Viewer } from '@/lib/policy/types';
import { expectAppError, fieldErrorsOf, thrownBy } from '../../support/errors';
import { seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { isoDay, jobOf, newEvent, questionsOf, roundOf, roundsOf, schedule, today } from './helpers';

let personas: Personas;
let facilitator: Viewer;

beforeAll(async () => {
  personas = await seedPersonas();
  facilitator = personas.viewers.eventFacilitator as Viewer;
});

const event = (endsOn: string, extra: { visibility?: 'public' | 'members' } = {}) => newEvent(endsOn, facilitator.userId, extra);
// Read again after joining a new event: a viewer's roles are read once per request.
const asFacilitator = () => viewerOf(facilitator.userId);

describe('scheduling follow-up surveys', () => {
  it('opens rounds 6 and 12 months after the event ends, invited on the morning of each day, open 30 days', () => {
    const { id } = event('2030-01-31');
    const { scheduled } = schedule(asFacilitator(), id, { months: ['6', '12'] });
    expect(scheduled).toEqual(['2030-07-31', '2031-01-31']);
    expect(roundsOf(id).map((round) => [round.opensOn, round.closesOn, round.monthsAfter, round.invitedAt, round.cancelledAt])).toEqual([
      ['2030-07-31', '2030-08-30', 6, null, null],
      ['2031-01-31', '2031-03-02', 12, null, null],
    ]);
    for (const round of roundsOf(id)) expect(jobOf('followUp.invite', round.id)).toMatchObject({ kind: 'followUp.invite', status: 'pending', payload: { followUpId: round.id }, runAt: invitationTime(round.opensOn) });
    expect(invitationTime('2030-07-31')).toBe(Date.parse('2030-07-31T07:00:00Z'));
  });

  it('is idempotent: a day already scheduled is kept, not doubled', () => {
    const { id } = event('2030-03-05');
    expect(schedule(asFacilitator(), id, { months: ['6'] }).scheduled).toEqual(['2030-09-05']);
    expect(schedule(asFacilitator(), id, { months: ['6', '12'], openDays: '10' }).scheduled).toEqual(['2031-03-05']);
    expect(schedule(asFacilitator(), id, { months: ['6', '12'], opensOn: '2030-09-05' }).scheduled).toEqual([]);
    expect(roundsOf(id).map((round) => [round.opensOn, round.closesOn])).toEqual([
      ['2030-09-05', '2030-10-05'],
      ['2031-03-05', '2031-03-15'],
    ]);
  });

  it('skips default days already past (an old event)', () => {
    const endsOn = addMonths(today(), -8);
    const { id } = event(endsOn);
    expect(schedule(asFacilitator(), id, { months: ['6', '12'] }).scheduled).toEqual([addMonths(endsOn, 12)]);
    expect(roundsOf(id).map((round) => round.monthsAfter)).toEqual([12]);
    // Nothing left to schedule: nothing new, and no error.
    const old = event('2015-05-21');
    expect(schedule(asFacilitator(), old.id, { months: ['6', '12'] }).scheduled).toEqual([]);
    expect(roundsOf(old.id)).toEqual([]);
  });

  it('takes a day of the facilitator’s choosing from today on, and refuses one in the past with a translated error', () => {
    const { id } = event('2030-03-05');
    const past = thrownBy(() => schedule(asFacilitator(), id, { months: ['6'], opensOn: isoDay(-1) }));
    expectAppError(past, 'invalid_input');
    expect((past as AppError).message).toBe('errors.date_in_past');
    expect(roundsOf(id)).toEqual([]);

    expect(schedule(asFacilitator(), id, { opensOn: today(), openDays: '14' }).scheduled).toEqual([today()]);
    expect(roundsOf(id)).toMatchObject([{ opensOn: today(), closesOn: isoDay(14), monthsAfter: null }]);
    expect((thrownBy(() => schedule(asFacilitator(), id)) as AppError).message).toBe('errors.choose_one');
  });

  it('closes a round at least a day after it opens: the length is a whole number of days from 1 to 180', () => {
    const { id } = event('2030-03-05');
    expect(fieldErrorsOf(() => schedule(asFacilitator(), id, { months: ['6'], openDays: '0' }))).toEqual({ openDays: 'errors.too_small' });
    expect(fieldErrorsOf(() => schedule(asFacilitator(), id, { months: ['6'], openDays: '181' }))).toEqual({ openDays: 'errors.too_large' });
    expect(fieldErrorsOf(() => schedule(asFacilitator(), id, { months: ['6'], openDays: 'soon' }))).toEqual({ openDays: 'errors.number' });
    expect(fieldErrorsOf(() => schedule(asFacilitator(), id, { months: ['3'] }))).toEqual({ months: 'errors.invalid_choice' });
    expect(fieldErrorsOf(() => schedule(asFacilitator(), id, { opensOn: '5 May' }))).toEqual({ opensOn: 'errors.invalid_date' });
    expect(roundsOf(id)).toEqual([]);
    schedule(asFacilitator(), id, { months: ['6'], openDays: '1' });
    expect(roundsOf(id)).toMatchObject([{ opensOn: '2030-09-05', closesOn: '2030-09-06' }]);
  });

  it('cancels a round before its invitations go out, and plans a cancelled day again', () => {
    const { id } = event('2030-03-05');
    schedule(asFacilitator(), id, { months: ['6'] });
    const round = roundsOf(id)[0]!;
    cancelFollowUp({ viewer: asFacilitator(), input: { followUpId: round.id } });
    expect(roundOf(round.id).cancelledAt).toBeInstanceOf(Date);
    expect(listFollowUps(asFacilitator(), id)).toMatchObject([{ id: round.id, status: 'cancelled', isEditable: false }]);

    expect(schedule(asFacilitator(), id, { months: ['6'], openDays: '20' }).scheduled).toEqual(['2030-09-05']);
    expect(roundsOf(id)).toHaveLength(1);
    expect(roundOf(round.id)).toMatchObject({ cancelledAt: null, closesOn: '2030-09-25' });
    expect(jobOf('followUp.invite', round.id)).toMatchObject({ runAt: invitationTime('2030-09-05') });
  });

  it('keeps a round once its participants are invited: it can no longer be cancelled', () => {
    const { id } = event('2030-03-05');
    schedule(asFacilitator(), id, { opensOn: today() });
    const round = roundsOf(id)[0]!;
    inviteFollowUpParticipants(round.id);
    const error = thrownBy(() => cancelFollowUp({ viewer: asFacilitator(), input: { followUpId: round.id } }));
    expectAppError(error, 'conflict');
    expect((error as AppError).message).toBe('followUps.errors.alreadyInvited');
    expect(roundOf(round.id).cancelledAt).toBeNull();
  });

  it('rejects a viewer without rights', () => {
    const publicEvent = event('2030-03-05');
    const membersOnly = event('2030-03-05', { visibility: 'members' });
    expectAppError(thrownBy(() => schedule(null, publicEvent.id, { months: ['6'] })), 'unauthenticated');
    expectAppError(thrownBy(() => schedule(null, membersOnly.id, { months: ['6'] })), 'not_found');
    for (const persona of ['eventParticipant', 'otherEventFacilitator', 'organisationEditor', 'moderator'] as const) {
      expectAppError(thrownBy(() => schedule(personas.viewers[persona], publicEvent.id, { months: ['6'] })), 'forbidden');
      expectAppError(thrownBy(() => listFollowUps(personas.viewers[persona], publicEvent.id)), 'forbidden');
    }
    expect(roundsOf(publicEvent.id)).toEqual([]);
    // Admins run follow-up for every event.
    expect(schedule(personas.viewers.admin, publicEvent.id, { months: ['6'] }).scheduled).toEqual(['2030-09-05']);
    const round = roundsOf(publicEvent.id)[0]!;
    for (const viewer of [personas.viewers.eventParticipant, personas.viewers.otherEventFacilitator]) {
      expectAppError(thrownBy(() => cancelFollowUp({ viewer, input: { followUpId: round.id } })), 'forbidden');
    }
    expect(roundOf(round.id).cancelledAt).toBeNull();
  });
});

describe('the facilitator’s own questions', () => {
  const question = { promptEn: 'Which session helped you most?', promptFr: 'Quelle session vous a le plus aidé ?' };

  it('are added in both languages, in order, and removed, before invitations go out', () => {
    const { id } = event('2030-03-05');
    schedule(asFacilitator(), id, { months: ['6'] });
    const round = roundsOf(id)[0]!;
    const first = addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId: round.id, ...question } });
    addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId: round.id, promptEn: 'What would you change?', promptFr: 'Que changeriez-vous ?' } });
    expect(listFollowUps(asFacilitator(), id)[0]!.questions).toEqual([
      { id: first.id, ...question },
      { id: expect.any(String), promptEn: 'What would you change?', promptFr: 'Que changeriez-vous ?' },
    ]);
    removeFollowUpQuestion({ viewer: asFacilitator(), input: { questionId: first.id } });
    expect(questionsOf(round.id).map((row) => row.promptEn)).toEqual(['What would you change?']);
  });

  it('need both languages, each at most 300 characters', () => {
    const { id } = event('2030-03-05');
    schedule(asFacilitator(), id, { months: ['6'] });
    const followUpId = roundsOf(id)[0]!.id;
    expect(fieldErrorsOf(() => addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId, promptEn: question.promptEn, promptFr: '  ' } }))).toEqual({ promptFr: 'errors.required' });
    expect(fieldErrorsOf(() => addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId, promptEn: '', promptFr: question.promptFr } }))).toEqual({ promptEn: 'errors.required' });
    expect(fieldErrorsOf(() => addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId, promptEn: 'x'.repeat(301), promptFr: question.promptFr } }))).toEqual({ promptEn: 'errors.too_long' });
    expect(questionsOf(followUpId)).toEqual([]);
  });

  it('cannot change once participants are invited', () => {
    const { id } = event('2030-03-05');
    schedule(asFacilitator(), id, { opensOn: today() });
    const followUpId = roundsOf(id)[0]!.id;
    const kept = addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId, ...question } });
    inviteFollowUpParticipants(followUpId);
    expectAppError(thrownBy(() => addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId, ...question } })), 'conflict');
    expectAppError(thrownBy(() => removeFollowUpQuestion({ viewer: asFacilitator(), input: { questionId: kept.id } })), 'conflict');
    expect(questionsOf(followUpId)).toHaveLength(1);
  });

  it('rejects a viewer without rights', () => {
    const { id } = event('2030-03-05');
    const membersOnly = event('2030-03-05', { visibility: 'members' });
    schedule(asFacilitator(), id, { months: ['6'] });
    schedule(asFacilitator(), membersOnly.id, { months: ['6'] });
    const followUpId = roundsOf(id)[0]!.id;
    const kept = addFollowUpQuestion({ viewer: asFacilitator(), input: { followUpId, ...question } });
    expectAppError(thrownBy(() => addFollowUpQuestion({ viewer: null, input: { followUpId: roundsOf(membersOnly.id)[0]!.id, ...question } })), 'not_found');
    expectAppError(thrownBy(() => addFollowUpQuestion({ viewer: null, input: { followUpId, ...question } })), 'unauthenticated');
    for (const persona of ['eventParticipant', 'otherEventFacilitator', 'organisationMember', 'moderator'] as const) {
      expectAppError(thrownBy(() => addFollowUpQuestion({ viewer: personas.viewers[persona], input: { followUpId, ...question } })), 'forbidden');
      expectAppError(thrownBy(() => removeFollowUpQuestion({ viewer: personas.viewers[persona], input: { questionId: kept.id } })), 'forbidden');
    }
    expect(questionsOf(followUpId).map((row) => row.id)).toEqual([kept.id]);
  });
});
