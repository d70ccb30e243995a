/**
 * What people type into the search box, in the form the search page's query string arrives in (see
 * lib/search/params.ts): single words, phrases, typos, the acronyms members use (MSM/HSH, PrEP), in
 * English and French, about a third narrowed by a facet, a few sorted by date. Facet values exist in the
 * synthetic network (programme countries, population keys, years it covers). Every query with text also
 * meets forum posts; the `discussion` ones are what people look for in discussions (words only posts
 * use, or the discussions tab, `type=thread`).
 */
export type BenchQuery = { kind: 'word' | 'phrase' | 'typo' | 'acronym' | 'discussion' | 'browse'; language: 'en' | 'fr'; raw: Record<string, string | string[]> };

const query = (kind: BenchQuery['kind'], language: BenchQuery['language'], q: string, extra: Record<string, string | string[]> = {}): BenchQuery => ({ kind, language, raw: { q, ...extra } });

export const benchQueries: readonly BenchQuery[] = [
  query('word', 'en', 'stigma'),
  query('word', 'en', 'police'),
  query('word', 'en', 'safety', { country: 'KE' }),
  query('word', 'en', 'hotline'),
  query('word', 'en', 'funding', { type: 'lesson' }),
  query('phrase', 'en', 'religious leaders'),
  query('phrase', 'en', 'peer educators', { population: 'sex_workers' }),
  query('phrase', 'en', 'police violence against sex workers'),
  query('phrase', 'en', 'harm reduction services', { country: ['TZ', 'KE'] }),
  query('phrase', 'en', 'mental health support for transgender women'),
  query('phrase', 'en', 'working with religious leaders to reduce stigma'),
  query('phrase', 'en', 'safety and security plan', { year: '2019' }),
  query('phrase', 'en', 'legal aid arbitrary arrests', { sort: 'date' }),
  query('typo', 'en', 'religous leaders'),
  query('typo', 'en', 'stigmma'),
  query('typo', 'en', 'peer educaters'),
  query('acronym', 'en', 'MSM'),
  query('acronym', 'en', 'PrEP', { language: 'en' }),
  query('acronym', 'en', 'MSM Nairobi'),
  query('acronym', 'en', 'HIV testing', { population: 'msm' }),
  query('word', 'fr', 'stigmatisation'),
  query('word', 'fr', 'policiers'),
  query('word', 'fr', 'sécurité', { country: 'SN' }),
  query('word', 'fr', 'plaidoyer'),
  query('phrase', 'fr', 'leaders religieux'),
  query('phrase', 'fr', 'pairs éducateurs', { language: 'fr' }),
  query('phrase', 'fr', 'travailleuses du sexe'),
  query('phrase', 'fr', 'violences policières', { country: 'CI' }),
  query('phrase', 'fr', 'réduction des risques'),
  query('phrase', 'fr', 'dépistage du VIH à Dakar'),
  query('phrase', 'fr', "forces de l'ordre", { type: 'case_study' }),
  query('phrase', 'fr', 'espaces sûrs pour les jeunes', { sort: 'date' }),
  query('typo', 'fr', 'stigmatisaton'),
  query('typo', 'fr', 'leader religieu'),
  query('typo', 'fr', 'securite'),
  query('acronym', 'fr', 'HSH'),
  query('acronym', 'fr', 'HSH Abidjan', { population: 'msm' }),
  query('acronym', 'fr', 'PrEP', { language: 'fr' }),
  query('discussion', 'en', 'has anyone tried'),
  query('discussion', 'en', 'thank you for sharing', { type: 'thread' }),
  query('discussion', 'en', 'police harassment', { type: 'thread', sort: 'date' }),
  query('discussion', 'fr', 'merci pour ce partage'),
  query('discussion', 'fr', 'leaders religieux', { type: 'thread' }),
  query('discussion', 'fr', 'financer la PrEP après la fin du projet', { type: 'thread' }),
  query('browse', 'en', '', { country: 'UG' }),
  query('browse', 'fr', '', { sort: 'date' }),
];

/** A query's label in the report: its text and any narrowing. */
export function describeQuery(benchQuery: BenchQuery): string {
  const { q, ...rest } = benchQuery.raw;
  const filters = Object.entries(rest).map(([name, value]) => `${name}=${Array.isArray(value) ? value.join('|') : value}`);
  return [q ? JSON.stringify(q) : '(no text)', ...filters].join(' ');
}
