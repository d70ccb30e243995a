import type { Browser, Page } from '@playwright/test';
import { expect, signIn, signedInContext, test } from './fixtures';
import { expectPageInFrench } from './support/french';

// Follow-up surveys in the browser. Fatou (French, LSE 2 participant) answers the open LSE 2 survey on a
// phone-sized screen: two steps, "save and finish later", a new session that lands on step 3 with her
// answers kept, then the rest, the review and the thanks, all in French; LSE 2's impact dashboard then
// counts her new answers for its facilitator (Aïssatou). Then Thandiwe (facilitator)
// schedules rounds on the refresher meeting's page and adds a question in both languages. Baraka (LSE 1)
// answers without JavaScript. Accounts: `fatou`, `member` and `facilitator`; no other journey answers the
// open surveys or schedules on refresher-2027.

const phone = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', isMobile: true, hasTouch: true } as const;
const remembered = 'Passer par des relais de confiance pour joindre les plus jeunes, sans les exposer.';

async function phoneSession(browser: Browser) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, 'fatou');
  return { context, page };
}

/** No English interface text on the survey's pages (the shared detector over every catalogue string). */
const expectOnlyFrench = (page: Page) => expectPageInFrench(page, null);

/** The page fits the phone: nothing wider than the screen. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.viewport.width);
}

const choice = (page: Page, group: string | RegExp, name: string) => page.getByRole('group', { name: group }).getByRole('radio', { name, exact: true });
const box = (page: Page, group: string | RegExp, name: string) => page.getByRole('group', { name: group }).getByRole('checkbox', { name, exact: true });

/**
 * What LSE 2's dashboard shows its facilitator (Aïssatou, in French) for "to share information", in the
 * default view (each participant's latest answers): the data table's cells, and the text beside the bar.
 */
async function sharingFigures(browser: Browser) {
  const { context, page } = await signedInContext(browser, 'animatrice');
  await page.goto('/events/lse-2/impact');
  const reasons = page.getByRole('region', { name: 'Pourquoi les participant·es ont été en contact' });
  await reasons.getByText('Les chiffres sous forme de tableau').click();
  const cells = await reasons.getByRole('row', { name: /Partager des informations/ }).getByRole('cell').allInnerTexts();
  const bars = await reasons.getByRole('img').locator('text').allTextContents();
  await context.close();
  return { cells: cells.map((cell) => cell.replace(/\s+/g, ' ')), bars: bars.map((text) => text.replace(/\s+/g, ' ')) };
}

