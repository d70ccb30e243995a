import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CsvDownload } from '@/components/impact/csv-download';
import { ImpactChartSection } from '@/components/impact/impact-chart-section';
import { ImpactIntro } from '@/components/impact/impact-intro';
import { ResponseRateTable } from '@/components/impact/response-rate-table';
import { getViewer } from '@/lib/auth/viewer';
import { surveyChartKeys } from '@/lib/impact/aggregate';
import { presentShareChart, presentStories, type Selection } from '@/lib/impact/present';
import { getNetworkImpact } from '@/lib/impact/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';

export async function generateMetadata() {
  const t = await getTranslations('impact.network');
  return { title: t('title'), robots: { index: false } };
}

/** The network's impact dashboard, for every member: each event's response rate, then every event's answers pooled. */
export default async function NetworkImpactPage() {
  const [viewer, locale, t] = await Promise.all([getViewer(), getAppLocale(), getTranslations('impact')]);
  const impact = await loadOr404(() => getNetworkImpact(viewer, locale));
  const selection: Selection = { kind: 'network' };
  const hasFigures = impact.events.some((entry) => entry.row.status === 'shown');
  const myEvents = impact.events.filter((entry) => entry.isMine);

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1>{t('network.title')}</h1>
        <p className="max-w-2xl">{t('network.intro')}</p>
        <ImpactIntro locale={locale} />
        {myEvents.length ? (
          <nav aria-label={t('event.eventDashboards')} className="text-sm">
            <span className="font-medium">{t('event.eventDashboardsList')}</span>{' '}
            {myEvents.map((entry, index) => (
              <span key={entry.slug}>
                {index ? ' · ' : ''}
                <Link href={`/events/${entry.slug}/impact`}>{entry.title}</Link>
              </span>
            ))}
          </nav>
        ) : null}
      </header>

      <ResponseRateTable events={impact.events} locale={locale} />

      {hasFigures ? (
        <>
          <p className="muted">{t('network.selection')}</p>
          {surveyChartKeys.map((key) => (
            <ImpactChartSection key={key} chart={presentShareChart(locale, impact.charts[key], selection)} downloadQuery="" />
          ))}
        </>
      ) : impact.events.length ? (
        <p className="card">{t('network.nothingShown')}</p>
      ) : null}

      {impact.stories.total ? (
        <ImpactChartSection chart={presentStories(locale, impact.stories, selection)} downloadQuery="" />
      ) : (
        <section aria-labelledby="impact-stories-heading" className="card space-y-2">
          <h2 id="impact-stories-heading">{t('charts.stories.title')}</h2>
          <p className="muted">{t('noStories')}</p>
        </section>
      )}

      {impact.canExport ? <CsvDownload href="/api/impact/export.csv" /> : null}
    </article>
  );
}
