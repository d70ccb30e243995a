import { getTranslations } from 'next-intl/server';
import { facetParam, filterFacets, type SearchParams } from '@/lib/search/params';
import { SearchInput } from './search-input';

/**
 * The search box: a plain GET form to /search that works without JavaScript. A new search keeps the
 * chosen tab, filters and sort (hidden fields) and starts again from page 1 (no page field).
 */
export async function SearchForm({ params }: { params: SearchParams }) {
  const t = await getTranslations('search');
  return (
    <form method="get" action="/search" role="search" className="space-y-1">
      <label htmlFor="search-query" className="block font-medium">
        {t('label')}
      </label>
      <div className="flex gap-2">
        <SearchInput id="search-query" name="q" initialValue={params.q} maxLength={200} autoComplete="off" placeholder={t('placeholder')} className="input" />
        {params.type !== 'all' ? <input type="hidden" name="type" value={params.type} /> : null}
        {filterFacets.flatMap((name) => params[name].map((value) => <input key={`${name}-${value}`} type="hidden" name={facetParam[name]} value={value} />))}
        {params.sort !== 'relevance' ? <input type="hidden" name="sort" value={params.sort} /> : null}
        <button type="submit" className="button-primary">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
