import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseStudyList } from '@/components/case-studies/case-study-list';
import { CaseStudyFilters, type FilterValues } from '@/components/case-studies/filters';
import { Pager } from '@/components/ui/pager';
import { getViewer } from '@/lib/auth/viewer';
import { listPublishedCaseStudies } from '@/lib/case-studies/queries';
import { listPastEvents, listUpcomingEvents } from '@/lib/events/queries';
import { getAppLocale } from '@/lib/pages';
import { editorOrganisationIds } from '@/lib/policy/viewer-facts';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('caseStudies'))('title') };
}

const pageSize = 20;

export default async function CaseStudiesPage({ searchParams }: { searchParams: Promise<FilterValues & { page?: string }> }) {
  const [query, viewer, locale, t] = await Promise.all([searchParams, getViewer(), getAppLocale(), getTranslations('caseStudies')]);
  const taxonomy = getTaxonomy(locale);
  const events = [...listUpcomingEvents(viewer, locale), ...listPastEvents(viewer, locale)];
  const eventId = events.find((event) => event.slug === query.event)?.id;
  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const { items, total } = listPublishedCaseStudies(
    viewer,
    locale,
    {
      eventId,
      countryCode: query.country && /^[A-Z]{2}$/.test(query.country) ? query.country : undefined,
      populationKey: query.population || undefined,
      topic: query.topic || undefined,
      language: query.language === 'en' || query.language === 'fr' ? query.language : undefined,
    },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (target: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, value]) => value)), page: String(target) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        {editorOrganisationIds(viewer).length ? (
          <Link href="/case-studies/new" className="button-primary">
            {t('write')}
          </Link>
        ) : null}
      </div>
      <CaseStudyFilters
        values={query}
        events={events.map((event) => ({ value: event.slug, label: event.title }))}
        countries={taxonomy.countries.filter((country) => country.isProgrammeCountry)}
        populations={taxonomy.populations}
        topics={taxonomy.topics}
      />
      <p className="muted" aria-live="polite">
        {t('count', { count: total })}
      </p>
      <CaseStudyList items={items} countryLabel={taxonomy.countryLabel} emptyText={t('none')} />
      <Pager page={page} pages={pages} hrefFor={pageLink} />
    </div>
  );
}
