import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StoryList } from '@/components/stories/story-list';
import { getViewer } from '@/lib/auth/viewer';
import { applicationWays } from '@/lib/follow-ups/answers';
import { getAppLocale } from '@/lib/pages';
import { listStories, storyTargetTitle } from '@/lib/stories/queries';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('stories'))('title') };
}

type Query = { way?: string; country?: string; page?: string; caseStudy?: string; theme?: string; deleted?: string };

/** Every story the viewer may read, newest first; filters are a GET form, so links can be shared. */
export default async function StoriesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const [query, viewer, locale] = await Promise.all([searchParams, getViewer(), getAppLocale()]);
  const [t, tWays, tPages] = await Promise.all([getTranslations('stories'), getTranslations('framework.applicationWay'), getTranslations('caseStudies.pagination')]);
  const taxonomy = getTaxonomy(locale);
  const way = applicationWays.includes(query.way ?? '') ? query.way : undefined;
  const country = query.country && /^[A-Z]{2}$/.test(query.country) ? query.country : undefined;
  const target = query.caseStudy ? { caseStudyId: query.caseStudy } : query.theme ? { themeId: query.theme } : undefined;
  const targetTitle = target ? storyTargetTitle(viewer, target, locale) : null;
  const { items, total, page, pages } = listStories(viewer, locale, { ...target, applicationWay: way, countryCode: country, page: Number.parseInt(query.page ?? '1', 10) || 1 });
  const kept = Object.fromEntries(Object.entries({ way, country, caseStudy: query.caseStudy, theme: query.theme }).filter((entry): entry is [string, string] => !!entry[1]));
  const pageLink = (number: number) => `?${new URLSearchParams({ ...kept, page: String(number) })}`;
  return (
    <div className="space-y-6">
      {query.deleted ? (
        <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('deleted')}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1>{t('title')}</h1>
          <p className="muted max-w-2xl">{t('intro')}</p>
        </div>
        {viewer ? (
          <Link href="/stories/new" className="button-primary hover:no-underline">
            {t('record')}
          </Link>
        ) : null}
      </div>
      {target ? (
        <p>
          {targetTitle ? t('appliedFrom', { title: targetTitle }) : t('appliedFromUnknown')}{' '}
          <Link href={query.caseStudy ? `/case-studies/${query.caseStudy}` : `/themes/${query.theme}`} className="text-sm">
            {t('backToSource')}
          </Link>
        </p>
      ) : null}
      <form method="get" className="card grid gap-3 sm:grid-cols-3" aria-label={t('filters.legend')}>
        {query.caseStudy ? <input type="hidden" name="caseStudy" value={query.caseStudy} /> : null}
        {query.theme ? <input type="hidden" name="theme" value={query.theme} /> : null}
        <label className="text-sm">
          <span className="block font-medium">{t('filters.way')}</span>
          <select name="way" defaultValue={way ?? ''} className="input">
            <option value="">{t('filters.any')}</option>
            {applicationWays.map((key) => (
              <option key={key} value={key}>
                {tWays(key)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('filters.country')}</span>
          <select name="country" defaultValue={country ?? ''} className="input">
            <option value="">{t('filters.any')}</option>
            {taxonomy.countries.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" className="button-secondary">
            {t('filters.apply')}
          </button>
          <Link href="/stories" className="text-sm">
            {t('filters.clear')}
          </Link>
        </div>
      </form>
      <p className="muted" aria-live="polite">
        {t('count', { count: total })}
      </p>
      <StoryList items={items} locale={locale} emptyText={t('none')} />
      {pages > 1 ? (
        <nav aria-label={tPages('page', { page, pages })} className="flex items-center gap-4 text-sm">
          {page > 1 ? <Link href={pageLink(page - 1)}>{tPages('previous')}</Link> : null}
          <span>{tPages('page', { page, pages })}</span>
          {page < pages ? <Link href={pageLink(page + 1)}>{tPages('next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
