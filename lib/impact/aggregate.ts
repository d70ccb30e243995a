import { applicationWays, barrierKeys, barrierSide, baseline, isAgreement, surveyConnectionReasons, type SurveyAnswers } from '@/lib/follow-ups/answers';

// The impact dashboard's figures, as pure functions of submitted answers: no database, no viewer, no
// language. Every chart says its base (how many people answered that question) and is hidden whole when
// the base is below `minimumGroupSize`: a hidden chart carries no figure at all, so nothing downstream
// (page, image, export) can leak one.

/** The smallest group whose figures are shown; the one place this rule lives. */
export const minimumGroupSize = 5;
export const isBelowMinimum = (respondents: number) => respondents < minimumGroupSize;

export const surveyChartKeys = ['responseRate', 'understanding', 'transferAudience', 'transferFormality', 'applied', 'applicationWays', 'barriers', 'connected', 'connectionReasons'] as const;
export type SurveyChartKey = (typeof surveyChartKeys)[number];
export const chartKeys = [...surveyChartKeys, 'stories'] as const;
export type ChartKey = (typeof chartKeys)[number];
export const isChartKey = (value: string): value is ChartKey => (chartKeys as readonly string[]).includes(value);

/** Which label set names a row: the framework's categories, or the dashboard's own. */
export type RowKind = 'answered' | 'agreement' | 'transferAudience' | 'transferFormality' | 'applicationWay' | 'barrierSide' | 'barrier' | 'connected' | 'connectionReason';

export type ShareRow = {
  kind: RowKind;
  key: string;
  /** A side of the barriers chart heads the barriers under it. */
  level: 'group' | 'item';
  count: number;
  /** count / the chart's base, 0 to 1. */
  share: number;
  /** The 2017 report's share for the same question (of its 32 respondents), or null where it gave none. */
  baseline: number | null;
};

export type HiddenChart = { key: ChartKey; status: 'hidden' };
export type ShownShareChart = {
  key: SurveyChartKey;
  status: 'shown';
  /** The denominator of every share: people who answered the question (invited people for the response rate). */
  base: number;
  rows: ShareRow[];
};
export type ShareChart = ShownShareChart | HiddenChart;
export type SurveyCharts = Record<SurveyChartKey, ShareChart>;

export type YearRow = { key: string; count: number };
/** Stories are content members chose to share: counted, never suppressed (only readable ones are counted). */
export type StoriesChart = { key: 'stories'; status: 'shown'; total: number; rows: YearRow[] };

type RowDraft = Omit<ShareRow, 'share' | 'level'> & { level?: ShareRow['level'] };

/**
 * A chart over `base` people, or hidden when fewer than the minimum answered (`respondents`, the base
 * unless the chart's denominator is not the people who answered, as for the response rate).
 */
function shareChart(key: SurveyChartKey, base: number, rows: () => RowDraft[], respondents = base): ShareChart {
  if (isBelowMinimum(respondents) || base === 0) return { key, status: 'hidden' };
  return { key, status: 'shown', base, rows: rows().map((row) => ({ level: 'item', ...row, share: row.count / base })) };
}

const countWhere = (answers: readonly SurveyAnswers[], predicate: (answer: SurveyAnswers) => boolean) => answers.filter(predicate).length;
const chose = (list: readonly string[] | undefined, key: string) => !!list?.includes(key);

