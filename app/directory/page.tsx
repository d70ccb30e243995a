import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DirectoryCard } from '@/components/directory/directory-card';
import { DirectoryFilters, facetChoices } from '@/components/directory/directory-filters';
import { Pager } from '@/components/ui/pager';
import { getViewer } from '@/lib/auth/viewer';
import { listDirectory } from '@/lib/directory/queries';
import { parseDirectoryFilters } from '@/lib/directory/schemas';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('directory'))('title'), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The member directory: signed-in members only, and only members who chose to be listed. */
export default async function DirectoryPage({ searchParams }: Props) {
  const [query, viewer, locale] = await Promise.all([searchParams, getViewer(), getAppLocale()]);
  const { page, ...filters } = parseDirectoryFilters(query);
  // Anonymous visitors go to sign in and come back (listDirectory throws `unauthenticated`).
  const directory = await loadOr404(() => listDirectory(viewer, locale, filters, page));
  const t = await getTranslations('directory');
  const taxonomy = getTaxonomy(locale);
  const kept = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  const pageLink = (number: number) => `/directory?${new URLSearchParams({ ...kept, page: String(number) })}`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted max-w-2xl">{t('intro')}</p>
        <p className="text-sm">
          {t.rich('optIn', { link: (chunks) => <Link href="/settings#directory-heading">{chunks}</Link> })}{' '}
          <Link href="/connections">{t('seeConnections')}</Link>
        </p>
      </div>
      <DirectoryFilters
        values={filters}
        countries={facetChoices(directory.facets.countries, taxonomy.countryLabel, locale)}
        populations={facetChoices(directory.facets.populations, taxonomy.populationLabel, locale)}
        topics={facetChoices(directory.facets.topics, taxonomy.topicLabel, locale)}
        events={facetChoices(directory.facets.events, (slug) => slug, locale, { keepOrder: true })}
      />
      <p className="muted" aria-live="polite" data-testid="directory-count">
        {t('count', { count: directory.total })}
      </p>
      {directory.items.length ? (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t('listLabel')}>
          {directory.items.map((member) => (
            <DirectoryCard key={member.id} member={member} labels={taxonomy} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      <Pager page={directory.page} pages={directory.pages} hrefFor={pageLink} />
    </div>
  );
}
