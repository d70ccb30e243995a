import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { searchHref, type SearchParams } from '@/lib/search/params';

/** Previous and next, and where the reader is. */
export async function SearchPagination({ params, page, totalPages }: { params: SearchParams; page: number; totalPages: number }) {
  if (totalPages <= 1 && page <= 1) return null;
  const t = await getTranslations('caseStudies.pagination');
  const label = t('page', { page, pages: totalPages });
  return (
    <nav aria-label={label} className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={searchHref(params, { page: Math.min(page - 1, totalPages) })} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <span>{label}</span>
      {page < totalPages ? (
        <Link href={searchHref(params, { page: page + 1 })} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}
