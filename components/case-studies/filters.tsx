import { getTranslations } from 'next-intl/server';
import { FilterButtons, FilterSelect } from '@/components/ui/filter-fields';
import type { Option } from '@/lib/taxonomy/queries';

export type FilterValues = { event?: string; country?: string; population?: string; topic?: string; language?: string };

/** A GET form: filters work without JavaScript and the URL can be shared. */
export async function CaseStudyFilters({ values, events, countries, populations, topics }: { values: FilterValues; events: Option[]; countries: Option[]; populations: Option[]; topics: Option[] }) {
  const [t, tLanguage] = await Promise.all([getTranslations('caseStudies.filters'), getTranslations('caseStudies.language')]);
  const fields: { name: keyof FilterValues; label: string; options: Option[] }[] = [
    { name: 'event', label: t('event'), options: events },
    { name: 'country', label: t('country'), options: countries },
    { name: 'population', label: t('population'), options: populations },
    { name: 'topic', label: t('topic'), options: topics },
    { name: 'language', label: t('language'), options: [{ value: 'en', label: tLanguage('en') }, { value: 'fr', label: tLanguage('fr') }] },
  ];
  return (
    <form method="get" className="card grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t('legend')}>
      {fields.map((field) => (
        <FilterSelect key={field.name} name={field.name} label={field.label} anyLabel={t('any')} value={values[field.name]} options={field.options} />
      ))}
      <FilterButtons applyLabel={t('apply')} clearLabel={t('clear')} clearHref="?" />
    </form>
  );
}
