import { randomInt } from 'node:crypto';
import { applicationWays, barrierKeys, surveyConnectionReasons, transferAudiences, transferFormalities, type SurveyAnswers } from '@/lib/follow-ups/answers';

// The anonymised answers as a table: one row per submitted response, with nothing about who gave it (no
// user id, name, organisation or email, and the month of submission only), in a shuffled order so that
// neither the row's place nor the database's order says who answered first. Headers are stable English
// keys, the same in both languages, so analyses keep working across exports.

export type ExportedResponse = { eventSlug: string; roundOpensOn: string; submittedAt: Date; answers: SurveyAnswers };
/** A facilitator's own question: its answers become a text column. */
export type ExportedQuestion = { id: string; promptEn: string };

type Column = { header: string; value: (response: ExportedResponse) => string };

/** A multiple-choice answer as one 0/1 column per option; empty when the question was not answered at all. */
const optionColumns = (prefix: string, options: readonly string[], pick: (answers: SurveyAnswers) => readonly string[] | undefined): Column[] =>
  options.map((option) => ({
    header: `${prefix}:${option}`,
    value: (response) => {
      const chosen = pick(response.answers);
      return chosen === undefined ? '' : chosen.includes(option) ? '1' : '0';
    },
  }));

/** The month a response was submitted (UTC), never the day or time. */
export const submissionMonth = (submittedAt: Date) => submittedAt.toISOString().slice(0, 7);

function columnsFor(questions: readonly ExportedQuestion[]): Column[] {
  return [
    { header: 'event', value: (response) => response.eventSlug },
    { header: 'round_opened_on', value: (response) => response.roundOpensOn },
    { header: 'submitted_month', value: (response) => submissionMonth(response.submittedAt) },
    { header: 'understanding', value: (response) => response.answers.understanding ?? '' },
    ...optionColumns('transfer_audience', transferAudiences, (answers) => answers.transferAudience),
    ...optionColumns('transfer_formality', transferFormalities, (answers) => answers.transferFormality),
    { header: 'retained', value: (response) => response.answers.retained ?? '' },
    { header: 'applied', value: (response) => response.answers.applied ?? '' },
    ...optionColumns('application_way', applicationWays, (answers) => answers.applicationWays),
    ...optionColumns('barrier', barrierKeys, (answers) => answers.barriers),
    { header: 'connected', value: (response) => response.answers.connected ?? '' },
    ...optionColumns('connection_reason', surveyConnectionReasons, (answers) => answers.connectionReasons),
    ...questions.map((question) => ({ header: `custom:${question.promptEn}`, value: (response: ExportedResponse) => response.answers.custom?.[question.id] ?? '' })),
  ];
}

/** The header row, then one row per response, in the order given (shuffle first). */
export function answerTable(responses: readonly ExportedResponse[], questions: readonly ExportedQuestion[]): string[][] {
  const columns = columnsFor(questions);
  return [columns.map((column) => column.header), ...responses.map((response) => columns.map((column) => column.value(response)))];
}

/** A whole number from 0 to maxExclusive - 1. Injected in tests; a cryptographic source otherwise. */
export type RandomIndex = (maxExclusive: number) => number;
export const secureRandomIndex: RandomIndex = (maxExclusive) => randomInt(maxExclusive);

/** Fisher-Yates: every order equally likely, given a uniform source. */
export function shuffle<T>(items: readonly T[], randomIndex: RandomIndex = secureRandomIndex): T[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = randomIndex(index + 1);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled;
}
