import { beforeAll, describe, expect, it } from 'vitest';
import { appliedStories, appliedStoryThemes } from '@/db/schema/stories';
import { themes } from '@/db/schema/synthesis';
import { addParticipant } from '@/db/seed/factories';
import { AppError } from '@/lib/errors';
import { surveyChartKeys, type ShownShareChart } from '@/lib/impact/aggregate';
import { exportImpactAnswers, getEventImpact, getImpactChart, getNetworkImpact } from '@/lib/impact/queries';
import { newId } from '@/lib/ids';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { cellsOf, observe, type Cell } from '../../support/policy-table';
import { seedPersonas, viewerOf, type PersonaName, type Personas } from '../../support/personas';
import { completeAnswer, createRespondents, insertImpactEvent, insertResponse, insertRound } from './fixtures';

let personas: Personas;
let admin: Viewer;

beforeAll(async () => {
  personas = await seedPersonas();
  admin = personas.viewers.admin as Viewer;
});

const personaSlugs = () => ({ event: 'persona-event' });
const scopes = ['event', 'network'] as const;
const policyPersonas = ['anonymous', 'otherOrganisationMember', 'eventParticipant', 'eventFacilitator', 'otherEventFacilitator', 'moderator', 'admin'] as const satisfies readonly PersonaName[];

/** What a query does for a viewer, as a policy cell: 'Y' it returns, else the AppError it throws. */
function observeQuery(run: () => unknown): Cell {
  try {
    run();
    return 'Y';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return ({ not_found: 'n', forbidden: 'f', unauthenticated: 'u' } as Record<string, Cell>)[error.code] ?? (error.code as Cell);
  }
}

describe('who may read and export impact figures', () => {
  // Columns: an event (E1) and the network. 'Y' allowed, 'n' not found, 'f' forbidden, 'u' sign in first.
  const rule: Record<'impact.read' | 'impact.export', Record<(typeof policyPersonas)[number], string>> = {
    'impact.read': {
      anonymous: '               n n',
      otherOrganisationMember: ' n Y',
      eventParticipant: '        Y Y',
      eventFacilitator: '        Y Y',
      otherEventFacilitator: '   n Y',
      moderator: '               n Y',
      admin: '                   Y Y',
    },
    'impact.export': {
      anonymous: '               n n',
      otherOrganisationMember: ' n f',
      eventParticipant: '        f f',
      eventFacilitator: '        Y f',
      otherEventFacilitator: '   n f',
      moderator: '               n f',
      admin: '                   Y Y',
    },
  };

  for (const action of ['impact.read', 'impact.export'] as const) {
    it.each(policyPersonas)(`${action}: %s`, (persona) => {
      const expected = cellsOf(rule[action][persona], scopes);
      const viewer = personas.viewers[persona];
      const event = { id: personas.eventId, visibility: 'public' as const };
      expect({ event: observe(viewer, action, { event }), network: observe(viewer, action, { event: null }) }).toEqual(expected);
    });
  }

  // The queries apply the rule, and ask anonymous visitors to sign in before looking anything up.
  const queries: Record<(typeof policyPersonas)[number], string> = {
    //                          read:event read:network export:event export:network
    anonymous: '               u u u u',
    otherOrganisationMember: ' n Y n f',
    eventParticipant: '        Y Y f f',
    eventFacilitator: '        Y Y Y f',
    otherEventFacilitator: '   n Y n f',
    moderator: '               n Y n f',
    admin: '                   Y Y Y Y',
  };
  it.each(policyPersonas)('the dashboard and export queries: %s', (persona) => {
    const viewer = personas.viewers[persona];
    const expected = cellsOf(queries[persona], ['readEvent', 'readNetwork', 'exportEvent', 'exportNetwork'] as const);
    expect({
      readEvent: observeQuery(() => getEventImpact(viewer, { slug: personaSlugs().event, locale: 'en' })),
      readNetwork: observeQuery(() => getNetworkImpact(viewer, 'en')),
      exportEvent: observeQuery(() => exportImpactAnswers(viewer, { slug: personaSlugs().event })),
      exportNetwork: observeQuery(() => exportImpactAnswers(viewer, {})),
    }).toEqual(expected);
  });

  it('rejects a viewer without rights: a chart image of an event they did not take part in is not found, and an unknown event too', () => {
    expectAppError(thrownBy(() => getImpactChart(personas.viewers.otherEventFacilitator, { slug: 'persona-event', chartKey: 'stories', locale: 'en' })), 'not_found');
    expectAppError(thrownBy(() => getEventImpact(admin, { slug: 'no-such-event', locale: 'en' })), 'not_found');
    expectAppError(thrownBy(() => getImpactChart(null, { chartKey: 'stories', locale: 'en' })), 'unauthenticated');
  });
});

