import { getTranslations } from 'next-intl/server';
import { renderChartSvg } from '@/lib/impact/charts';
import type { PresentedChart } from '@/lib/impact/present';
import { ChartTable } from './chart-table';

/**
 * One dashboard question: its heading and wording, then the chart drawn on the server (inline SVG, no
 * JavaScript) with its base, the same figures as a table, and the chart as an image to download. A chart
 * fewer than 5 people answered shows only the notice: its figures never reach this component.
 */
export async function ImpactChartSection({ chart, downloadQuery }: { chart: PresentedChart; downloadQuery: string }) {
  const t = await getTranslations('impact');
  const headingId = `impact-${chart.key}-heading`;
  return (
    <section aria-labelledby={headingId} className="card space-y-3">
      <h2 id={headingId}>{chart.title}</h2>
      <p className="muted">
        <span className="font-medium">{t('questionAsked')}</span> {chart.question}
      </p>
      {chart.status === 'hidden' ? (
        <p className="rounded border border-stone-300 bg-stone-100 px-3 py-2 text-sm">{chart.notice}</p>
      ) : (
        <>
          <figure className="space-y-2">
            {/* Built by lib/impact/charts.ts, every text escaped there. */}
            <div className="max-w-sm" dangerouslySetInnerHTML={{ __html: renderChartSvg(chart.view, { standalone: false }) }} />
            <figcaption className="muted">{chart.caption}</figcaption>
          </figure>
          <details>
            <summary className="link-button text-sm">{t('table.summary')}</summary>
            <div className="mt-2">
              <ChartTable view={chart.view} />
            </div>
          </details>
          <p className="no-print flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {(['svg', 'png'] as const).map((format) => (
              <a key={format} href={`/api/impact/chart/${chart.key}.${format}${downloadQuery}`} download aria-label={t('download.chartFormat', { title: chart.title, format: format.toUpperCase() })}>
                {t(`download.${format}`)}
              </a>
            ))}
          </p>
        </>
      )}
    </section>
  );
}
