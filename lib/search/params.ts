import { z } from 'zod';
import { documentTypes } from './documents';
import { facetNames, type FacetName } from './settings';

/** Facets that narrow results (the type is a tab of its own). */
export const filterFacets = facetNames.filter((name) => name !== 'type') as Exclude<FacetName, 'type'>[];
export type FilterFacet = (typeof filterFacets)[number];

/** Each facet's name in the page's query string: short, singular, readable in a shared link. */
export const facetParam: Record<FilterFacet, string> = {
  eventId: 'event',
  countries: 'country',
  populations: 'population',
  themes: 'theme',
  organisationType: 'orgType',
  language: 'language',
  year: 'year',
};

// Facet values are our ids, keys, ISO codes and years: anything else in the URL is dropped, not searched.
const facetValue = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => [...new Set((value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((item) => facetValue.safeParse(item).success))].slice(0, 20));

/** The search page's query string, as a plain GET form sends it. Never throws: bad parts fall back. */
const SearchParamsSchema = z.object({
  q: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().catch('').default('')).transform((value) => value.trim().slice(0, 200)),
  type: z.enum(['all', ...documentTypes]).catch('all').default('all'),
  sort: z.enum(['relevance', 'date']).catch('relevance').default('relevance'),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  ...Object.fromEntries(filterFacets.map((name) => [facetParam[name], list])),
});

export type SearchParams = {
  q: string;
  type: 'all' | (typeof documentTypes)[number];
  sort: 'relevance' | 'date';
  page: number;
} & Record<FilterFacet, string[]>;

/** Reads the page's query string (as Next gives it) into search parameters. */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  const parsed = SearchParamsSchema.parse(raw) as Record<string, unknown>;
  const facets = Object.fromEntries(filterFacets.map((name) => [name, parsed[facetParam[name]] as string[]])) as Record<FilterFacet, string[]>;
  return { q: parsed.q as string, type: parsed.type as SearchParams['type'], sort: parsed.sort as SearchParams['sort'], page: parsed.page as number, ...facets };
}

/** The URL of a search, for links that change one thing (a facet, the tab, the page). */
export function searchHref(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const next = { ...params, page: 1, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set('q', next.q);
  if (next.type !== 'all') query.set('type', next.type);
  for (const name of filterFacets) for (const value of next[name]) query.append(facetParam[name], value);
  if (next.sort !== 'relevance') query.set('sort', next.sort);
  if (next.page > 1) query.set('page', String(next.page));
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}