test('a French participant answers her follow-up on a phone, stops half-way, comes back and finishes; her facilitator’s dashboard counts her', async ({ browser }) => {
  test.setTimeout(150_000);
  // Before: in 2017 Fatou was in touch to learn about others' work and for advice, not to share information.
  const before = await sharingFigures(browser);
  expect(before.cells).toEqual(['27 %', '3', '53 %']);
  const first = await phoneSession(browser);
  let page = first.page;

  // Her survey waits on the home page.
  await page.goto('/');
  const waiting = page.getByRole('region', { name: 'Vos questionnaires de suivi' });
  await expect(waiting.getByText('Pas encore commencé')).toBeVisible();
  await waiting.getByRole('link', { name: /^LSE 2 :/ }).click();
  await expect(page.getByText('Étape 1 sur 6')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Compréhension et partage' })).toBeVisible();
  await expect(page.getByText(/environ 5 minutes/)).toBeVisible();
  await expect(page.getByText(/anonymes dans les résultats/)).toBeVisible();
  await expectOnlyFrench(page);
  await expectNoSidewaysScroll(page);
  // Whole rows to tap, not 16-pixel boxes.
  const agree = choice(page, /mieux comprendre les programmes/, 'D’accord');
  const row = await agree.locator('xpath=ancestor::label[1]').boundingBox();
  expect(row!.height).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: test.info().outputPath('step-1.png'), fullPage: true });

  // "Not yet shared" with someone is refused, in French, and her choices stay.
  await agree.check();
  await box(page, /Avec qui avez-vous partagé/, 'Au sein de mon organisation').check();
  await box(page, /Avec qui avez-vous partagé/, 'Je ne l’ai pas encore partagé').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText(/ne peut pas aller avec d’autres réponses/)).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Veuillez corriger');
  await expect(agree).toBeChecked();
  await expect(box(page, /Avec qui avez-vous partagé/, 'Au sein de mon organisation')).toBeChecked();
  await box(page, /Avec qui avez-vous partagé/, 'Je ne l’ai pas encore partagé').uncheck();
  await box(page, /Comment l’avez-vous partagé/, 'De manière informelle (échanges avec des collègues)').check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  // Step 2, then she stops.
  await expect(page.getByText('Étape 2 sur 6')).toBeVisible();
  await page.getByRole('textbox', { name: 'Que retenez-vous encore de l’événement ?' }).fill(remembered);
  await page.getByRole('button', { name: 'Enregistrer et terminer plus tard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vos réponses sont enregistrées' })).toBeVisible();
  await expectOnlyFrench(page);
  await first.context.close();

  // Later, in a new session, from her notification: she lands on step 3.
  const second = await phoneSession(browser);
  page = second.page;
  await page.goto('/notifications');
  await page.getByRole('link', { name: /Quelques questions sur LSE 2 :/ }).click();
  await expect(page.getByText('Étape 3 sur 6')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mise en pratique' })).toBeVisible();
  // What she wrote before is kept.
  await page.getByRole('link', { name: 'Retour' }).click();
  await expect(page.getByText('Étape 2 sur 6')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Que retenez-vous encore de l’événement ?' })).toHaveValue(remembered);
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByText('Étape 3 sur 6')).toBeVisible();
  await choice(page, /J’ai appliqué dans mon travail/, 'Tout à fait d’accord').check();
  await box(page, /Comment l’avez-vous appliqué/, 'Réflexion sur ma pratique ou celle de mon organisation').check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  // Challenges, grouped by where they come from; "no challenges" goes alone.
  await expect(page.getByText('Étape 4 sur 6')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Environnement extérieur' })).toBeVisible();
  await box(page, 'Ressources', 'Financement').check();
  await box(page, 'Aucune difficulté', 'Aucune difficulté').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText(/« Aucune difficulté » ne peut pas aller avec une difficulté/)).toBeVisible();
  await box(page, 'Aucune difficulté', 'Aucune difficulté').uncheck();
  await box(page, 'Environnement extérieur', 'Environnement hostile (lois, gouvernement)').check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByText('Étape 5 sur 6')).toBeVisible();
  await choice(page, /avez-vous été en contact/, 'Oui').check();
  await box(page, /Si oui/, 'Partager des informations').check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  // The facilitators' own question, in French.
  await expect(page.getByText('Étape 6 sur 6')).toBeVisible();
  await page.getByRole('textbox', { name: 'Qu’aimeriez-vous que la rencontre de rappel aborde ?' }).fill('Le financement des paires éducatrices.');
  await expectOnlyFrench(page);
  await page.getByRole('button', { name: 'Continuer vers la vérification' }).click();

  // The review lists every answer, including those from the first session.
  await expect(page.getByRole('heading', { level: 2, name: 'Vérifiez vos réponses' })).toBeVisible();
  const main = page.getByRole('main');
  for (const text of ['D’accord', 'Au sein de mon organisation', 'De manière informelle (échanges avec des collègues)', remembered, 'Tout à fait d’accord', 'Financement', 'Environnement hostile (lois, gouvernement)', 'Oui', 'Partager des informations', 'Le financement des paires éducatrices.']) {
    await expect(main.getByText(text, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Modifier « Ce que vous avez retenu »' })).toHaveAttribute('href', /\?step=2$/);
  await expectOnlyFrench(page);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Merci !' })).toBeVisible();
  await expect(page.getByText(/définitives/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Raconter comment vous l’avez appliqué' })).toHaveAttribute('href', '/stories/new');
  await expect(main.getByText(remembered)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continuer' })).toHaveCount(0);
  await expectOnlyFrench(page);
  await page.screenshot({ path: test.info().outputPath('thanks.png'), fullPage: true });

  // Answered: the home page no longer lists it.
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Vos questionnaires de suivi' })).toHaveCount(0);
  await second.context.close();

  // Her facilitator's dashboard now counts her latest answers (still 11 people: she answered in 2017 too),
  // beside the 2017 baseline, in the table and in the chart drawn on the server.
  const after = await sharingFigures(browser);
  expect(after.cells).toEqual(['36 %', '4', '53 %']);
  expect(after.bars).toContain('36 % (4)');
  expect(after.bars).toContain('2017 : 53 %');
});

test('the survey works without JavaScript: a refused step keeps the choices, a saved one moves on', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'member');
  await page.goto('/');
  await page.getByRole('region', { name: 'Your follow-up surveys' }).getByRole('link', { name: /^LSE 1:/ }).click();
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await page.getByRole('radio', { name: 'Strongly agree', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Inside my organisation', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Sharing needs a "how": refused, and the choices are still there.
  await expect(page.getByText('Say how you shared it: formally, informally, or both.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Strongly agree', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Inside my organisation', exact: true })).toBeChecked();
  await page.getByRole('checkbox', { name: /^Formally/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Step 2 of 6')).toBeVisible();
  await page.getByRole('button', { name: 'Save and finish later' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your answers are saved' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue now' }).click();
  // The optional step saved empty counts as answered: on to step 3.
  await expect(page.getByText('Step 3 of 6')).toBeVisible();
  await context.close();
});

test('a facilitator schedules follow-up rounds and adds a question in both languages', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'facilitator');
  await page.goto('/events/refresher-2027');
  const panel = page.getByRole('region', { name: 'Follow-up surveys' });
  await expect(panel.getByText('No follow-up survey scheduled yet.')).toBeVisible();

  // The defaults: 6 and 12 months after the meeting, open 30 days.
  await expect(panel.getByRole('checkbox', { name: /^6 months after/ })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: /^12 months after/ })).toBeChecked();
  await expect(panel.getByRole('spinbutton', { name: 'Open for (days)' })).toHaveValue('30');
  await panel.getByRole('button', { name: 'Schedule' }).click();
  await expect(panel.getByText('The follow-up surveys are scheduled.')).toBeVisible();
  const rounds = panel.getByRole('list', { name: 'Survey rounds of this event' }).locator(':scope > li');
  await expect(rounds).toHaveCount(2);
  await expect(rounds.first()).toContainText(/September 9, 2027 to October 9, 2027|9 September 2027 to 9 October 2027/);
  await expect(rounds.first()).toContainText('Scheduled');

  // A question in English only is refused, and what was typed stays.
  const first = rounds.first();
  await first.getByText('Add a question of your own').click();
  await first.getByRole('textbox', { name: 'Question in English' }).fill('What did you share with your board?');
  await first.getByRole('button', { name: 'Add the question' }).click();
  await expect(first.getByText('This field is required.')).toBeVisible();
  await expect(first.getByRole('textbox', { name: 'Question in English' })).toHaveValue('What did you share with your board?');
  await first.getByRole('textbox', { name: 'Question in French' }).fill('Qu’avez-vous partagé avec votre conseil d’administration ?');
  await first.getByRole('button', { name: 'Add the question' }).click();
  await expect(first.getByText('What did you share with your board?', { exact: true })).toBeVisible();
  await expect(first.getByText('Qu’avez-vous partagé avec votre conseil d’administration ?', { exact: true })).toBeVisible();

  // Scheduling again doubles nothing; cancelling the second round says so.
  await panel.getByRole('button', { name: 'Schedule' }).click();
  await expect(panel.getByText(/Nothing new was scheduled/)).toBeVisible();
  await expect(rounds).toHaveCount(2);
  await rounds.nth(1).getByRole('button', { name: 'Cancel this round' }).click();
  await expect(rounds.nth(1)).toContainText('Cancelled');
  await panel.screenshot({ path: test.info().outputPath('panel.png') });

  // On LSE 1, the round open today shows its response rate and can no longer change.
  await page.goto('/events/lse-1');
  const lse1 = page.getByRole('region', { name: 'Follow-up surveys' });
  await expect(lse1.getByText(/^Open: \d+ of \d+ answered$/)).toBeVisible();
  await expect(lse1.getByText(/^Closed: 9 of 13 answered$/)).toBeVisible();
  await expect(lse1.getByText(/can no longer change/).first()).toBeVisible();
  await context.close();
});