describe('an event’s figures', () => {
  it('hides every chart, the export and the images while 4 answered; shows them once 5 have', async () => {
    const event = insertImpactEvent();
    const round = insertRound(event.id, '2030-05-01');
    const [fifth, ...people] = await createRespondents(8);
    addParticipant(testDb(), event.id, personas.userIds.eventFacilitator, 'facilitator');
    const facilitator = viewerOf(personas.userIds.eventFacilitator);
    people.forEach((person, index) => insertResponse(round, person.id, index < 4 ? completeAnswer() : null, index < 4 ? new Date('2030-05-03T10:00:00Z') : undefined));
    insertResponse(round, fifth!.id, null);

    const small = getEventImpact(facilitator, { slug: event.slug, locale: 'en' });
    for (const key of surveyChartKeys) expect(small.charts[key], key).toEqual({ key, status: 'hidden' });
    expect(small.canExport).toBe(false);
    expect(small.rounds).toEqual([{ id: round, opensOn: '2030-05-01', monthsAfter: 6, isSmall: true }]);
    expect(exportImpactAnswers(facilitator, { slug: event.slug })).toEqual({ status: 'refused' });
    for (const chartKey of surveyChartKeys) expectAppError(thrownBy(() => getImpactChart(facilitator, { slug: event.slug, chartKey, locale: 'en' })), 'not_found');

    // The fifth member submits.
    testDb().$client.prepare('update follow_up_responses set answers = ?, submitted_at = ? where follow_up_id = ? and user_id = ?').run(JSON.stringify(completeAnswer({ understanding: 'neutral' })), Date.parse('2030-05-20T09:00:00Z'), round, fifth!.id);
    const enough = getEventImpact(facilitator, { slug: event.slug, locale: 'en' });
    for (const key of surveyChartKeys) expect(enough.charts[key].status, key).toBe('shown');
    expect((enough.charts.responseRate as ShownShareChart).rows[0]).toMatchObject({ count: 5, share: 5 / 8 });
    expect((enough.charts.understanding as ShownShareChart).rows[0]).toMatchObject({ count: 4, share: 0.8 });
    expect(enough.canExport).toBe(true);
    expect(enough.rounds[0]!.isSmall).toBe(false);
    expect(exportImpactAnswers(facilitator, { slug: event.slug }).status).toBe('ready');
    expect(getImpactChart(facilitator, { slug: event.slug, chartKey: 'understanding', locale: 'fr' })).toMatchObject({ status: 'shown', title: 'Une meilleure compréhension', fileName: `impact-${event.slug}-understanding` });
    // A participant reads the figures but cannot download the answers; a member who did not take part reads nothing.
    expectAppError(thrownBy(() => getEventImpact(viewerOf(people[0]!.id), { slug: event.slug, locale: 'en' })), 'not_found');
    addParticipant(testDb(), event.id, people[0]!.id, 'participant');
    expect(getEventImpact(viewerOf(people[0]!.id), { slug: event.slug, locale: 'en' }).canExport).toBe(false);
  });

  it('counts each participant once with their latest answers by default; a chosen round counts only its own', async () => {
    const event = insertImpactEvent();
    const older = insertRound(event.id, '2030-01-10');
    const newer = insertRound(event.id, '2030-07-10');
    const cancelled = insertRound(event.id, '2030-09-10', { cancelled: true });
    const people = await createRespondents(7);
    for (const person of people) addParticipant(testDb(), event.id, person.id, 'participant');
    people.slice(0, 5).forEach((person) => insertResponse(older, person.id, completeAnswer({ understanding: 'disagree' }), new Date('2030-01-12T10:00:00Z')));
    insertResponse(older, people[5]!.id, null);
    insertResponse(newer, people[0]!.id, completeAnswer({ understanding: 'strongly_agree' }), new Date('2030-07-11T10:00:00Z'));
    insertResponse(newer, people[1]!.id, null);
    // A cancelled round is never counted, even with a stray submitted row.
    insertResponse(cancelled, people[6]!.id, completeAnswer(), new Date('2030-09-11T10:00:00Z'));
    const viewer = viewerOf(people[2]!.id);

    const latest = getEventImpact(viewer, { slug: event.slug, locale: 'en' });
    expect(latest.round).toBeNull();
    expect(latest.rounds.map((option) => [option.id, option.isSmall])).toEqual([
      [newer, true],
      [older, false],
    ]);
    // Six members invited (people 1 to 6, each once), five answered; person 1 counts with the newer answer.
    expect(latest.charts.responseRate).toMatchObject({ status: 'shown', base: 6, rows: [{ count: 5, share: 5 / 6 }] });
    expect(latest.charts.understanding).toMatchObject({ status: 'shown', base: 5, rows: [{ count: 1, share: 0.2 }] });
    expect(latest.selection).toEqual({ kind: 'event', eventTitle: expect.stringMatching(/^Impact test \d+$/), round: null });

    const first = getEventImpact(viewer, { slug: event.slug, roundId: older, locale: 'en' });
    expect(first.round?.id).toBe(older);
    expect(first.charts.responseRate).toMatchObject({ base: 6, rows: [{ count: 5 }] });
    expect(first.charts.understanding).toMatchObject({ base: 5, rows: [{ count: 0, share: 0 }] });

    const second = getEventImpact(viewer, { slug: event.slug, roundId: newer, locale: 'en' });
    for (const key of surveyChartKeys) expect(second.charts[key].status, key).toBe('hidden');

    // Another event's round, or a cancelled one, is not a round of this dashboard.
    const other = insertImpactEvent();
    const otherRound = insertRound(other.id, '2030-01-10');
    expectAppError(thrownBy(() => getEventImpact(viewer, { slug: event.slug, roundId: otherRound, locale: 'en' })), 'not_found');
    expectAppError(thrownBy(() => getEventImpact(viewer, { slug: event.slug, roundId: cancelled, locale: 'en' })), 'not_found');
  });
});

