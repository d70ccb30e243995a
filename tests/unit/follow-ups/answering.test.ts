import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUps } from '@/db/schema/follow-ups';
import type { SurveyAnswers } from '@/lib/follow-ups/answers';
import { CompleteAnswers, firstIncompleteStep } from '@/lib/follow-ups/complete-answers';
import { saveFollowUpStep, submitFollowUpResponse } from '@/lib/follow-ups/mutations';
import { getFollowUpSurvey, listWaitingFollowUps } from '@/lib/follow-ups/queries';
import type { Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, fieldErrorsOf, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { isoDay, openRound, responseOf } from './helpers';

let personas: Personas;
let facilitator: Viewer;
let memberCount = 0;

beforeAll(async () => {
  personas = await seedPersonas();
  facilitator = personas.viewers.eventFacilitator as Viewer;
});

const question = { promptEn: 'Which session helped you most?', promptFr: 'Quelle session vous a le plus aidé ?' };

/** A new participant invited to a new open round (with one question of the facilitator's when asked). */
async function invitedMember(options: { withQuestion?: boolean } = {}) {
  memberCount += 1;
  const userId = await createTestUser({ username: `answering-${memberCount}`, displayName: `Respondent ${memberCount}`, locale: 'fr' });
  const { followUpId, event } = openRound({ facilitator, participants: [{ userId, role: 'participant' }], questions: options.withQuestion ? [question] : [] });
  const viewer = viewerOf(userId);
  const save = (input: Record<string, unknown>, as: Viewer | null = viewer) => saveFollowUpStep({ viewer: as, input: { followUpId, intent: 'next', ...input } });
  const stored = () => responseOf(followUpId, userId)!;
  const survey = (locale: 'en' | 'fr' = 'fr') => getFollowUpSurvey(viewer, followUpId, locale);
  return { userId, viewer, followUpId, event, save, stored, survey };
}

const understanding = { step: 'understanding', understanding: 'agree', transferAudience: ['internal', 'external'], transferFormality: ['formal'] };
const applied = { step: 'applied', applied: 'strongly_agree', applicationWays: ['reflected_on_practice', 'programming'] };
const barriers = { step: 'barriers', barriers: ['funding', 'hostile_environment'] };
const connections = { step: 'connections', connected: 'yes', connectionReasons: ['share_information', 'joint_funding'] };

describe('answering a follow-up, step by step', () => {
  it('merges each step into the stored answers and resumes at the first step not yet answered', async () => {
    const member = await invitedMember();
    expect(member.survey()).toMatchObject({ status: 'open', steps: ['understanding', 'retained', 'applied', 'barriers', 'connections'], resumeStep: 1, answers: {} });

    expect(member.save(understanding)).toEqual({ next: 2 });
    expect(member.survey().resumeStep).toBe(2);
    // What they remember is optional: saved empty, the step still counts as answered.
    expect(member.save({ step: 'retained', retained: '   ' })).toEqual({ next: 3 });
    expect(member.survey().resumeStep).toBe(3);
    expect(member.save(barriers)).toEqual({ next: 5 });
    // Step 3 was skipped: coming back lands there, not after the furthest step.
    expect(member.survey().resumeStep).toBe(3);
    expect(member.save(applied)).toEqual({ next: 4 });
    expect(member.survey().resumeStep).toBe(5);
    expect(member.save(connections)).toEqual({ next: 'review' });
    expect(member.survey().resumeStep).toBe('review');

    expect(member.stored().answers).toMatchObject({
      understanding: 'agree',
      transferAudience: ['internal', 'external'],
      transferFormality: ['formal'],
      applied: 'strongly_agree',
      applicationWays: ['reflected_on_practice', 'programming'],
      barriers: ['funding', 'hostile_environment'],
      connected: 'yes',
      connectionReasons: ['share_information', 'joint_funding'],
    });
    expect(member.stored().answers).not.toHaveProperty('retained');
    expect(member.stored().startedAt).toBeInstanceOf(Date);
    expect(member.stored().submittedAt).toBeNull();

    // Changing one step replaces that step's answers and keeps the others.
    member.save({ step: 'retained', retained: 'Peer navigators walk new clients to the clinic.' });
    member.save({ step: 'connections', connected: 'no', connectionReasons: ['share_information'] });
    expect(member.stored().answers).toMatchObject({ retained: 'Peer navigators walk new clients to the clinic.', connected: 'no', connectionReasons: [], barriers: ['funding', 'hostile_environment'] });
  });

  it('"save and finish later" keeps a half-answered step, which is then still the one to finish', async () => {
    const member = await invitedMember();
    expect(member.save({ step: 'understanding', intent: 'later', understanding: 'neutral', transferAudience: [], transferFormality: [] })).toEqual({ next: 2 });
    expect(member.stored().answers).toMatchObject({ understanding: 'neutral', transferAudience: [] });
    expect(member.survey().resumeStep).toBe(1);
    // Moving on needs the step complete.
    expect(fieldErrorsOf(() => member.save({ step: 'understanding', understanding: 'neutral', transferAudience: ['internal'] }))).toEqual({ transferFormality: 'followUps.errors.chooseHow' });
    expect(fieldErrorsOf(() => member.save({ step: 'understanding', understanding: '' }))).toEqual({ understanding: 'followUps.errors.chooseAnswer', transferAudience: 'followUps.errors.chooseAtLeastOne' });
    expect(fieldErrorsOf(() => member.save({ step: 'applied', applied: '' }))).toEqual({ applied: 'followUps.errors.chooseAnswer' });
    expect(fieldErrorsOf(() => member.save({ step: 'barriers' }))).toEqual({ barriers: 'followUps.errors.chooseBarrier' });
    expect(fieldErrorsOf(() => member.save({ step: 'connections' }))).toEqual({ connected: 'followUps.errors.chooseAnswer' });
    // "Not yet shared" needs no "how".
    expect(member.save({ step: 'understanding', understanding: 'neutral', transferAudience: ['not_yet'], transferFormality: ['formal'] })).toEqual({ next: 2 });
    expect(member.stored().answers).toMatchObject({ transferAudience: ['not_yet'], transferFormality: [] });
    expect(member.survey().resumeStep).toBe(2);
  });

  it('refuses invalid choices and exclusive options mixed with others, with translated keys, storing nothing', async () => {
    const member = await invitedMember();
    expect(fieldErrorsOf(() => member.save({ ...understanding, understanding: 'very_much' }))).toEqual({ understanding: 'errors.invalid_choice' });
    expect(fieldErrorsOf(() => member.save({ ...understanding, transferAudience: ['internal', 'the_press'] }))).toEqual({ transferAudience: 'errors.invalid_choice' });
    expect(fieldErrorsOf(() => member.save({ ...applied, applicationWays: ['world_peace'] }))).toEqual({ applicationWays: 'errors.invalid_choice' });
    expect(fieldErrorsOf(() => member.save({ ...connections, connected: 'maybe' }))).toEqual({ connected: 'errors.invalid_choice' });
    expect(fieldErrorsOf(() => member.save({ ...understanding, transferAudience: ['not_yet', 'internal'] }))).toEqual({ transferAudience: 'followUps.errors.notYetAlone' });
    expect(fieldErrorsOf(() => member.save({ step: 'barriers', barriers: ['none', 'funding'] }))).toEqual({ barriers: 'followUps.errors.noneAlone' });
    // Even when saving for later.
    expect(fieldErrorsOf(() => member.save({ step: 'barriers', intent: 'later', barriers: ['none', 'time'] }))).toEqual({ barriers: 'followUps.errors.noneAlone' });
    expect(fieldErrorsOf(() => member.save({ step: 'retained', retained: 'x'.repeat(2001) }))).toEqual({ retained: 'errors.too_long' });
    expect(fieldErrorsOf(() => member.save({ step: 'wishes' }))).toHaveProperty('step');
    expect(member.stored().answers).toEqual({});
    expect(member.stored().startedAt).toBeNull();
    // A step the round does not have (no questions of the facilitator's).
    expectAppError(thrownBy(() => member.save({ step: 'custom' })), 'invalid_input');
  });

  it('submits only complete answers, sending the member to the step that is missing; then answers are final', async () => {
    const member = await invitedMember();
    expect(submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })).toEqual({ missingStep: 1 });
    member.save(understanding);
    member.save({ step: 'retained', retained: '' });
    member.save(applied);
    expect(submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })).toEqual({ missingStep: 4 });
    member.save({ step: 'barriers', barriers: ['none'] });
    expect(submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })).toEqual({ missingStep: 5 });
    expect(member.stored().submittedAt).toBeNull();
    member.save({ step: 'connections', connected: 'no' });
    expect(submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })).toEqual({ missingStep: null });
    expect(member.stored().submittedAt).toBeInstanceOf(Date);
    expect(member.survey().status).toBe('submitted');
    expect(CompleteAnswers.safeParse(member.stored().answers).success).toBe(true);

    const before = member.stored().answers;
    expectAppError(thrownBy(() => member.save({ step: 'barriers', barriers: ['funding'] })), 'conflict');
    expectAppError(thrownBy(() => submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })), 'conflict');
    expect(member.stored().answers).toEqual(before);
    expect(listWaitingFollowUps(member.viewer, 'en')).toEqual([]);
  });

  it('asks the facilitator’s questions in the member’s language as a last step, answered by question', async () => {
    const member = await invitedMember({ withQuestion: true });
    const survey = member.survey('fr');
    expect(survey.steps).toEqual(['understanding', 'retained', 'applied', 'barriers', 'connections', 'custom']);
    expect(survey.questions).toEqual([{ id: expect.any(String), prompt: question.promptFr }]);
    expect(member.survey('en').questions[0]!.prompt).toBe(question.promptEn);
    const questionId = survey.questions[0]!.id;
    for (const step of [understanding, { step: 'retained' }, applied, barriers]) member.save(step);
    expect(member.save(connections)).toEqual({ next: 6 });
    expect(fieldErrorsOf(() => member.save({ step: 'custom', [`custom_${questionId}`]: 'y'.repeat(2001) }))).toEqual({ [`custom_${questionId}`]: 'errors.too_long' });
    expect(member.save({ step: 'custom', [`custom_${questionId}`]: ' La session sur la sécurité. ', custom_unknown: 'ignored' })).toEqual({ next: 'review' });
    expect(member.stored().answers.custom).toEqual({ [questionId]: 'La session sur la sécurité.' });
    expect(member.survey().resumeStep).toBe('review');
    expect(submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })).toEqual({ missingStep: null });
  });

  it('is listed for the member while it waits for their answers', async () => {
    const member = await invitedMember();
    expect(listWaitingFollowUps(member.viewer, 'fr')).toEqual([{ id: member.followUpId, eventTitle: member.event.titleFr, closesOn: isoDay(30), isStarted: false }]);
    member.save(understanding);
    expect(listWaitingFollowUps(member.viewer, 'en')).toMatchObject([{ id: member.followUpId, eventTitle: member.event.titleEn, isStarted: true }]);
  });
});

