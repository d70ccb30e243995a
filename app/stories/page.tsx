import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StoryList } from '@/components/stories/story-list';
import { FilterButtons, FilterSelect } from '@/components/ui/filter-fields';
import { Pager } from '@/components/ui/pager';
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
  const [t, tWays] = await Promise.all([getTranslations('stories'), getTranslations('framework.applicationWay')]);
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
        <FilterSelect name="way" label={t('filters.way')} anyLabel={t('filters.any')} value={way} options={applicationWays.map((key) => ({ value: key, label: tWays(key) }))} />
        <FilterSelect name="country" label={t('filters.country')} anyLabel={t('filters.any')} value={country} options={taxonomy.countries} />
        <FilterButtons applyLabel={t('filters.apply')} clearLabel={t('filters.clear')} clearHref="/stories" />
      </form>
      <p className="muted" aria-live="polite">
        {t('count', { count: total })}
      </p>
      <StoryList items={items} locale={locale} emptyText={t('none')} />
      <Pager page={page} pages={pages} hrefFor={pageLink} />
    </div>
  );
}
