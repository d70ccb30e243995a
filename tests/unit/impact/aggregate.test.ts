import { describe, expect, it } from 'vitest';
import { baseline, SurveyAnswers } from '@/lib/follow-ups/answers';
import { aggregateSurvey, countStoriesByYear, minimumGroupSize, responseRateRows, surveyChartKeys, type ShareChart, type ShownShareChart, type SurveyChartKey } from '@/lib/impact/aggregate';

const answer = (value: unknown) => SurveyAnswers.parse(value);

/** Eight respondents of twenty invited, built so every share is known by hand (see each expectation). */
const eight = [
  answer({ understanding: 'agree', transferAudience: ['internal'], transferFormality: ['informal'], applied: 'agree', applicationWays: ['programming', 'reflected_on_practice'], barriers: ['funding', 'time'], connected: 'yes', connectionReasons: ['share_information', 'explore_joint_work'] }),
  answer({ understanding: 'strongly_agree', transferAudience: ['internal', 'external'], transferFormality: ['formal', 'informal'], applied: 'strongly_agree', applicationWays: ['influenced_others'], barriers: ['hostile_environment', 'registration'], connected: 'yes', connectionReasons: ['share_information'] }),
  answer({ understanding: 'neutral', transferAudience: ['not_yet'], transferFormality: [], applied: 'neutral', applicationWays: [], barriers: ['none'], connected: 'no', connectionReasons: [] }),
  answer({ understanding: 'agree', transferAudience: ['internal'], transferFormality: ['formal'], applied: 'agree', applicationWays: ['programming'], barriers: ['leadership', 'funding'], connected: 'yes', connectionReasons: ['learn_about_work'] }),
  answer({ understanding: 'disagree', transferAudience: ['external'], transferFormality: ['informal'], applied: 'disagree', applicationWays: [], barriers: ['culture', 'systems', 'hostile_environment'], connected: 'no', connectionReasons: [] }),
  answer({ understanding: 'agree', transferAudience: ['internal'], transferFormality: ['informal'], applied: 'agree', applicationWays: ['adopted_good_practice', 'programming'], barriers: ['none'], connected: 'yes', connectionReasons: ['share_information', 'co_host_event'] }),
  answer({ understanding: 'strongly_agree', transferAudience: ['internal', 'external'], transferFormality: ['informal'], applied: 'agree', applicationWays: ['engaged_stakeholders'], barriers: ['development_frameworks'], connected: 'yes', connectionReasons: ['expand_networks'] }),
  answer({ understanding: 'agree', transferAudience: ['internal'], transferFormality: ['formal', 'informal'], applied: 'strongly_agree', applicationWays: ['programming', 'joined_networks'], barriers: ['funding'], connected: 'yes', connectionReasons: ['share_information'] }),
];

function shown(chart: ShareChart): ShownShareChart {
  expect(chart.status).toBe('shown');
  return chart as ShownShareChart;
}
/** [key, count, share, baseline] per row, the simplest thing to compare by hand. */
const table = (chart: ShareChart) => shown(chart).rows.map((row) => [row.key, row.count, row.share, row.baseline]);
const row = (chart: ShareChart, key: string) => shown(chart).rows.find((candidate) => candidate.key === key)!;

describe('aggregating submitted answers', () => {
  const charts = aggregateSurvey({ answers: eight, invited: 20 });

  it('response rate: submitted of invited, beside the report’s 31 %', () => {
    expect(shown(charts.responseRate).base).toBe(20);
    expect(table(charts.responseRate)).toEqual([['answered', 8, 0.4, 0.31]]);
  });

  it('understanding and applying: the share agreeing or strongly agreeing, of those who answered', () => {
    expect(shown(charts.understanding).base).toBe(8);
    expect(table(charts.understanding)).toEqual([['agree', 6, 0.75, baseline.understanding]]);
    expect(shown(charts.applied).base).toBe(8);
    expect(table(charts.applied)).toEqual([['agree', 6, 0.75, baseline.applied]]);
  });

  it('sharing inside and outside, formally and informally: shares of everyone who answered who they shared with', () => {
    expect(shown(charts.transferAudience).base).toBe(8);
    expect(table(charts.transferAudience)).toEqual([
      ['internal', 6, 0.75, 0.97],
      ['external', 3, 0.375, 0.22],
      ['not_yet', 1, 0.125, null],
    ]);
    // Respondent 3 had not shared yet: counted in the base, in neither formality (as the report's 75 % of all 32).
    expect(shown(charts.transferFormality).base).toBe(8);
    expect(table(charts.transferFormality)).toEqual([
      ['formal', 3, 0.375, null],
      ['informal', 6, 0.75, 0.75],
    ]);
  });

  it('application ways: the share of respondents choosing each, with the report’s figure or none', () => {
    expect(shown(charts.applicationWays).base).toBe(8);
    expect(table(charts.applicationWays)).toEqual([
      ['reflected_on_practice', 1, 0.125, 0.55],
      ['influenced_others', 1, 0.125, 0.48],
      ['informed_decisions', 0, 0, 0.45],
      ['adopted_good_practice', 1, 0.125, 0.42],
      ['engaged_stakeholders', 1, 0.125, 0.42],
      ['programming', 4, 0.5, 0.32],
      ['joined_networks', 1, 0.125, null],
    ]);
  });

  it('barriers: each side counts a respondent once, however many of its barriers they chose', () => {
    const barriers = shown(charts.barriers);
    expect(barriers.base).toBe(8);
    expect(barriers.rows.map((entry) => [entry.level, entry.key, entry.count])).toEqual([
      ['group', 'internal', 2], // respondents 4 and 5 (5 chose two internal barriers)
      ['item', 'leadership', 1],
      ['item', 'systems', 1],
      ['item', 'culture', 1],
      ['group', 'resources', 3], // 1 (time and funding), 4, 8
      ['item', 'time', 1],
      ['item', 'funding', 3],
      ['group', 'external', 3], // 2 (two external barriers), 5, 7
      ['item', 'hostile_environment', 2],
      ['item', 'development_frameworks', 1],
      ['item', 'registration', 1],
      ['group', 'none', 2],
    ]);
    expect(row(charts.barriers, 'internal').share).toBe(0.25);
    expect(row(charts.barriers, 'resources').share).toBe(0.375);
    expect(barriers.rows.every((entry) => entry.baseline === null)).toBe(true);
  });

  it('connections: the share in touch, and reasons as shares of everyone who answered (the report’s base), not only of those in touch', () => {
    expect(table(charts.connected)).toEqual([['yes', 6, 0.75, 0.93]]);
    const reasons = shown(charts.connectionReasons);
    expect(reasons.base).toBe(8);
    expect(row(charts.connectionReasons, 'share_information')).toMatchObject({ count: 4, share: 0.5, baseline: 0.53 });
    expect(row(charts.connectionReasons, 'co_host_event')).toMatchObject({ count: 1, share: 0.125, baseline: 0.17 });
    expect(row(charts.connectionReasons, 'joint_funding')).toMatchObject({ count: 0, share: 0, baseline: 0.03 });
    expect(reasons.rows).toHaveLength(14);
  });
});

