import { beforeAll, describe, expect, it } from 'vitest';
import { addParticipant } from '@/db/seed/factories';
import { applicationWays, barrierKeys, surveyConnectionReasons } from '@/lib/follow-ups/answers';
import { exportImpactAnswers } from '@/lib/impact/queries';
import { answerTable, shuffle, submissionMonth } from '@/lib/impact/export';
import type { Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { completeAnswer, createRespondents, insertImpactEvent, insertQuestion, insertResponse, insertRound, parseCsv, seededRandomIndex } from './fixtures';

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

/** The cells of the file, read back by an RFC 4180 reader (the byte order mark removed). */
const rowsOf = (csv: string) => parseCsv(csv.slice(1));

async function eventWithTwelveAnswers() {
  const event = insertImpactEvent();
  const round = insertRound(event.id, '2030-05-01');
  const question = insertQuestion(round, '=What would you change?');
  const people = await createRespondents(14);
  addParticipant(testDb(), event.id, personas.userIds.eventFacilitator, 'facilitator');
  people.forEach((person, index) => {
    addParticipant(testDb(), event.id, person.id, 'participant');
    if (index >= 12) return insertResponse(round, person.id, null);
    const marker = `marker-${String(index + 1).padStart(2, '0')}`;
    const answers = completeAnswer({ retained: index === 0 ? '=HYPERLINK("http://evil.example","x")' : marker, custom: { [question]: index === 1 ? '+1 555 0100' : `${marker} custom` } });
    // Submitted over two months, at precise times: the export keeps only the month.
    insertResponse(round, person.id, answers, new Date(Date.UTC(2030, 4 + (index % 2), 2 + index, 9, 17, 23)));
  });
  return { event, round, question, people, facilitator: viewerOf(personas.userIds.eventFacilitator) };
}

describe('the anonymised answers', () => {
  it('one row per submitted response: stable English keys, no one’s id, name or username, the month only, formula-safe', async () => {
    const { event, people, facilitator } = await eventWithTwelveAnswers();
    const result = exportImpactAnswers(facilitator, { slug: event.slug, randomIndex: seededRandomIndex(7) });
    if (result.status !== 'ready') throw new Error('refused');
    expect(result.fileName).toBe(`impact-answers-${event.slug}.csv`);
    const [header, ...rows] = rowsOf(result.csv);
    expect(header).toEqual([
      'event',
      'round_opened_on',
      'submitted_month',
      'understanding',
      'transfer_audience:internal',
      'transfer_audience:external',
      'transfer_audience:not_yet',
      'transfer_formality:formal',
      'transfer_formality:informal',
      'retained',
      'applied',
      ...applicationWays.map((way) => `application_way:${way}`),
      ...barrierKeys.map((key) => `barrier:${key}`),
      'connected',
      ...surveyConnectionReasons.map((reason) => `connection_reason:${reason}`),
      'custom:=What would you change?',
    ]);
    expect(rows).toHaveLength(12);
    for (const person of people) {
      expect(result.csv).not.toContain(person.id);
      expect(result.csv).not.toContain(person.username);
      expect(result.csv).not.toContain(person.displayName);
    }
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    expect(new Set(column('submitted_month'))).toEqual(new Set(['2030-05', '2030-06']));
    expect(result.csv).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}/);
    expect(new Set(column('round_opened_on'))).toEqual(new Set(['2030-05-01']));
    expect(column('application_way:programming').every((value) => value === '1')).toBe(true);
    expect(column('application_way:informed_decisions').every((value) => value === '0')).toBe(true);
    // Formulas in free text are defused.
    expect(result.csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(column('custom:=What would you change?')).toContain("'+1 555 0100");
    expect(column('retained')).toContain(`'=HYPERLINK("http://evil.example","x")`);
  });

  it('rows come in a shuffled order, not the order they were stored in (the random source injected)', async () => {
    const { event, facilitator } = await eventWithTwelveAnswers();
    const markers = (seed: number) => {
      const result = exportImpactAnswers(facilitator, { slug: event.slug, randomIndex: seededRandomIndex(seed) });
      if (result.status !== 'ready') throw new Error('refused');
      return rowsOf(result.csv)
        .slice(1)
        .map((row) => row.find((cell) => /^marker-\d\d$/.test(cell)) ?? 'formula');
    };
    const stored = ['formula', ...Array.from({ length: 11 }, (_, index) => `marker-${String(index + 2).padStart(2, '0')}`)];
    const first = markers(7);
    expect(first).not.toEqual(stored);
    expect([...first].sort()).toEqual([...stored].sort());
    expect(markers(7)).toEqual(first);
    expect(markers(8)).not.toEqual(first);
  });

  it('shuffle: Fisher-Yates with the injected source, every item kept', () => {
    const items = Array.from({ length: 20 }, (_, index) => index);
    const shuffled = shuffle(items, seededRandomIndex(3));
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffle(items, () => 0)).toEqual([...items.slice(1), 0]);
    expect(submissionMonth(new Date('2030-12-31T23:59:59Z'))).toBe('2030-12');
  });

  it('an unanswered multiple choice is empty rather than 0', () => {
    const [, row] = answerTable([{ eventSlug: 'e', roundOpensOn: '2030-01-01', submittedAt: new Date('2030-01-02'), answers: { understanding: 'agree' } }], []);
    expect(row!.slice(0, 6)).toEqual(['e', '2030-01-01', '2030-01', 'agree', '', '']);
  });

  it('rejects a viewer without rights, and refuses fewer than 5 responses', async () => {
    const { event, round, people } = await eventWithTwelveAnswers();
    expectAppError(thrownBy(() => exportImpactAnswers(viewerOf(people[0]!.id), { slug: event.slug })), 'forbidden');
    expectAppError(thrownBy(() => exportImpactAnswers(personas.viewers.otherEventFacilitator, { slug: event.slug })), 'not_found');
    expectAppError(thrownBy(() => exportImpactAnswers(null, { slug: event.slug })), 'unauthenticated');
    expectAppError(thrownBy(() => exportImpactAnswers(personas.viewers.eventFacilitator as Viewer, {})), 'forbidden');
    expect(exportImpactAnswers(personas.viewers.admin, { slug: event.slug, roundId: round }).status).toBe('ready');

    const small = insertImpactEvent();
    const smallRound = insertRound(small.id, '2030-05-01');
    people.slice(0, 4).forEach((person) => insertResponse(smallRound, person.id, completeAnswer(), new Date('2030-05-02T10:00:00Z')));
    expect(exportImpactAnswers(personas.viewers.admin, { slug: small.slug })).toEqual({ status: 'refused' });
  });
});