describe('stories over time', () => {
  it('counts only the stories the viewer may read; an event’s only those linked to its themes', async () => {
    const db = testDb();
    const themeId = newId();
    db.insert(themes).values({ id: themeId, eventId: personas.eventId, kind: 'emerging_theme', titleEn: 'Theme', titleFr: 'Thème', visibility: 'members' }).run();
    const story = (input: { visibility: 'public' | 'members' | 'organisation'; organisationId: string; on: string; linked: boolean }) => {
      const id = newId();
      db.insert(appliedStories)
        .values({ id, authorId: personas.userIds.author, organisationId: input.organisationId, title: 'A story', body: 'How we applied it.', applicationWays: ['programming'], visibility: input.visibility, createdAt: new Date(input.on), updatedAt: new Date(input.on) })
        .run();
      if (input.linked) db.insert(appliedStoryThemes).values({ storyId: id, themeId }).run();
    };
    story({ visibility: 'public', organisationId: personas.organisationId, on: '2019-03-01', linked: true });
    story({ visibility: 'members', organisationId: personas.organisationId, on: '2020-03-01', linked: true });
    story({ visibility: 'organisation', organisationId: personas.organisationId, on: '2020-06-01', linked: true });
    story({ visibility: 'organisation', organisationId: personas.otherOrganisationId, on: '2021-06-01', linked: true });
    story({ visibility: 'public', organisationId: personas.otherOrganisationId, on: '2018-06-01', linked: false });

    const yearsFor = (viewer: MaybeViewer) => getNetworkImpact(viewer, 'en').stories.rows.map((row) => [row.key, row.count]);
    expect(yearsFor(personas.viewers.otherOrganisationMember)).toEqual([
      ['2018', 1],
      ['2019', 1],
      ['2020', 1],
      ['2021', 1],
    ]);
    expect(yearsFor(personas.viewers.organisationMember)).toEqual([
      ['2018', 1],
      ['2019', 1],
      ['2020', 2],
    ]);
    // The author reads their own stories whatever the visibility, O2's organisation-only one included.
    expect(getNetworkImpact(personas.viewers.author, 'en').stories.total).toBe(5);

    const eventStories = getEventImpact(personas.viewers.eventParticipant, { slug: 'persona-event', locale: 'en' }).stories;
    expect(eventStories).toEqual({ key: 'stories', status: 'shown', total: 2, rows: [{ key: '2019', count: 1 }, { key: '2020', count: 1 }] });
    expect(getImpactChart(personas.viewers.eventParticipant, { slug: 'persona-event', chartKey: 'stories', locale: 'en' }).view.rows.map((row) => row.count)).toEqual([1, 1]);
  });
});
