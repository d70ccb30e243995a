import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { CsvDownload } from '@/components/impact/csv-download';
import { ImpactChartSection } from '@/components/impact/impact-chart-section';
import { ImpactIntro } from '@/components/impact/impact-intro';
import { getViewer } from '@/lib/auth/viewer';
import { formatDay } from '@/lib/format';
import { surveyChartKeys } from '@/lib/impact/aggregate';
import { presentShareChart, presentStories } from '@/lib/impact/present';
import { getEventImpact } from '@/lib/impact/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ round?: string | string[] }> };

/** `?round=<id>` chooses a round; absent (or "latest"), each participant's latest answers. */
const roundOf = (value: string | string[] | undefined) => (typeof value === 'string' && value !== '' && value !== 'latest' ? value : null);

/** Once per request: the metadata and the page share it. */
const loadEventImpact = cache(async (slug: string, roundId: string | null) => {
  const [viewer, locale] = await Promise.all([getViewer(), getAppLocale()]);
  return loadOr404(() => getEventImpact(viewer, { slug, roundId, locale }));
});

export async function generateMetadata({ params, searchParams }: Props) {
  const [{ slug }, query, t] = await Promise.all([params, searchParams, getTranslations('impact.event')]);
  const impact = await loadEventImpact(slug, roundOf(query.round));
  return { title: t('title', { event: impact.event.title }), robots: { index: false } };
}

/** An event's impact dashboard: its participants' answers months later, beside the 2017 survey's. */
export default async function EventImpactPage({ params, searchParams }: Props) {
  const [{ slug }, query, locale, t] = await Promise.all([params, searchParams, getAppLocale(), getTranslations('impact')]);
  const impact = await loadEventImpact(slug, roundOf(query.round));
  const { event, rounds, round, selection } = impact;
  const scopeQuery = `?event=${encodeURIComponent(event.slug)}${round ? `&round=${encodeURIComponent(round.id)}` : ''}`;
  const roundName = (option: (typeof rounds)[number]) => {
    const name = option.monthsAfter ? t('event.roundMonths', { date: formatDay(option.opensOn, locale), count: option.monthsAfter }) : t('event.round', { date: formatDay(option.opensOn, locale) });
    return option.isSmall ? t('event.roundSmall', { round: name }) : name;
  };

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href={`/events/${event.slug}`}>{event.title}</Link> · <Link href="/impact">{t('event.networkLink')}</Link>
        </p>
        <h1>{t('event.title', { event: event.title })}</h1>
        <p className="max-w-2xl">{t('event.intro')}</p>
        <ImpactIntro locale={locale} />
      </header>

      {rounds.length ? (
        <>
          {/* A GET form: the choice works without JavaScript and the URL can be shared. */}
          <form method="get" className="no-print flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <span className="block font-medium">{t('event.roundLabel')}</span>
              <select name="round" defaultValue={round?.id ?? 'latest'} className="input">
                <option value="latest">{t('event.latest')}</option>
                {rounds.map((option) => (
                  <option key={option.id} value={option.id}>
                    {roundName(option)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button-secondary">
              {t('event.show')}
            </button>
          </form>
          <p className="muted">{round ? t('event.selectionRound', { date: formatDay(round.opensOn, locale) }) : t('event.selectionLatest')}</p>
          {surveyChartKeys.map((key) => (
            <ImpactChartSection key={key} chart={presentShareChart(locale, impact.charts[key], selection)} downloadQuery={scopeQuery} />
          ))}
        </>
      ) : (
        <p className="card">{t('event.noRounds')}</p>
      )}

      {impact.stories.total ? (
        <ImpactChartSection chart={presentStories(locale, impact.stories, selection)} downloadQuery={`?event=${encodeURIComponent(event.slug)}`} />
      ) : (
        <section aria-labelledby="impact-stories-heading" className="card space-y-2">
          <h2 id="impact-stories-heading">{t('charts.stories.title')}</h2>
          <p className="muted">{t('noStories')}</p>
        </section>
      )}

      {impact.canExport ? <CsvDownload href={`/api/impact/export.csv${scopeQuery}`} /> : null}
    </article>
  );
}
