import { expect, signIn, signedInContext, test } from './fixtures';
import { englishOnlyStrings, findEnglish } from './support/english-strings';
import { expectPageInFrench, interfaceText } from './support/french';

// A member chooses French; every visible string on the pages they open must then be French.
// Account: `achieng` (an English-speaking member), used by no other journey.

const pagesToCheck = ['/', '/events', '/events/lse-1', '/events/lse-1/synthesis', '/events/lse-1/impact', '/themes', '/discussions', '/discussions/new', '/directory', '/connections', '/stories', '/stories/new', '/impact', '/notifications', '/settings'];

test('the detector sees English on an English page', async ({ page }) => {
  // Guards the French checks below against passing vacuously (an empty list, a broken matcher).
  expect(englishOnlyStrings().length).toBeGreaterThan(100);
  await page.goto('/events');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const found = findEnglish(await interfaceText(page)).map(({ text }) => text);
  expect(found).toEqual(expect.arrayContaining(['Events', 'Quick exit', 'Past']));
});

test('a member switches to French; it stays French across pages, a reload and a new sign-in', async ({ browser, page }) => {
  // Fifteen pages, twice: more than the default minute on two shared cores.
  test.setTimeout(180_000);
  await signIn(page, 'achieng');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');

  for (const path of pagesToCheck) await expectPageInFrench(page, path);
  await expect(page.getByRole('combobox', { name: 'Langue', exact: true })).toHaveValue('fr'); // the setting on /settings, checked last
  // A theme page: its evidence keeps its own language, everything around it is French.
  await page.goto('/events/lse-1/synthesis');
  await page.getByRole('link', { name: 'Sûreté et sécurité', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sûreté et sécurité' })).toBeVisible();
  await expectPageInFrench(page, null);
  // A discussion started in French: its page, with the reply form and its editor, is French too.
  await page.goto('/discussions/new');
  await page.getByRole('textbox', { name: 'Titre' }).fill('Échanges entre pairs sur la sécurité numérique');
  await expect(page.getByRole('toolbar', { name: 'Mise en forme' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Votre message' }).click();
  await page.keyboard.type('Quelles applications utilisez-vous pour coordonner vos équipes ?');
  await page.getByRole('button', { name: 'Lancer la discussion' }).click();
  await expect(page).toHaveURL(/\/threads\//);
  await expect(page.getByRole('region', { name: 'Répondre' }).getByRole('toolbar', { name: 'Mise en forme' })).toBeVisible();
  await expectPageInFrench(page, null);

  await page.reload();
  await expectPageInFrench(page, null);

  // A new browser without the language cookie: the choice comes from the account.
  const fresh = await signedInContext(browser, 'achieng');
  expect((await fresh.context.cookies()).some((cookie) => cookie.name === 'baraza-locale')).toBe(false);
  for (const path of pagesToCheck) await expectPageInFrench(fresh.page, path);
  await fresh.context.close();
});

test('an anonymous visitor whose browser prefers French gets French on the first visit', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  for (const path of ['/', '/events', '/sign-in', '/join']) await expectPageInFrench(page, path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rejoindre Baraza');
  await context.close();
});
