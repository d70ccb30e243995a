import { createTranslator } from 'use-intl/core';
import { formatDay } from '@/lib/format';
import type { Locale } from '@/lib/policy/types';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { type ChartKey, type ShareChart, type ShareRow, type StoriesChart } from './aggregate';
import type { ChartView, ChartViewRow } from './charts';

// Chart models in words: titles, the question asked, the base, row labels and formatted figures, in the
// viewer's language. The page and the image download both build their chart here (the same translator
// outside React, as the deck and the emails do), so a downloaded chart says exactly what the page says.

const catalogues: Record<Locale, typeof en> = { en, fr: fr as typeof en };

type Translate = (key: string, values?: Record<string, string | number>) => string;
/** Keys are built from chart and framework keys, so the translator is used untyped; the tests check every label exists. */
function translatorFor(locale: Locale): Translate {
  return createTranslator({ locale, messages: catalogues[locale] }) as unknown as Translate;
}

/** Which answers a chart counts: shown under the downloaded image, so it never travels without its context. */
export type Selection = { kind: 'network' } | { kind: 'event'; eventTitle: string; round: { opensOn: string } | null };

export type PresentedChart =
  | { key: ChartKey; status: 'shown'; title: string; question: string; caption: string; view: ChartView }
  | { key: ChartKey; status: 'hidden'; title: string; question: string; notice: string };

const rowLabelKeys: Record<ShareRow['kind'], string> = {
  answered: 'impact.chart.rows',
  agreement: 'impact.chart.rows',
  connected: 'impact.chart.rows',
  transferAudience: 'framework.transferAudience',
  transferFormality: 'framework.transferFormality',
  applicationWay: 'framework.applicationWay',
  barrierSide: 'framework.barrierSide',
  barrier: 'framework.barrier',
  connectionReason: 'framework.connectionReason',
};

/** A dashboard text outside a chart (the download refusal), for places without next-intl's request config. */
export function impactText(locale: Locale): (key: string, values?: Record<string, string | number>) => string {
  const t = translatorFor(locale);
  return (key, values) => t(`impact.${key}`, values);
}

export function rowLabel(locale: Locale, row: Pick<ShareRow, 'kind' | 'key'>): string {
  return translatorFor(locale)(`${rowLabelKeys[row.kind]}.${row.key}`);
}

export function percent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function selectionText(locale: Locale, selection: Selection): string {
  const t = translatorFor(locale);
  if (selection.kind === 'network') return t('impact.chart.scope', { place: t('impact.chart.network'), selection: t('impact.chart.networkLatest') });
  const chosen = selection.round ? t('impact.chart.round', { date: formatDay(selection.round.opensOn, locale) }) : t('impact.chart.latest');
  return t('impact.chart.scope', { place: selection.eventTitle, selection: chosen });
}

function headings(t: Translate, key: ChartKey) {
  return { title: t(`impact.charts.${key}.title`), question: t(`impact.charts.${key}.question`) };
}

/** A hidden chart: its title and question, and the notice; there is no figure to present. */
export function presentHidden(locale: Locale, key: ChartKey): PresentedChart {
  const t = translatorFor(locale);
  return { key, status: 'hidden', ...headings(t, key), notice: t('impact.hidden') };
}

export function presentShareChart(locale: Locale, chart: ShareChart, selection: Selection): PresentedChart {
  if (chart.status === 'hidden') return presentHidden(locale, chart.key);
  const t = translatorFor(locale);
  const { title, question } = headings(t, chart.key);
  const submitted = chart.rows[0]?.count ?? 0;
  const caption =
    chart.key === 'responseRate' ? t('impact.charts.responseRate.caption', { submitted, invited: chart.base }) : t(`impact.charts.${chart.key}.caption`, { base: chart.base });
  const noBaseline = t('impact.chart.noBaseline');
  // A chart the 2017 report gave no figure for at all (the barriers) says so once, in its caption, not on every row.
  const hasBaseline = chart.rows.some((row) => row.baseline !== null);
  const rows: ChartViewRow[] = chart.rows.map((row) => {
    const shareText = percent(locale, row.share);
    const baselineShareText = row.baseline === null ? null : percent(locale, row.baseline);
    return {
      label: rowLabel(locale, row),
      level: row.level,
      value: row.share,
      count: row.count,
      shareText,
      valueText: t('impact.chart.valueText', { share: shareText, count: row.count }),
      baseline: row.baseline,
      baselineShareText,
      baselineText: baselineShareText ? t('impact.chart.thenValue', { share: baselineShareText }) : hasBaseline ? noBaseline : null,
    };
  });
  const summary = [
    title,
    caption,
    ...rows.map((row) =>
      hasBaseline ? t('impact.chart.summaryRow', { label: row.label, now: row.valueText, then: row.baselineShareText ?? noBaseline }) : t('impact.chart.summaryCount', { label: row.label, count: row.valueText }),
    ),
  ].join(' ');
  return {
    key: chart.key,
    status: 'shown',
    title,
    question,
    caption,
    view: {
      id: `impact-${chart.key}`,
      format: 'share',
      title,
      caption,
      scope: selectionText(locale, selection),
      summary,
      legend: { now: t('impact.chart.legendNow'), then: hasBaseline ? t('impact.chart.legendThen') : null },
      noBaseline,
      rows,
    },
  };
}

export function presentStories(locale: Locale, chart: StoriesChart, selection: Selection): PresentedChart {
  const t = translatorFor(locale);
  const { title, question } = headings(t, 'stories');
  const caption = t(selection.kind === 'network' ? 'impact.charts.stories.captionNetwork' : 'impact.charts.stories.captionEvent', { total: chart.total });
  const rows: ChartViewRow[] = chart.rows.map((row) => ({ label: row.key, level: 'item', value: row.count, count: row.count, shareText: null, valueText: String(row.count), baseline: null, baselineShareText: null, baselineText: null }));
  const summary = [title, caption, ...rows.map((row) => t('impact.chart.summaryCount', { label: row.label, count: row.count }))].join(' ');
  return {
    key: 'stories',
    status: 'shown',
    title,
    question,
    caption,
    view: { id: 'impact-stories', format: 'count', title, caption, scope: selectionText(locale, selection), summary, legend: { now: t('impact.chart.legendStories'), then: null }, noBaseline: '', rows },
  };
}
