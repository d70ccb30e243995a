import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { documentTypes } from '@/lib/search/documents';
import { searchHref, type SearchParams } from '@/lib/search/params';

/**
 * One tab per kind of result, each with its count. The counts come from the type facet, which leaves the
 * chosen tab out of its own filter: every tab shows what it would list, and All is their sum.
 */
export async function TypeTabs({ params, counts }: { params: SearchParams; counts: Record<string, number> }) {
  const t = await getTranslations('search.types');
  const countOf = (type: SearchParams['type']) => (type === 'all' ? documentTypes.reduce((sum, name) => sum + (counts[name] ?? 0), 0) : (counts[type] ?? 0));
  return (
    <nav aria-label={t('label')}>
      <ul className="flex flex-wrap gap-1 border-b border-stone-300">
        {(['all', ...documentTypes] as const).map((type) => {
          const isCurrent = params.type === type;
          return (
            <li key={type}>
              <Link
                href={searchHref(params, { type })}
                aria-current={isCurrent ? 'page' : undefined}
                className={`-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm ${isCurrent ? 'border-teal-800 font-semibold text-teal-900' : 'border-transparent text-stone-700'}`}
              >
                {t(type)}{' '}
                <span className="tag">{countOf(type)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
