/**
 * The network's bilingual glossary: each line lists terms that mean the same in English and French
 * (with the acronyms members actually type). Meilisearch gets them as synonyms, so a query in one
 * language finds documents written in the other. Data, not code: add a line to teach search a term.
 */
export const glossary: readonly (readonly string[])[] = [
  ['msm', 'men who have sex with men', 'hsh', 'hommes ayant des rapports sexuels avec des hommes'],
  ['sex workers', 'sex worker', 'travailleuses du sexe', 'travailleurs du sexe', 'professionnelles du sexe', 'ts'],
  ['sex work', 'travail du sexe'],
  ['people who use drugs', 'pwud', 'udi', 'usagers de drogues', 'personnes qui usent de drogues', 'consommateurs de drogues'],
  ['people who inject drugs', 'pwid', 'usagers de drogues injectables'],
  ['transgender', 'trans', 'transgenre', 'transgenres'],
  ['transgender women', 'femmes transgenres', 'femmes trans'],
  ['key populations', 'populations clés', 'populations cles'],
  ['religious leaders', 'faith leaders', 'leaders religieux', 'chefs religieux'],
  ['traditional leaders', 'chefs traditionnels', 'autorités coutumières'],
  ['police', 'law enforcement', 'forces de l’ordre', "forces de l'ordre", 'policiers'],
  ['hiv', 'vih'],
  ['aids', 'sida'],
  ['harm reduction', 'réduction des risques', 'rdr'],
  ['peer educators', 'peer educator', 'pairs éducateurs', 'éducateurs pairs', 'pair éducateur'],
  ['peer education', 'éducation par les pairs'],
  ['stigma', 'stigmatisation'],
  ['human rights', 'droits humains', "droits de l'homme"],
  ['advocacy', 'plaidoyer'],
  ['safety', 'sûreté'],
  ['security', 'sécurité'],
  ['gender-based violence', 'gbv', 'violences basées sur le genre', 'vbg'],
  ['violence', 'violences'],
  ['health workers', 'health care workers', 'agents de santé', 'personnel de santé', 'prestataires de soins'],
  ['community engagement', 'engagement communautaire'],
  ['community', 'communauté'],
  ['lawyers', 'avocats'],
  ['paralegals', 'parajuristes'],
  ['decriminalisation', 'decriminalization', 'dépénalisation'],
  ['young people', 'youth', 'jeunes'],
  ['media', 'médias', 'journalists', 'journalistes'],
  ['hiv testing', 'dépistage du vih'],
  ['testing', 'dépistage'],
  ['prevention', 'prévention'],
  ['treatment', 'traitement'],
  ['prep', 'prophylaxie pré-exposition'],
  ['mental health', 'santé mentale'],
  ['funding', 'financement'],
  ['donors', 'bailleurs de fonds', 'bailleurs'],
  ['ministry of health', 'ministère de la santé'],
  ['safe spaces', 'espaces sûrs', 'lieux sûrs'],
  ['drop-in centre', 'drop-in center', "centre d'accueil"],
  ['outreach', 'travail de proximité'],
  ['lessons learned', 'leçons apprises', 'enseignements tirés'],
];

/** The glossary as Meilisearch's synonym map: every term points to every other term of its line. */
export function glossarySynonyms(lines: readonly (readonly string[])[] = glossary): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const line of lines) {
    for (const term of line) synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...line.filter((other) => other !== term)])];
  }
  return synonyms;
}
