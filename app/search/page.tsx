import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FacetFilters } from '@/components/search/facet-filters';
import { NoResults } from '@/components/search/no-results';
import { SearchForm } from '@/components/search/search-form';
import { SearchHitItem } from '@/components/search/search-hit';
import { SearchPagination } from '@/components/search/search-pagination';
import { SortLinks } from '@/components/search/sort-links';
import { TypeTabs } from '@/components/search/type-tabs';
import { getViewer } from '@/lib/auth/viewer';
import { listPastEvents, listUpcomingEvents } from '@/lib/events/queries';
import { readableThemeTitles } from '@/lib/synthesis/queries';
import { getAppLocale } from '@/lib/pages';
import type { MaybeViewer } from '@/lib/policy/types';
import { searchForViewer } from '@/lib/search/client';
import { parseSearchParams, type SearchParams } from '@/lib/search/params';
import type { SearchResult } from '@/lib/search/query';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata(): Promise<Metadata> {
  // Result lists are for people: search engines index the pages they link to.
  return { title: (await getTranslations('search'))('title'), robots: { index: false, follow: true } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Null when Meilisearch cannot answer: the page then says so instead of failing. */
async function runSearch(viewer: MaybeViewer, params: SearchParams): Promise<SearchResult | null> {
  try {
    return await searchForViewer(viewer, params);
  } catch (error) {
    // Logged, never shown: error text can name hosts, ports and index names.
    console.error('Search failed', error);
    return null;
  }
}

export default async function SearchPage({ searchParams }: Props) {
  const [raw, viewer, locale, t] = await Promise.all([searchParams, getViewer(), getAppLocale(), getTranslations('search')]);
  const params = parseSearchParams(raw);
  const result = await runSearch(viewer, params);
  const events = [...listUpcomingEvents(viewer, locale), ...listPastEvents(viewer, locale)];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <SearchForm params={params} />
      {result ? (
        <>
          <TypeTabs params={params} counts={result.facets.type} />
          <div className="flex flex-col gap-6 md:flex-row">
            <FacetFilters params={params} facets={result.facets} events={events} themeTitles={readableThemeTitles(viewer, [...new Set([...Object.keys(result.facets.themes), ...params.themes])], locale)} locale={locale} />
            <div className="min-w-0 flex-1 space-y-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p role="status" className="font-medium">
                  {t('total', { count: result.total })}
                </p>
                {/* Without words there is no relevance: searchContent lists the newest first. */}
                {params.q ? <SortLinks params={params} /> : <p className="muted">{t('newestFirst')}</p>}
              </div>
              {result.hits.length ? (
                <ul aria-label={t('results')} className="space-y-3">
                  {result.hits.map((hit) => (
                    <SearchHitItem key={hit.id} hit={hit} locale={locale} />
                  ))}
                </ul>
              ) : result.total === 0 ? (
                <NoResults params={params} topics={getTaxonomy(locale).topics.slice(0, 6)} />
              ) : null}
              <SearchPagination params={params} page={result.page} totalPages={result.totalPages} />
            </div>
          </div>
        </>
      ) : (
        <p role="status" className="card">
          {t('unavailable')}
        </p>
      )}
    </div>
  );
}
