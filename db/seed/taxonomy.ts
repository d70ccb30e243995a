import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { countries, keyPopulations, topics } from '../schema/taxonomy';
import taxonomy from './taxonomy.json';

// Codes Intl knows that are not countries (continents, unions, private-use and special areas).
const notCountries = new Set(['AC', 'CP', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

/** Every ISO 3166 region code with English and French names from ICU: events draw people from many more countries than the programme's ten. */
function allCountries() {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const french = new Intl.DisplayNames(['fr'], { type: 'region', fallback: 'none' });
  const result: { code: string; labelEn: string; labelFr: string }[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const labelEn = english.of(code);
      const labelFr = french.of(code);
      if (!labelEn || !labelFr || labelEn === code || notCountries.has(code)) continue;
      result.push({ code, labelEn, labelFr });
    }
  }
  return result;
}

/** Inserts or refreshes the network's taxonomy. Idempotent: runs at every start. */
export function seedTaxonomy(db: Db): void {
  const programme = new Map(taxonomy.countries.map((country) => [country.code, country]));
  db.transaction((tx) => {
    for (const country of allCountries()) {
      const own = programme.get(country.code);
      const row = { code: country.code, labelEn: own?.en ?? country.labelEn, labelFr: own?.fr ?? country.labelFr, isProgrammeCountry: !!own };
      tx.insert(countries).values(row).onConflictDoUpdate({ target: countries.code, set: { labelEn: row.labelEn, labelFr: row.labelFr, isProgrammeCountry: row.isProgrammeCountry } }).run();
    }
    taxonomy.keyPopulations.forEach((population, sortOrder) => {
      const row = { key: population.key, labelEn: population.en, labelFr: population.fr, sortOrder };
      tx.insert(keyPopulations).values(row).onConflictDoUpdate({ target: keyPopulations.key, set: { labelEn: row.labelEn, labelFr: row.labelFr, sortOrder } }).run();
    });
    for (const topic of taxonomy.topics) {
      tx.insert(topics).values({ key: topic.key, labelEn: topic.en, labelFr: topic.fr }).onConflictDoUpdate({ target: topics.key, set: { labelEn: sql`excluded.label_en`, labelFr: sql`excluded.label_fr` } }).run();
    }
  });
}
