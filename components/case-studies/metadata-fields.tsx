import { getTranslations } from 'next-intl/server';
import { CheckboxGroupField, SelectField, TextField } from '@/components/ui/action-form';
import type { Locale } from '@/lib/policy/types';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export type MetadataDefaults = { title?: string; summary?: string; language?: string; countries?: string[]; populations?: string[]; topics?: string[]; freeTags?: string[] };

/** The case-study metadata fields, shared by the create form and the edit page's metadata form. */
export async function MetadataFields({ locale, defaults = {}, topicKeys }: { locale: Locale; defaults?: MetadataDefaults; topicKeys?: string[] }) {
  const [t, tLanguage] = await Promise.all([getTranslations('caseStudies.new'), getTranslations('caseStudies.language')]);
  const taxonomy = getTaxonomy(locale);
  const programmeCountries = taxonomy.countries.filter((country) => country.isProgrammeCountry);
  const otherCountries = taxonomy.countries.filter((country) => !country.isProgrammeCountry);
  const chosenOther = (defaults.countries ?? []).find((code) => otherCountries.some((country) => country.value === code));
  // The event's key topics first, when the case study answers an event's call.
  const topics = topicKeys?.length ? [...topicKeys.map((key) => ({ value: key, label: taxonomy.topicLabel(key) }))] : taxonomy.topics;
  return (
    <>
      <TextField name="title" label={t('titleField')} defaultValue={defaults.title} required maxLength={160} />
      <TextField name="summary" label={t('summary')} hint={t('summaryHint')} defaultValue={defaults.summary} multiline required maxLength={600} />
      <SelectField name="language" label={t('language')} defaultValue={defaults.language ?? locale} options={[{ value: 'en', label: tLanguage('en') }, { value: 'fr', label: tLanguage('fr') }]} />
      <CheckboxGroupField name="countries" label={t('countries')} options={programmeCountries} defaultValues={defaults.countries} />
      <SelectField name="countries" label={`${t('countries')} (+)`} defaultValue={chosenOther ?? ''} options={[{ value: '', label: '—' }, ...otherCountries]} />
      <CheckboxGroupField name="populations" label={t('populations')} options={taxonomy.populations} defaultValues={defaults.populations} />
      <CheckboxGroupField name="topics" label={t('topics')} options={topics} defaultValues={defaults.topics} />
      <TextField name="freeTags" label={t('freeTags')} hint={t('freeTagsHint')} defaultValue={(defaults.freeTags ?? []).join(', ')} maxLength={500} />
    </>
  );
}
