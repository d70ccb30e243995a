import { followUpQuestions, followUpResponses, followUps } from '@/db/schema/follow-ups';
import { insertEvent, insertUser } from '@/db/seed/factories';
import { SurveyAnswers } from '@/lib/follow-ups/answers';
import { addDays } from '@/lib/follow-ups/rounds';
import { newId } from '@/lib/ids';
import { testDb } from '../../support/database';
import { testPasswordHash } from '../../support/personas';

// Follow-up data for the impact tests, written straight into the tables (as the survey would leave it),
// so these tests do not depend on the survey's own mutations.

let eventCount = 0;
export function insertImpactEvent(visibility: 'public' | 'members' = 'members') {
  eventCount += 1;
  return insertEvent(testDb(), { slug: `impact-test-${eventCount}`, titleEn: `Impact test ${eventCount}`, titleFr: `Test d’impact ${eventCount}`, startsOn: '2029-11-01', endsOn: '2029-11-04', visibility });
}

let respondentCount = 0;
/** Members to invite, named so a test can look for their names and usernames in what it exports. */
export async function createRespondents(count: number): Promise<{ id: string; username: string; displayName: string }[]> {
  const passwordHash = await testPasswordHash();
  return Array.from({ length: count }, () => {
    respondentCount += 1;
    const username = `respondent-${respondentCount}`;
    const displayName = `Respondent Name ${respondentCount}`;
    return { id: insertUser(testDb(), { username, displayName, passwordHash }), username, displayName };
  });
}

export function insertRound(eventId: string, opensOn: string, extra: { cancelled?: boolean } = {}): string {
  const id = newId();
  testDb()
    .insert(followUps)
    .values({ id, eventId, opensOn, closesOn: addDays(opensOn, 30), monthsAfter: 6, invitedAt: new Date(`${opensOn}T07:00:00Z`), cancelledAt: extra.cancelled ? new Date(`${opensOn}T08:00:00Z`) : null })
    .run();
  return id;
}

export function insertQuestion(roundId: string, promptEn: string): string {
  const id = newId();
  testDb().insert(followUpQuestions).values({ id, followUpId: roundId, promptEn, promptFr: `${promptEn} (fr)`, sortOrder: 0 }).run();
  return id;
}

/** An invited member's response: submitted when `submittedAt` is given, else just invited. */
export function insertResponse(roundId: string, userId: string, answers: SurveyAnswers | null, submittedAt?: Date): void {
  testDb()
    .insert(followUpResponses)
    .values({ followUpId: roundId, userId, answers: answers ?? {}, submittedAt: submittedAt ?? null, startedAt: submittedAt ?? null, updatedAt: submittedAt ?? null })
    .run();
}

/** A complete response; overrides change single answers. */
export const completeAnswer = (overrides: Partial<SurveyAnswers> = {}): SurveyAnswers =>
  SurveyAnswers.parse({
    understanding: 'agree',
    transferAudience: ['internal'],
    transferFormality: ['informal'],
    applied: 'agree',
    applicationWays: ['programming'],
    barriers: ['funding'],
    connected: 'yes',
    connectionReasons: ['share_information'],
    ...overrides,
  });

/** A deterministic source for the export's shuffle (a linear congruential generator). */
export function seededRandomIndex(seed: number) {
  let state = seed;
  return (maxExclusive: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % maxExclusive;
  };
}

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  return rows;
}
