import { getTranslations } from 'next-intl/server';
import { FilterButtons, FilterSelect } from '@/components/ui/filter-fields';
import type { FacetCount } from '@/lib/directory/queries';
import type { DirectoryFilters as Filters } from '@/lib/directory/schemas';

type Choice = { value: string; label: string; count: number };

/**
 * A GET form: filtering works without JavaScript and the URL can be shared. Each option says how many
 * listed members it would find (members who did not opt in are not in these numbers).
 */
export async function DirectoryFilters({ values, countries, populations, topics, events }: { values: Omit<Filters, 'page'>; countries: Choice[]; populations: Choice[]; topics: Choice[]; events: Choice[] }) {
  const t = await getTranslations('directory.filters');
  const fields: { name: 'country' | 'population' | 'topic' | 'event'; label: string; options: Choice[] }[] = [
    { name: 'country', label: t('country'), options: countries },
    { name: 'population', label: t('population'), options: populations },
    { name: 'topic', label: t('topic'), options: topics },
    { name: 'event', label: t('event'), options: events },
  ];
  return (
    <form method="get" action="/directory" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('legend')}>
      <label className="text-sm">
        <span className="block font-medium">{t('name')}</span>
        <input type="search" name="q" defaultValue={values.q ?? ''} maxLength={60} className="input" />
      </label>
      {fields.map((field) => (
        <FilterSelect
          key={field.name}
          name={field.name}
          label={field.label}
          anyLabel={t('any')}
          value={values[field.name]}
          options={field.options.map((option) => ({ value: option.value, label: t('option', { label: option.label, count: option.count }) }))}
        />
      ))}
      <FilterButtons applyLabel={t('apply')} clearLabel={t('clear')} clearHref="/directory" />
    </form>
  );
}

/** Facet counts with their labels, alphabetical (events keep their own order, newest first). */
export function facetChoices(facets: FacetCount[], labelOf: (value: string) => string, locale: string, options: { keepOrder?: boolean } = {}): Choice[] {
  const choices = facets.map((facet) => ({ value: facet.value, label: facet.label ?? labelOf(facet.value), count: facet.count }));
  return options.keepOrder ? choices : choices.sort((a, b) => a.label.localeCompare(b.label, locale));
}