describe('small groups are hidden', () => {
  it('the minimum is 5', () => {
    expect(minimumGroupSize).toBe(5);
  });

  it.each([4, 5])('with %i respondents answering everything: every chart hidden at 4, shown at 5', (size) => {
    const charts = aggregateSurvey({ answers: eight.slice(0, size), invited: 20 });
    for (const key of surveyChartKeys) expect(charts[key].status, key).toBe(size < 5 ? 'hidden' : 'shown');
  });

  // One of five respondents skips a question: that question's charts have a base of 4 and are hidden, the rest shown.
  const skipping: [string, SurveyChartKey[], (value: SurveyAnswers) => SurveyAnswers][] = [
    ['understanding', ['understanding'], ({ understanding: _skipped, ...rest }) => rest],
    ['who they shared with', ['transferAudience', 'transferFormality'], ({ transferAudience: _audience, transferFormality: _formality, ...rest }) => rest],
    ['applying', ['applied', 'applicationWays'], ({ applied: _applied, applicationWays: _ways, ...rest }) => rest],
    ['barriers', ['barriers'], ({ barriers: _barriers, ...rest }) => rest],
    ['connections', ['connected', 'connectionReasons'], ({ connected: _connected, connectionReasons: _reasons, ...rest }) => rest],
  ];
  it.each(skipping)('a question 4 of 5 answered (%s) is hidden; the others stay', (_name, hiddenKeys, skip) => {
    const five = eight.slice(0, 5);
    const charts = aggregateSurvey({ answers: [skip(five[0]!), ...five.slice(1)], invited: 10 });
    for (const key of surveyChartKeys) expect(charts[key].status, key).toBe(hiddenKeys.includes(key) ? 'hidden' : 'shown');
    for (const key of hiddenKeys) expect(aggregateSurvey({ answers: five, invited: 10 })[key].status, `${key} with all five`).toBe('shown');
  });

  it('the response rate is hidden when 4 answered, however many were invited', () => {
    expect(aggregateSurvey({ answers: eight.slice(0, 4), invited: 100 }).responseRate.status).toBe('hidden');
    expect(aggregateSurvey({ answers: eight.slice(0, 5), invited: 100 }).responseRate).toMatchObject({ status: 'shown', base: 100 });
  });

  it('a hidden chart carries no figure at all: only its key and that it is hidden', () => {
    const charts = aggregateSurvey({ answers: eight.slice(0, 4), invited: 20 });
    for (const key of surveyChartKeys) expect(charts[key]).toEqual({ key, status: 'hidden' });
  });

  it('breakdown rows: a row 4 answered shows no number, a row 5 answered does', () => {
    expect(
      responseRateRows([
        { key: 'small', invited: 30, submitted: 4 },
        { key: 'enough', invited: 10, submitted: 5 },
        { key: 'none', invited: 0, submitted: 0 },
      ]),
    ).toEqual([
      { key: 'small', status: 'hidden' },
      { key: 'enough', status: 'shown', invited: 10, submitted: 5, share: 0.5 },
      { key: 'none', status: 'hidden' },
    ]);
  });
});

describe('stories over time', () => {
  it('counts per year, every year from the first to the last, empty years included', () => {
    const dates = ['2016-09-14', '2016-12-31T23:59:59Z', '2018-01-01', '2019-06-30', '2019-07-01'].map((value) => new Date(value));
    expect(countStoriesByYear(dates)).toEqual({
      key: 'stories',
      status: 'shown',
      total: 5,
      rows: [
        { key: '2016', count: 2 },
        { key: '2017', count: 0 },
        { key: '2018', count: 1 },
        { key: '2019', count: 2 },
      ],
    });
  });

  it('no story, no row', () => {
    expect(countStoriesByYear([])).toEqual({ key: 'stories', status: 'shown', total: 0, rows: [] });
  });
});
