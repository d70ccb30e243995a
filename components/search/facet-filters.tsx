import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { EventCard } from '@/lib/events/queries';
import type { Locale } from '@/lib/policy/types';
import { filterFacets, searchHref, type FilterFacet, type SearchParams } from '@/lib/search/params';
import type { FacetCounts } from '@/lib/search/query';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Option = { value: string; label: string; count: number; isSelected: boolean };

/** Every filter facet cleared, the search words, tab and sort kept. */
export const withoutFilters = Object.fromEntries(filterFacets.map((name) => [name, []])) as unknown as Record<FilterFacet, string[]>;

export const hasFilters = (params: SearchParams) => filterFacets.some((name) => params[name].length > 0);

/**
 * The facet groups: each value a link that adds or removes it (so filtering works without JavaScript and
 * the URL can be shared), with its count. Chosen values come first, even when nothing matches them any
 * more, so they can always be removed.
 */
export async function FacetFilters({ params, facets, events, themeTitles, locale }: { params: SearchParams; facets: FacetCounts; events: EventCard[]; themeTitles: Map<string, string>; locale: Locale }) {
  const [t, tEnums, tLanguage] = await Promise.all([getTranslations('search.facets'), getTranslations('enums.organisationType'), getTranslations('caseStudies.language')]);
  const taxonomy = getTaxonomy(locale);
  const eventTitles = new Map(events.map((event) => [event.id, event.title]));
  // A label for each value, or null to leave the value out: an event the viewer may not read is not named.
  const labelOf: Record<FilterFacet, (value: string) => string | null> = {
    eventId: (value) => eventTitles.get(value) ?? null,
    countries: taxonomy.countryLabel,
    populations: taxonomy.populationLabel,
    themes: (value) => themeTitles.get(value) ?? null,
    organisationType: (value) => (tEnums.has(value) ? tEnums(value) : value),
    language: (value) => (tLanguage.has(value) ? tLanguage(value) : value),
    year: (value) => value,
  };
  const collator = new Intl.Collator(locale);
  const groups = filterFacets
    .map((name) => {
      const counts = facets[name] ?? {};
      const values = [...new Set([...params[name], ...Object.keys(counts)])];
      const options = values
        .map((value) => ({ value, label: labelOf[name](value), count: counts[value] ?? 0, isSelected: params[name].includes(value) }))
        .filter((option): option is Option => option.label !== null)
        .sort(
          (a, b) =>
            Number(b.isSelected) - Number(a.isSelected) ||
            (name === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || collator.compare(a.label, b.label)),
        );
      return { name, options };
    })
    // A group appears once it has something to offer.
    .filter((group) => group.options.length > 0);

  if (!groups.length) return null;
  const toggle = (name: FilterFacet, option: Option) =>
    searchHref(params, { [name]: option.isSelected ? params[name].filter((value) => value !== option.value) : [...params[name], option.value] } as Partial<SearchParams>);

  return (
    <section aria-labelledby="search-filters-heading" className="space-y-4 md:w-64 md:shrink-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="search-filters-heading">{t('title')}</h2>
        {hasFilters(params) ? (
          <Link href={searchHref(params, withoutFilters)} className="text-sm">
            {t('clear')}
          </Link>
        ) : null}
      </div>
      {groups.map((group) => (
        <section key={group.name} aria-labelledby={`facet-${group.name}`} className="space-y-1">
          <h3 id={`facet-${group.name}`} className="text-sm font-semibold">
            {t(group.name)}
          </h3>
          <ul className="space-y-1 text-sm">
            {group.options.map((option) => (
              <li key={option.value}>
                <Link href={toggle(group.name, option)} rel="nofollow" className="inline-flex items-start gap-2">
                  {/* A checkbox's look; the words for screen readers are in the link text. */}
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded-sm border text-xs leading-none ${option.isSelected ? 'border-teal-800 bg-teal-800 text-white' : 'border-stone-400 bg-white'}`}
                  >
                    {option.isSelected ? '✓' : ''}
                  </span>
                  <span>
                    {option.label} <span className="text-stone-600">({option.count})</span>
                    {option.isSelected ? <span className="sr-only"> {t('selected')}</span> : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