describe('who may answer, and when', () => {
  it('refuses answers once the round has closed or was cancelled, and before it opens', async () => {
    const member = await invitedMember();
    member.save(understanding);
    const setRound = (values: Partial<typeof followUps.$inferInsert>) => testDb().update(followUps).set(values).where(eq(followUps.id, member.followUpId)).run();

    setRound({ closesOn: isoDay(-1) });
    expect(member.survey().status).toBe('closed');
    expectAppError(thrownBy(() => member.save(applied)), 'forbidden');
    expectAppError(thrownBy(() => submitFollowUpResponse({ viewer: member.viewer, input: { followUpId: member.followUpId } })), 'forbidden');
    expect(listWaitingFollowUps(member.viewer, 'en')).toEqual([]);

    setRound({ closesOn: isoDay(10), cancelledAt: new Date() });
    expect(member.survey().status).toBe('cancelled');
    expectAppError(thrownBy(() => member.save(applied)), 'forbidden');

    setRound({ cancelledAt: null, opensOn: isoDay(2) });
    expect(member.survey().status).toBe('notYetOpen');
    expectAppError(thrownBy(() => member.save(applied)), 'forbidden');
    expect(member.stored().answers).not.toHaveProperty('applied');

    setRound({ opensOn: isoDay(-1) });
    expect(member.save(applied)).toEqual({ next: 4 });
  });

  it('rejects a viewer without rights: nobody else reads or writes someone’s response', async () => {
    const member = await invitedMember();
    member.save(understanding);
    const others = [personas.viewers.eventParticipant, personas.viewers.organisationMember, personas.viewers.moderator, personas.viewers.admin, viewerOf(facilitator.userId)];
    for (const viewer of others) {
      expectAppError(thrownBy(() => getFollowUpSurvey(viewer, member.followUpId, 'en')), 'not_found');
      expectAppError(thrownBy(() => member.save(applied, viewer)), 'not_found');
      expectAppError(thrownBy(() => submitFollowUpResponse({ viewer, input: { followUpId: member.followUpId } })), 'not_found');
    }
    expectAppError(thrownBy(() => getFollowUpSurvey(null, member.followUpId, 'en')), 'unauthenticated');
    expectAppError(thrownBy(() => member.save(applied, null)), 'unauthenticated');
    expectAppError(thrownBy(() => getFollowUpSurvey(member.viewer, 'no-such-round', 'en')), 'not_found');
    expect(member.stored().answers).not.toHaveProperty('applied');
  });
});

describe('the completeness check', () => {
  it('needs understanding, an audience, how (unless not yet), applied, barriers and whether they connected', () => {
    const complete: SurveyAnswers = { understanding: 'agree', transferAudience: ['internal'], transferFormality: ['informal'], applied: 'agree', barriers: ['time'], connected: 'no' };
    expect(CompleteAnswers.safeParse(complete).success).toBe(true);
    expect(firstIncompleteStep({ ...complete })).toBeNull();
    expect(firstIncompleteStep({ ...complete, transferFormality: [] })).toBe('understanding');
    expect(firstIncompleteStep({ ...complete, transferAudience: ['not_yet'], transferFormality: [] })).toBeNull();
    expect(firstIncompleteStep({ ...complete, barriers: ['none', 'time'] })).toBe('barriers');
    expect(firstIncompleteStep({ ...complete, connected: undefined })).toBe('connections');
    const refused = CompleteAnswers.safeParse({ ...complete, applied: undefined, transferAudience: ['not_yet', 'external'] });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['transferAudience', 'followUps.errors.notYetAlone'],
      ['applied', 'followUps.errors.chooseAnswer'],
    ]);
  });
});
