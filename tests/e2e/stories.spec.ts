import type { Locator, Page } from '@playwright/test';
import { expect, signIn, signedInContext, test } from './fixtures';
import { isEditorCode, scriptsLoadedBy, uniqueSuffix } from './support/case-studies';

// Applied-learning stories in the browser: a member records how they applied a public case study (a
// refused first try keeps what they typed), lands on the story, and finds it counted and listed on the
// case study; a visitor sees neither the members-only story nor a count that includes it. Then a French
// member records a story on a theme without JavaScript. Accounts: `member` (Baraka, Tumaini, Kenya) and
// `adjoua` (Espoir, Côte d'Ivoire, French), who record the only new stories; the case study and the theme
// are touched by no other journey's assertions.

const caseStudy = 'Walking alongside: peer navigation for trans women from first contact to viral suppression';
/** A members-only demo story on it (Nuru, Kenya): visitors must not see it. */
const membersOnlyDemoStory = 'Peer navigation for young trans men, ten years after LSE 1';

/** The "Applied by N organisations in M countries." sentence, as numbers (zero when nobody applied it yet). */
async function appliedCounts(section: Locator): Promise<{ text: string; organisations: number; countries: number }> {
  const text = (await section.getByTestId('applied-summary').textContent()) ?? '';
  const match = /(\d+) (?:organisations?|members?) in (\d+) countr/.exec(text) ?? /(\d+) (?:organisations?|membres?) dans (\d+) pays/.exec(text);
  return { text, organisations: match ? Number(match[1]) : 0, countries: match ? Number(match[2]) : 0 };
}

async function openCaseStudy(page: Page) {
  await page.goto('/case-studies');
  await page.getByRole('link', { name: caseStudy }).click();
  await expect(page.getByRole('heading', { level: 1, name: caseStudy })).toBeVisible();
  return page.getByRole('region', { name: 'Applied in practice' });
}

