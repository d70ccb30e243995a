import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { parseSearchParams, searchHref, type SearchParams } from '@/lib/search/params';
import type { Option } from '@/lib/taxonomy/queries';
import { hasFilters, withoutFilters } from './facet-filters';

/** What to try when nothing matched: each suggestion that applies, and a few of the network's key topics. */
export async function NoResults({ params, topics }: { params: SearchParams; topics: Option[] }) {
  const t = await getTranslations('search.empty');
  const fresh = parseSearchParams({});
  return (
    <section aria-labelledby="no-results-heading" className="card space-y-3">
      <h2 id="no-results-heading">{t('title')}</h2>
      <div className="space-y-1">
        <p>{t('tryThis')}</p>
        <ul className="list-disc space-y-1 pl-6">
          {params.q ? <li>{t('spelling')}</li> : null}
          {params.q ? <li>{t('fewerWords')}</li> : null}
          {hasFilters(params) ? (
            <li>
              <Link href={searchHref(params, withoutFilters)}>{t('removeFilters')}</Link>
            </li>
          ) : null}
          {params.type !== 'all' ? (
            <li>
              <Link href={searchHref(params, { type: 'all' })}>{t('allTypes')}</Link>
            </li>
          ) : null}
        </ul>
      </div>
      {topics.length ? (
        <div className="space-y-1">
          <p id="no-results-topics">{t('topics')}</p>
          <ul aria-labelledby="no-results-topics" className="flex flex-wrap gap-x-4 gap-y-1">
            {topics.map((topic) => (
              <li key={topic.value}>
                <Link href={searchHref(fresh, { q: topic.label })}>{topic.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