/** Every survey chart for one set of submitted answers and the number of people invited to give them. */
export function aggregateSurvey({ answers, invited }: { answers: readonly SurveyAnswers[]; invited: number }): SurveyCharts {
  const understood = answers.filter((answer) => answer.understanding !== undefined);
  // The report's sharing figures are shares of all its respondents, so both sharing charts use everyone
  // who answered "who did you share it with" (those who had not shared count in neither formality).
  const shared = answers.filter((answer) => (answer.transferAudience?.length ?? 0) > 0);
  const applied = answers.filter((answer) => answer.applied !== undefined);
  const appliedWays = answers.filter((answer) => answer.applied !== undefined || answer.applicationWays !== undefined);
  const metBarriers = answers.filter((answer) => (answer.barriers?.length ?? 0) > 0);
  // Reasons too are shares of everyone who answered "were you in touch", as in the report (not of those who were).
  const connected = answers.filter((answer) => answer.connected !== undefined);

  return {
    responseRate: shareChart(
      'responseRate',
      invited,
      () => [{ kind: 'answered', key: 'answered', count: answers.length, baseline: baseline.responseRate }],
      answers.length,
    ),
    understanding: shareChart('understanding', understood.length, () => [
      { kind: 'agreement', key: 'agree', count: countWhere(understood, (answer) => isAgreement(answer.understanding)), baseline: baseline.understanding },
    ]),
    transferAudience: shareChart('transferAudience', shared.length, () => [
      { kind: 'transferAudience', key: 'internal', count: countWhere(shared, (answer) => chose(answer.transferAudience, 'internal')), baseline: baseline.transferredInternally },
      { kind: 'transferAudience', key: 'external', count: countWhere(shared, (answer) => chose(answer.transferAudience, 'external')), baseline: baseline.transferredExternally },
      { kind: 'transferAudience', key: 'not_yet', count: countWhere(shared, (answer) => chose(answer.transferAudience, 'not_yet')), baseline: null },
    ]),
    transferFormality: shareChart('transferFormality', shared.length, () => [
      { kind: 'transferFormality', key: 'formal', count: countWhere(shared, (answer) => chose(answer.transferFormality, 'formal')), baseline: null },
      { kind: 'transferFormality', key: 'informal', count: countWhere(shared, (answer) => chose(answer.transferFormality, 'informal')), baseline: baseline.informal },
    ]),
    applied: shareChart('applied', applied.length, () => [
      { kind: 'agreement', key: 'agree', count: countWhere(applied, (answer) => isAgreement(answer.applied)), baseline: baseline.applied },
    ]),
    applicationWays: shareChart('applicationWays', appliedWays.length, () =>
      applicationWays.map((way) => ({ kind: 'applicationWay' as const, key: way, count: countWhere(appliedWays, (answer) => chose(answer.applicationWays, way)), baseline: baseline.applicationWays[way] ?? null })),
    ),
    barriers: shareChart('barriers', metBarriers.length, () => barrierRows(metBarriers)),
    connected: shareChart('connected', connected.length, () => [
      { kind: 'connected', key: 'yes', count: countWhere(connected, (answer) => answer.connected === 'yes'), baseline: baseline.connected },
    ]),
    connectionReasons: shareChart('connectionReasons', connected.length, () =>
      surveyConnectionReasons.map((reason) => ({
        kind: 'connectionReason' as const,
        key: reason,
        count: countWhere(connected, (answer) => chose(answer.connectionReasons, reason)),
        baseline: baseline.connectionReasons[reason] ?? null,
      })),
    ),
  };
}

const barrierSides = ['internal', 'resources', 'external'] as const;

/** Each side (a respondent counts once per side, however many of its barriers they chose), its barriers under it, then "no challenges". */
function barrierRows(answers: readonly SurveyAnswers[]): RowDraft[] {
  const rows: RowDraft[] = [];
  for (const side of barrierSides) {
    const keys = barrierKeys.filter((key) => barrierSide(key) === side);
    rows.push({ kind: 'barrierSide', key: side, level: 'group', count: countWhere(answers, (answer) => keys.some((key) => chose(answer.barriers, key))), baseline: null });
    for (const key of keys) rows.push({ kind: 'barrier', key, level: 'item', count: countWhere(answers, (answer) => chose(answer.barriers, key)), baseline: null });
  }
  rows.push({ kind: 'barrierSide', key: 'none', level: 'group', count: countWhere(answers, (answer) => answer.barriers?.some((key) => barrierSide(key) === 'none') ?? false), baseline: null });
  return rows;
}

/** Readable stories per calendar year (UTC), every year from the first to the last, empty years included. */
export function countStoriesByYear(createdAt: readonly Date[]): StoriesChart {
  const years = createdAt.map((date) => date.getUTCFullYear());
  if (!years.length) return { key: 'stories', status: 'shown', total: 0, rows: [] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows: YearRow[] = [];
  for (let year = first; year <= last; year += 1) rows.push({ key: String(year), count: years.filter((value) => value === year).length });
  return { key: 'stories', status: 'shown', total: years.length, rows };
}

export type ResponseRateRow<K extends string = string> =
  | { key: K; status: 'shown'; invited: number; submitted: number; share: number }
  | { key: K; status: 'hidden' };

/** A breakdown of response rates (per event, per round): a row fewer than the minimum answered shows no number. */
export function responseRateRows<K extends string>(groups: readonly { key: K; invited: number; submitted: number }[]): ResponseRateRow<K>[] {
  return groups.map((group) =>
    isBelowMinimum(group.submitted) || group.invited === 0
      ? { key: group.key, status: 'hidden' }
      : { key: group.key, status: 'shown', invited: group.invited, submitted: group.submitted, share: group.submitted / group.invited },
  );
}
