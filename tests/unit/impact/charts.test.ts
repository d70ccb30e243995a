import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SurveyAnswers } from '@/lib/follow-ups/answers';
import { aggregateSurvey, countStoriesByYear, surveyChartKeys } from '@/lib/impact/aggregate';
import { escapeXml, renderChartSvg, wrapText, type ChartView } from '@/lib/impact/charts';
import { presentShareChart, presentStories } from '@/lib/impact/present';

const hostile = '<script>alert(1)</script> Tom & Jerry "double" \'single\'';
const view: ChartView = {
  id: 'impact-test',
  format: 'share',
  title: `</title><script>alert("title")</script>`,
  caption: 'Share of 7 & more <people>',
  scope: `Event "<img src=x onerror=alert(1)>"`,
  summary: '</desc><script>alert(2)</script>',
  legend: { now: 'Now <b>', then: 'Then & before' },
  noBaseline: 'No <2017> figure',
  rows: [
    { label: hostile, level: 'item', value: 0.5, count: 5, shareText: '50 %', valueText: '50 % (5) <x>', baseline: 0.4, baselineShareText: '40 %', baselineText: '2017: 40 % &' },
    { label: 'Another', level: 'group', value: 1.2, count: 9, shareText: '120 %', valueText: '120 %', baseline: null, baselineShareText: null, baselineText: 'No <2017> figure' },
  ],
};

describe('impact charts as SVG', () => {
  it('escapes every label: no raw <script, ampersands and quotes as entities', () => {
    for (const standalone of [false, true]) {
      const svg = renderChartSvg(view, { standalone });
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/<img/i);
      expect(svg).not.toMatch(/<b>/);
      // The label wraps over two lines; both halves are escaped.
      expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry');
      expect(svg).toContain('&quot;double&quot; &#39;single&#39;');
      expect(svg).toContain('&lt;/title&gt;&lt;script&gt;');
      expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    }
  });

  it('is well-formed: librsvg (through sharp) parses and draws it', async () => {
    const png = await sharp(Buffer.from(renderChartSvg(view, { standalone: true }))).png().toBuffer();
    const metadata = await sharp(png).metadata();
    expect(metadata.format).toBe('png');
    expect(metadata.width).toBe(340);
  });

  it('is an accessible image: role, title and description referenced by id; inline it scales to its container', () => {
    const inline = renderChartSvg(view, { standalone: false });
    expect(inline.startsWith('<svg ')).toBe(true);
    expect(inline).toContain('role="img"');
    expect(inline).toContain('aria-labelledby="impact-test-title" aria-describedby="impact-test-desc"');
    expect(inline).toMatch(/<title id="impact-test-title">/);
    expect(inline).toMatch(/<desc id="impact-test-desc">/);
    expect(inline).toContain('width="100%"');
    expect(inline).toMatch(/viewBox="0 0 340 \d+"/);
    // No style element or attribute: nothing for the page's Content-Security-Policy to allow.
    expect(inline).not.toMatch(/<style|\sstyle=/);
    const standalone = renderChartSvg(view, { standalone: true });
    expect(standalone.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(standalone).toMatch(/width="340" height="\d+"/);
  });

  it('the downloaded image carries its title, scope and caption; the inline one leaves them to the page', () => {
    expect(renderChartSvg(view, { standalone: true })).toContain('Event &quot;&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(renderChartSvg(view, { standalone: false })).not.toContain('onerror');
  });

  it('escapeXml and wrapText', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(wrapText('Incorporated good practice learning from other contexts into own programming', 30)).toEqual(['Incorporated good practice', 'learning from other contexts', 'into own programming']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('charts in words', () => {
  const five = Array.from({ length: 5 }, (_, index) =>
    SurveyAnswers.parse({ understanding: 'agree', transferAudience: ['internal'], transferFormality: ['informal'], applied: index ? 'agree' : 'neutral', applicationWays: ['programming'], barriers: ['funding'], connected: 'yes', connectionReasons: ['share_information'] }),
  );
  const charts = aggregateSurvey({ answers: five, invited: 8 });

  it.each(['en', 'fr'] as const)('every title, question, caption and row label exists in %s', (locale) => {
    for (const key of surveyChartKeys) {
      const chart = presentShareChart(locale, charts[key], { kind: 'network' });
      if (chart.status !== 'shown') throw new Error(`${key} hidden`);
      for (const text of [chart.title, chart.question, chart.caption, chart.view.scope, ...chart.view.rows.map((row) => row.label)]) expect(text, key).not.toMatch(/^(impact|framework)\./);
    }
    const stories = presentStories(locale, countStoriesByYear([new Date('2020-01-01')]), { kind: 'event', eventTitle: 'LSE 2', round: { opensOn: '2017-04-14' } });
    expect(stories.status === 'shown' && stories.view.scope).toMatch(/LSE 2 · .*2017/);
  });

  it('then vs now: the report’s figure beside each row, "no 2017 figure" where it had none, nothing where it had none at all', () => {
    const ways = presentShareChart('en', charts.applicationWays, { kind: 'network' });
    if (ways.status !== 'shown') throw new Error('hidden');
    expect(ways.view.rows.find((row) => row.label === 'Programming')).toMatchObject({ shareText: '100%', count: 5, valueText: '100% (5)', baselineShareText: '32%', baselineText: '2017: 32%' });
    expect(ways.view.rows.find((row) => row.label.startsWith('Established or joined'))).toMatchObject({ baselineShareText: null, baselineText: 'No 2017 figure' });
    expect(ways.caption).toBe('Share of the 5 people who answered this question; several answers are possible.');
    const barriers = presentShareChart('fr', charts.barriers, { kind: 'network' });
    if (barriers.status !== 'shown') throw new Error('hidden');
    expect(barriers.view.legend.then).toBeNull();
    expect(barriers.view.rows.every((row) => row.baselineText === null)).toBe(true);
    const connectionReasons = presentShareChart('en', charts.connectionReasons, { kind: 'network' });
    expect(connectionReasons.status === 'shown' && connectionReasons.caption).toBe(
      'Share of all 5 people who answered whether they were in touch, not only of those who were: the 2017 report counted the same way.',
    );
  });

  it('a hidden chart is presented as its notice only', () => {
    const hidden = presentShareChart('fr', aggregateSurvey({ answers: five.slice(0, 4), invited: 8 }).understanding, { kind: 'network' });
    expect(hidden).toEqual({
      key: 'understanding',
      status: 'hidden',
      title: 'Une meilleure compréhension',
      question: '« L’événement m’a permis de mieux comprendre la programmation avec les populations clés. »',
      notice: 'Moins de 5 personnes ont répondu : masqué pour protéger leur identité.',
    });
  });
});
