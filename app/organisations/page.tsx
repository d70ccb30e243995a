import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TagList } from '@/components/ui/tag-list';
import { getViewer } from '@/lib/auth/viewer';
import { organisationTypes } from '@/db/schema/organisations';
import { countReadableCaseStudiesByOrganisation } from '@/lib/directory/queries';
import { listOrganisations } from '@/lib/organisations/queries';
import { getAppLocale } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('organisations'))('title') };
}

type Props = { searchParams: Promise<{ country?: string; type?: string }> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const [{ country, type }, viewer, locale, t, tEnums] = await Promise.all([searchParams, getViewer(), getAppLocale(), getTranslations('organisations'), getTranslations('enums')]);
  const taxonomy = getTaxonomy(locale);
  const countryFilter = country && /^[A-Z]{2}$/.test(country) ? country : undefined;
  const typeFilter = type && (organisationTypes as readonly string[]).includes(type) ? type : undefined;
  const organisations = listOrganisations(viewer, { countryCode: countryFilter, type: typeFilter });
  const countriesInUse = [...new Set(listOrganisations(viewer).map((organisation) => organisation.countryCode))];
  // Counted under the case-study read rule: a visitor's numbers leave out members-only work.
  const caseStudyCounts = countReadableCaseStudiesByOrganisation(viewer);
  const tDirectory = await getTranslations('directory');
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      {/* A GET form: filtering works without JavaScript and the URL can be shared. */}
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">{t('filterCountry')}</span>
          <select name="country" defaultValue={countryFilter ?? ''} className="input">
            <option value="">{t('allCountries')}</option>
            {countriesInUse
              .map((code) => ({ code, label: taxonomy.countryLabel(code) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale))
              .map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('filterType')}</span>
          <select name="type" defaultValue={typeFilter ?? ''} className="input">
            <option value="">{t('allTypes')}</option>
            {organisationTypes.map((value) => (
              <option key={value} value={value}>
                {tEnums(`organisationType.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-secondary">
          {t('filter')}
        </button>
      </form>
      {organisations.length ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {organisations.map((organisation) => (
            <li key={organisation.id} className="card space-y-1">
              <Link href={`/organisations/${organisation.slug}`} className="font-semibold">
                {organisation.name}
              </Link>
              <p className="muted">
                {taxonomy.countryLabel(organisation.countryCode)} · {tEnums(`organisationType.${organisation.type}`)}
              </p>
              <TagList labels={organisation.populations.map(taxonomy.populationLabel)} />
              <p className="text-sm">{tDirectory('organisationCaseStudies', { count: caseStudyCounts.get(organisation.id) ?? 0 })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
    </div>
  );
}
