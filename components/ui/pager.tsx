import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous / "page 2 of 5" / next, as plain links (lists are GET pages); nothing when there is one page. */
export async function Pager({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations('caseStudies.pagination');
  return (
    <nav aria-label={t('page', { page, pages })} className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <span>{t('page', { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}
