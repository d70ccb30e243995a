import { getTranslations } from 'next-intl/server';
import type { ChartView } from '@/lib/impact/charts';

/** The chart's figures as a real table, for screen readers and for anyone who prefers numbers to bars. */
export async function ChartTable({ view }: { view: ChartView }) {
  const t = await getTranslations('impact.table');
  const isCount = view.format === 'count';
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{t('caption', { title: view.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{isCount ? t('year') : t('category')}</th>
            {isCount ? null : <th scope="col">{t('nowShare')}</th>}
            <th scope="col">{isCount ? t('stories') : t('nowCount')}</th>
            {isCount ? null : <th scope="col">{t('baseline')}</th>}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={row.level === 'group' ? 'font-semibold' : 'font-normal'}>
                {row.label}
              </th>
              {isCount ? null : <td>{row.shareText}</td>}
              <td>{row.count}</td>
              {isCount ? null : <td>{row.baselineShareText ?? view.noBaseline}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