test('a member records how they applied a case study, and it counts on the case study; visitors do not see it', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Peer navigators at our Mombasa drop-in ${uniqueSuffix()}`;
  const body = 'We adapted the peer navigation model after LSE 1.\n\nTwo peer navigators now walk new clients to the clinic and call them before each visit.';

  // A visitor first: the public demo story counts, the members-only one does not show.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const visitorSection = await openCaseStudy(visitor);
  const visitorBefore = await appliedCounts(visitorSection);
  expect(visitorBefore.organisations).toBeGreaterThanOrEqual(1);
  await expect(visitorSection.getByRole('link', { name: membersOnlyDemoStory })).toHaveCount(0);
  await expect(visitorSection.getByRole('link', { name: 'Sign in to record how you applied this' })).toBeVisible();

  // The member reads the current count: Tumaini has not applied this one yet.
  const { context, page } = await signedInContext(browser, 'member');
  const section = await openCaseStudy(page);
  const before = await appliedCounts(section);
  expect(before.organisations).toBeGreaterThan(visitorBefore.organisations);
  await expect(section.getByRole('link', { name: membersOnlyDemoStory })).toBeVisible();
  await section.getByRole('link', { name: 'Record how you applied this' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record how you applied something' })).toBeVisible();
  // The case study it came from is already chosen.
  await expect(page.getByRole('checkbox', { name: caseStudy })).toBeChecked();

  // First try without saying how it was applied: refused, and what was typed is kept.
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Your story' }).fill(body);
  await expect(page.getByRole('combobox', { name: 'Who applied it' })).toHaveValue(/.+/);
  await expect(page.getByRole('radio', { name: /^Members/ })).toBeChecked();
  await page.getByRole('button', { name: 'Record the story' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the fields marked below.');
  await expect(page.getByText('Choose at least one way you applied it.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Your story' })).toHaveValue(body);
  await expect(page.getByRole('checkbox', { name: caseStudy })).toBeChecked();

  await page.getByRole('checkbox', { name: 'Incorporated good practice learning from other contexts into own programming' }).check();
  await page.getByRole('checkbox', { name: 'Programming', exact: true }).check();
  await page.getByRole('button', { name: 'Record the story' }).click();

  // The story, as recorded.
  await expect(page).toHaveURL(/\/stories\/[a-z0-9]+\?recorded=1$/);
  await expect(page.getByRole('status')).toHaveText('Thank you: your story is recorded.');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Tumaini Health Alliance · Kenya')).toBeVisible();
  await expect(page.getByText('Two peer navigators now walk new clients to the clinic and call them before each visit.')).toBeVisible();
  const storyUrl = page.url().replace(/\?.*$/, '');

  // Back on the case study: one more organisation, and the story listed.
  await page.getByRole('region', { name: 'Where the learning came from' }).getByRole('link', { name: caseStudy }).click();
  const after = await appliedCounts(page.getByRole('region', { name: 'Applied in practice' }));
  expect(after.organisations).toBe(before.organisations + 1);
  expect(after.countries).toBeGreaterThanOrEqual(before.countries);
  await expect(page.getByRole('region', { name: 'Applied in practice' }).getByRole('link', { name: title })).toBeVisible();

  // Read pages send no editor code: the case study with its section (to a fresh visitor), and the story
  // (to its writer: every script the page holds once loaded, read back from the server).
  const caseStudyPath = new URL(page.url()).pathname;
  const freshContext = await browser.newContext();
  const caseStudyScripts = await scriptsLoadedBy(await freshContext.newPage(), caseStudyPath);
  expect(caseStudyScripts.length).toBeGreaterThan(0);
  expect(caseStudyScripts.filter((script) => isEditorCode(script.body)).map((script) => script.url)).toEqual([]);
  await freshContext.close();
  await page.goto(storyUrl);
  const storyScripts = await page.evaluate(() => [...document.scripts].map((script) => script.src).filter(Boolean));
  expect(storyScripts.length).toBeGreaterThan(0);
  for (const src of storyScripts) expect(isEditorCode(await (await page.request.get(src)).text()), src).toBe(false);
  await page.goBack();

  // The visitor: same count as before, no new story, and its page does not exist for them.
  await visitor.reload();
  const visitorAfter = await appliedCounts(visitor.getByRole('region', { name: 'Applied in practice' }));
  expect(visitorAfter.text).toBe(visitorBefore.text);
  await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
  const response = await visitor.goto(storyUrl);
  expect(response?.status()).toBe(404);

  await context.close();
  await visitorContext.close();
});

test('a French member records a story on a theme without JavaScript', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Des porte-parole choisis par les travailleuses ${uniqueSuffix()}`;
  const body = 'Après LSE 2, nous avons demandé aux travailleuses du sexe de choisir elles-mêmes leurs porte-parole auprès du district sanitaire.';
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'adjoua');

  await page.goto('/events/lse-2/synthesis');
  await page.getByRole('link', { name: 'Légitimité', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Légitimité' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Mis en pratique' });
  await expect(section.getByTestId('applied-summary')).toHaveText('Personne n’a encore raconté l’avoir mis en pratique.');
  await section.getByRole('link', { name: 'Racontez comment vous l’avez mis en pratique' }).click();
  await expect(page.getByRole('checkbox', { name: 'Légitimité' })).toBeChecked();

  // No title: refused without scripts, and the story is still there.
  await page.getByRole('textbox', { name: 'Votre récit' }).fill(body);
  await page.getByRole('checkbox', { name: 'Mobilisation d’un plus large éventail d’acteurs autour des programmes, de la santé et des droits des populations clés' }).check();
  await page.getByRole('button', { name: 'Enregistrer le récit' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Veuillez corriger les champs signalés ci-dessous.');
  await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Votre récit' })).toHaveValue(body);
  await expect(page.getByRole('checkbox', { name: 'Légitimité' })).toBeChecked();

  await page.getByRole('textbox', { name: 'Titre' }).fill(title);
  await page.getByRole('button', { name: 'Enregistrer le récit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Légitimité' }).click();
  await expect(page.getByRole('region', { name: 'Mis en pratique' }).getByTestId('applied-summary')).toHaveText('Mis en pratique par 1 organisation dans 1 pays.');
  await expect(page.getByRole('region', { name: 'Mis en pratique' }).getByRole('link', { name: title })).toBeVisible();
  await context.close();
});
