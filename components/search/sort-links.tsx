import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { searchHref, type SearchParams } from '@/lib/search/params';

/** Relevance or newest first, as links: they work without JavaScript and keep everything else. */
export async function SortLinks({ params }: { params: SearchParams }) {
  const t = await getTranslations('search.sort');
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600">{t('label')}</span>
      {(['relevance', 'date'] as const).map((sort) =>
        params.sort === sort ? (
          <Link key={sort} href={searchHref(params, { sort })} aria-current="true" className="font-semibold text-stone-900">
            {t(sort)}
          </Link>
        ) : (
          <Link key={sort} href={searchHref(params, { sort })} rel="nofollow">
            {t(sort)}
          </Link>
        ),
      )}
    </nav>
  );
}
