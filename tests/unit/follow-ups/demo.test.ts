import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { events } from '@/db/schema/events';
import { followUps } from '@/db/schema/follow-ups';
import { jobs } from '@/db/schema/jobs';
import { seedDemoNetwork } from '@/db/seed/demo';
import { CompleteAnswers } from '@/lib/follow-ups/complete-answers';
import { getFollowUpSurvey, listFollowUps, listWaitingFollowUps } from '@/lib/follow-ups/queries';
import { isRoundOpen } from '@/lib/follow-ups/rounds';
import { listNotifications } from '@/lib/notifications/queries';
import { testDb } from '../../support/database';
import { viewerOf } from '../../support/personas';
import { responsesOf } from './helpers';

// The demo follow-ups on the whole demo network: a closed 12-month round per LSE with enough answers for
// the dashboard, and a round open today on each that the demo accounts can answer.

const idOf = (username: string) => testDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
const eventIdOf = (slug: string) => testDb().select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()!.id;
const roundsOfEvent = (slug: string) => testDb().select().from(followUps).where(eq(followUps.eventId, eventIdOf(slug))).all().sort((a, b) => a.opensOn.localeCompare(b.opensOn));

beforeAll(async () => {
  await seedDemoNetwork(testDb(), fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-demo-')));
}, 60_000);

describe('the demo follow-up surveys', () => {
  it('hold the 12-month rounds of 2016 and 2017, mostly answered, complete, with some never answered', () => {
    for (const [slug, year] of [['lse-1', '2016'], ['lse-2', '2017']] as const) {
      const past = roundsOfEvent(slug)[0]!;
      expect(past).toMatchObject({ monthsAfter: 12, cancelledAt: null });
      expect(past.opensOn.startsWith(year)).toBe(true);
      expect(past.invitedAt).toBeInstanceOf(Date);
      const responses = responsesOf(past.id);
      const submitted = responses.filter((row) => row.submittedAt);
      expect(submitted.length).toBeGreaterThanOrEqual(5);
      expect(submitted.length / responses.length).toBeGreaterThan(0.6);
      expect(responses.length - submitted.length).toBeGreaterThanOrEqual(3);
      for (const row of submitted) expect(CompleteAnswers.safeParse(row.answers).success).toBe(true);
      for (const row of responses.filter((response) => !response.submittedAt)) expect(row.answers).toEqual({});
    }
  });

  it('has a round open today on each LSE, with its own question, invitations and one reminder job', () => {
    for (const slug of ['lse-1', 'lse-2']) {
      const open = roundsOfEvent(slug).at(-1)!;
      expect(isRoundOpen(open)).toBe(true);
      expect(open.invitedAt).toBeInstanceOf(Date);
      expect(testDb().select().from(jobs).where(eq(jobs.uniqueKey, `followUp.remind:${open.id}`)).get()).toMatchObject({ status: 'pending' });
      const facilitator = viewerOf(idOf(slug === 'lse-1' ? 'facilitator' : 'animatrice'));
      const [listed] = listFollowUps(facilitator, eventIdOf(slug)).filter((round) => round.id === open.id);
      expect(listed).toMatchObject({ status: 'open', isEditable: false, questions: [expect.objectContaining({ promptEn: expect.any(String), promptFr: expect.any(String) })] });
      expect(listed!.submittedCount).toBeGreaterThanOrEqual(1);
    }
  });

  it('leaves Nomvula and Baraka (LSE 1) and Fatou (LSE 2, in French) an open survey to answer, announced in their notifications', () => {
    for (const username of ['participant', 'member', 'fatou']) {
      const viewer = viewerOf(idOf(username));
      const waiting = listWaitingFollowUps(viewer, viewer.locale);
      expect(waiting).toHaveLength(1);
      expect(waiting[0]!.isStarted).toBe(false);
      const survey = getFollowUpSurvey(viewer, waiting[0]!.id, viewer.locale);
      expect(survey).toMatchObject({ status: 'open', resumeStep: 1, answers: {} });
      expect(listNotifications(viewer, viewer.locale).filter((item) => item.kind === 'follow_up').map((item) => item.href)).toEqual([`/follow-ups/${survey.id}`]);
    }
    const fatou = viewerOf(idOf('fatou'));
    const survey = getFollowUpSurvey(fatou, listWaitingFollowUps(fatou, 'fr')[0]!.id, 'fr');
    expect(survey.event.title).toMatch(/^LSE 2 :/);
    expect(survey.steps).toHaveLength(6);
    expect(survey.questions[0]!.prompt).toBe('Qu’aimeriez-vous que la rencontre de rappel aborde ?');
  });
});
