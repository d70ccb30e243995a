import type { Locator, Page } from '@playwright/test';
import { expect, signedInContext, test, waitForHydration } from './fixtures';
import { isEditorCode, scriptsLoadedBy } from './support/case-studies';
import { expectPageInFrench } from './support/french';

// Finding things. A French-speaking newcomer finds an English case study through the bilingual glossary
// and narrows it with facets; the page works without JavaScript; an organisation-only case study is found by
// its own organisation and by no one else; an empty result says what to try.
// Accounts: `nakato` (editor at Amani, which owns the organisation-only case study "A safe space for young
// people who sell sex") and `participant` (Ubuntu). Search is read-only: nothing here changes the demo.

const words = {
  en: {
    nav: 'Search',
    box: 'Search the network',
    submit: 'Search',
    results: 'Search results',
    tabs: 'Kind of result',
    tab: { all: 'All', case_study: 'Case studies', lesson: 'Lessons learned', organisation: 'Organisations' },
    badge: { case_study: 'Case study', lesson: 'Lesson learned', organisation: 'Organisation' },
    total: (count: number) => (count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`),
    country: 'Country',
    population: 'Key population',
    selected: '(selected)',
    clear: 'Clear filters',
    empty: { title: 'Nothing matched your search', spelling: 'checking the spelling', fewerWords: 'fewer or more general words', removeFilters: 'removing the filters', allTypes: 'searching all kinds of results', topics: 'Or explore one of the network’s key topics:' },
  },
  fr: {
    nav: 'Rechercher',
    box: 'Rechercher dans le réseau',
    submit: 'Rechercher',
    results: 'Résultats de la recherche',
    tabs: 'Type de résultat',
    tab: { all: 'Tout', case_study: 'Études de cas', lesson: 'Leçons apprises', organisation: 'Organisations' },
    badge: { case_study: 'Étude de cas', lesson: 'Leçon apprise', organisation: 'Organisation' },
    total: (count: number) => (count === 0 ? 'Aucun résultat' : count === 1 ? '1 résultat' : `${count} résultats`),
    country: 'Pays',
    population: 'Population clé',
    selected: '(sélectionné)',
    clear: 'Effacer les filtres',
    empty: {
      title: 'Rien ne correspond à votre recherche',
      spelling: 'vérifier l’orthographe',
      fewerWords: 'utiliser moins de mots, ou des mots plus généraux',
      removeFilters: 'retirer les filtres',
      allTypes: 'chercher dans tous les types de résultats',
      topics: 'Ou explorez l’un des thèmes clés du réseau :',
    },
  },
};
type Words = typeof words.en;
type ResultType = keyof Words['badge'];

/** The English case study about faith (religious) leaders in Kenya (Tumaini, public). */
const faithLeaders = 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties';
/** Amani's case study, published to its own organisation only. */
const safeSpace = 'A safe space for young people who sell sex: what we changed when we listened';

const main = (page: Page) => page.getByRole('main');

function searchPage(page: Page, t: Words) {
  const content = main(page);
  const results = content.getByRole('list', { name: t.results, exact: true });
  return {
    box: content.getByRole('searchbox', { name: t.box, exact: true }),
    submit: content.getByRole('search').getByRole('button', { name: t.submit, exact: true }),
    total: content.getByRole('status'),
    results,
    /** The result cards (not the labels listed inside each card). */
    items: results.locator(':scope > li'),
    item: (title: string, type: ResultType) => results.locator(':scope > li').filter({ hasText: new RegExp(`^\\s*${t.badge[type]}`) }).filter({ has: page.getByRole('link', { name: title, exact: true }) }),
    tab: (type: keyof Words['tab']) => content.getByRole('navigation', { name: t.tabs, exact: true }).getByRole('link', { name: new RegExp(`^${t.tab[type]} \\d+$`) }),
    facet: (group: string, label: string) => content.getByRole('region', { name: group, exact: true }).getByRole('link', { name: new RegExp(`^${escapeRegExp(label)} \\(\\d+\\)`) }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The count a facet link shows: "Kenya (2)", "Hommes ayant des rapports sexuels avec des hommes (HSH) (4)". */
async function countIn(link: Locator): Promise<number> {
  const text = (await link.textContent()) ?? '';
  const match = /\((\d+)\)/.exec(text);
  if (!match) throw new Error(`No count in "${text}"`);
  return Number(match[1]);
}

/**
 * The shown total is the number of result cards, and the tabs agree with the list: All is the total, and
 * each type's tab counts the cards carrying its badge. For result lists of one page.
 */
async function expectCountsConsistent(page: Page, t: Words) {
  const search = searchPage(page, t);
  await expect(search.total).toBeVisible();
  const listed = await search.items.count();
  await expect(search.total).toHaveText(t.total(listed));
  await expect(search.tab('all')).toHaveAccessibleName(`${t.tab.all} ${listed}`);
  for (const type of Object.keys(t.badge) as ResultType[]) {
    const cards = search.items.filter({ hasText: new RegExp(`^\\s*${t.badge[type]}(?!s)`) });
    await expect(search.tab(type)).toHaveAccessibleName(`${t.tab[type]} ${await cards.count()}`);
  }
}

test('a newcomer searches in French, finds an English case study through the glossary, narrows it and opens it', async ({ browser }) => {
  const t = words.fr;
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const search = searchPage(page, t);

  await test.step('the header leads to the search page, which lists what a visitor may read, in French', async () => {
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: t.nav, exact: true }).click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(page).toHaveTitle(/^Rechercher · Baraza$/);
    await expect(search.items.first()).toBeVisible();
    await expectPageInFrench(page, null);
  });

  await test.step('« leaders religieux » finds the English case study about faith leaders as one types', async () => {
    await waitForHydration(page);
    await search.box.fill('leaders religieux');
    // No submit: the results follow the typing and the URL keeps the query.
    await expect(page).toHaveURL(/\/search\?q=leaders\+religieux$/);
    await expect(search.item(faithLeaders, 'case_study')).toBeVisible();
    await expect(search.item(faithLeaders, 'case_study').locator('mark').first()).toBeVisible();
    await expect(search.box).toHaveValue('leaders religieux');
    await expectCountsConsistent(page, t);
    await expectPageInFrench(page, null);
  });

  await test.step('the country facet narrows to Kenya: the total becomes the facet’s count', async () => {
    const kenya = search.facet(t.country, 'Kenya');
    const expected = await countIn(kenya);
    const before = await search.items.count();
    expect(expected).toBeLessThan(before);
    await kenya.click();
    await expect(page).toHaveURL(/\/search\?q=leaders\+religieux&country=KE$/);
    await expect(search.total).toHaveText(t.total(expected));
    await expect(search.items).toHaveCount(expected);
    for (const card of await search.items.all()) await expect(card.getByRole('listitem').filter({ hasText: /^Kenya$/ })).toHaveCount(1);
    await expect(search.facet(t.country, 'Kenya')).toHaveAccessibleName(new RegExp(`^Kenya \\(\\d+\\) ${escapeRegExp(t.selected)}$`));
  });

  await test.step('the key-population facet narrows further; the URL keeps both choices and the counts follow', async () => {
    const lgbti = search.facet(t.population, 'Personnes LGBTI');
    const expected = await countIn(lgbti);
    const ivoryCoast = main(page).getByRole('region', { name: t.country, exact: true }).getByRole('link', { name: /^Côte d'Ivoire/ });
    await expect(ivoryCoast).toHaveCount(1); // the chosen group counts as if unchosen: other countries stay offered
    await lgbti.click();
    await expect(page).toHaveURL(/\/search\?q=leaders\+religieux&country=KE&population=lgbti$/);
    await expect(search.total).toHaveText(t.total(expected));
    await expect(search.items).toHaveCount(expected);
    for (const card of await search.items.all()) await expect(card.getByRole('listitem').filter({ hasText: /^Personnes LGBTI$/ })).toHaveCount(1);
    // Countries are counted among LGBTI results now: Côte d’Ivoire's French case study (not LGBTI) is gone.
    await expect(ivoryCoast).toHaveCount(0);
    await expect(main(page).getByRole('link', { name: t.clear, exact: true })).toHaveAttribute('href', '/search?q=leaders+religieux');
    await expectPageInFrench(page, null);
  });

  await test.step('the result opens the case study', async () => {
    await search.item(faithLeaders, 'case_study').getByRole('link', { name: faithLeaders, exact: true }).click();
    await expect(page).toHaveURL(/\/case-studies\/[^/?#]+$/);
    await expect(page.getByRole('heading', { level: 1, name: faithLeaders })).toBeVisible();
  });
  await context.close();
});

test('without JavaScript: the form searches, facets and tabs are links, and a new search keeps the choices', async ({ browser }) => {
  const t = words.en;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const search = searchPage(page, t);

  // Browsing everything: the newest first, a page at a time.
  await page.goto('/search');
  await expect(main(page).getByRole('navigation', { name: /^Page 1 of \d+$/ })).toBeVisible();
  await main(page).getByRole('link', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?page=2$/);
  await expect(main(page).getByRole('navigation', { name: /^Page 2 of \d+$/ })).toBeVisible();
  await expect(search.items.first()).toBeVisible();

  await search.box.fill('faith leaders');
  await search.submit.click();
  await expect(page).toHaveURL(/\/search\?q=faith\+leaders$/);
  await expect(search.item(faithLeaders, 'case_study')).toBeVisible();
  await expectCountsConsistent(page, t);

  const kenya = search.facet(t.country, 'Kenya');
  const expected = await countIn(kenya);
  await kenya.click();
  await expect(page).toHaveURL(/\/search\?q=faith\+leaders&country=KE$/);
  await expect(search.total).toHaveText(t.total(expected));

  await search.tab('lesson').click();
  await expect(page).toHaveURL(/\/search\?q=faith\+leaders&type=lesson&country=KE$/);
  await expect(search.tab('lesson')).toHaveAttribute('aria-current', 'page');
  await expect(search.item(faithLeaders, 'lesson')).toBeVisible();
  await expect(search.items.filter({ hasNotText: new RegExp(`^\\s*${t.badge.lesson}`) })).toHaveCount(0);

  // A new query from the box keeps the tab and the country, and starts again from the first page.
  await search.box.fill('religious leaders');
  await search.submit.click();
  await expect(page).toHaveURL(/\/search\?q=religious\+leaders&type=lesson&country=KE$/);
  await expect(search.item(faithLeaders, 'lesson')).toBeVisible();
  await context.close();
});

test('an organisation-only case study is found by its organisation and by no one else, with honest counts', async ({ browser }) => {
  const t = words.en;
  // A phrase: only the case study and its lesson match, so every result fits on the first page.
  const query = '"what we changed when we listened"';
  const owner = await signedInContext(browser, 'nakato');
  const outsider = await signedInContext(browser, 'participant');

  for (const [viewer, canSee] of [
    [owner, true],
    [outsider, false],
  ] as const) {
    const page = viewer.page;
    const search = searchPage(page, t);
    await page.goto('/search');
    await search.box.fill(query);
    await search.box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=%22what\+we\+changed\+when\+we\+listened%22$/);
    await expect(search.total).toBeVisible();
    await expect(search.item(safeSpace, 'case_study')).toHaveCount(canSee ? 1 : 0);
    await expect(main(page).getByRole('link', { name: safeSpace, exact: true })).toHaveCount(canSee ? 2 : 0); // the case study and its lessons
    await expectCountsConsistent(page, t);
  }
  await Promise.all([owner.context.close(), outsider.context.close()]);
});

test('an empty result says what to try, in English and in French', async ({ browser, page }) => {
  const t = words.en;
  const search = searchPage(page, t);
  // Search as you type ships a few lines of script; the editor stays on edit pages.
  const scripts = await scriptsLoadedBy(page, '/search?q=xylophonequartz&type=organisation&country=KE');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => isEditorCode(script.body)).map((script) => script.url)).toEqual([]);
  await expect(search.total).toHaveText(t.total(0));
  const help = main(page).getByRole('region', { name: t.empty.title, exact: true });
  await expect(help.getByText(t.empty.spelling, { exact: true })).toBeVisible();
  await expect(help.getByText(t.empty.fewerWords, { exact: true })).toBeVisible();
  await expect(help.getByRole('link', { name: t.empty.removeFilters, exact: true })).toHaveAttribute('href', '/search?q=xylophonequartz&type=organisation');
  await expect(help.getByRole('link', { name: t.empty.allTypes, exact: true })).toHaveAttribute('href', '/search?q=xylophonequartz&country=KE');
  const topics = help.getByRole('list', { name: t.empty.topics, exact: true }).getByRole('link');
  await expect(topics).toHaveCount(6);

  // A key topic is a search of its own, and it finds something.
  const topic = (await topics.first().textContent())!.trim();
  await topics.first().click();
  await expect(page).toHaveURL(new RegExp(`/search\\?${escapeRegExp(new URLSearchParams({ q: topic }).toString())}$`));
  await expect(search.items.first()).toBeVisible();

  const french = await browser.newContext({ locale: 'fr-FR' });
  const frenchPage = await french.newPage();
  await frenchPage.goto('/search?q=xylophonequartz&country=KE');
  await expect(searchPage(frenchPage, words.fr).total).toHaveText(words.fr.total(0));
  const aide = main(frenchPage).getByRole('region', { name: words.fr.empty.title, exact: true });
  await expect(aide.getByRole('link', { name: words.fr.empty.removeFilters, exact: true })).toHaveAttribute('href', '/search?q=xylophonequartz');
  await expect(aide.getByText(words.fr.empty.spelling, { exact: true })).toBeVisible();
  await expectPageInFrench(frenchPage, null);
  await french.close();
});
