import 'server-only';
import { asc, desc } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { countries, keyPopulations, topics } from '@/db/schema/taxonomy';
import type { Locale } from '@/lib/policy/types';

export type Option = { value: string; label: string };

/** Country, key-population and topic labels in the viewer's language, read once per request. */
export const getTaxonomy = cache((locale: Locale) => {
  const db = getDb();
  const pick = (row: { labelEn: string; labelFr: string }) => (locale === 'fr' ? row.labelFr : row.labelEn);
  const collator = new Intl.Collator(locale);
  const countryRows = db.select().from(countries).orderBy(desc(countries.isProgrammeCountry)).all();
  const countryOptions = countryRows
    .map((row) => ({ value: row.code, label: pick(row), isProgrammeCountry: row.isProgrammeCountry }))
    .sort((a, b) => Number(b.isProgrammeCountry) - Number(a.isProgrammeCountry) || collator.compare(a.label, b.label));
  const populationOptions = db.select().from(keyPopulations).orderBy(asc(keyPopulations.sortOrder)).all().map((row) => ({ value: row.key, label: pick(row) }));
  const topicOptions = db.select().from(topics).all().map((row) => ({ value: row.key, label: pick(row) })).sort((a, b) => collator.compare(a.label, b.label));
  const label = (options: Option[], value: string) => options.find((option) => option.value === value)?.label ?? value;
  return {
    countries: countryOptions,
    populations: populationOptions,
    topics: topicOptions,
    countryLabel: (code: string) => label(countryOptions, code),
    populationLabel: (key: string) => label(populationOptions, key),
    topicLabel: (key: string) => label(topicOptions, key),
  };
});
