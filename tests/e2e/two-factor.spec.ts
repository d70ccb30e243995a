import { Secret, TOTP } from 'otpauth';
import { demoAccount, expect, signedInContext, signIn, submitSignIn, test } from './fixtures';
import type { Page } from '@playwright/test';

// Account: `ndayishimiye` (Ange, who reads Baraza in French), used by no other journey. `admin` only resets
// her two-factor sign-in at the end, which touches nobody else's data.
//
// Codes are computed here from the secret the page shows, at the moment they are typed, never by waiting for
// a time step: the code that turns two-factor on is the current step's, and the one that signs in is the next
// step's, which the server accepts (one step either side) and which is always later than the step already
// used, so the rule that a step is used once never bites.

const step = 30_000;

function appFor(secretText: string) {
  return new TOTP({ secret: Secret.fromBase32(secretText.replace(/\s/g, '')), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** A code certainly wrong now and in the next half-minute: none an app could show within one step of it. */
function wrongCode(app: TOTP): string {
  const valid = new Set([-1, 0, 1, 2].map((offset) => app.generate({ timestamp: Date.now() + offset * step })));
  return ['000000', '111111', '222222', '333333', '444444'].find((code) => !valid.has(code))!;
}

const text = {
  section: 'Connexion à deux facteurs',
  setUp: 'Configurer la connexion à deux facteurs',
  qr: 'Code QR pour votre application d’authentification',
  key: 'Ou saisissez cette clé dans l’application :',
  appCode: 'Code de l’application',
  currentPassword: 'Mot de passe actuel',
  enable: 'Activer la connexion à deux facteurs',
  enabled: 'La connexion à deux facteurs est activée. Toutes vos autres sessions ont été déconnectées.',
  recoveryCodes: 'Codes de secours',
  saved: 'J’ai mis mes codes de secours en lieu sûr',
  signInCode: 'Code de vérification',
  continue: 'Continuer',
  wrongCode: 'Ce code n’est pas correct, ou il a déjà été utilisé. Saisissez le code que votre application affiche en ce moment.',
  signOut: 'Se déconnecter',
};

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: text.signOut }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
}

/** The password step: a right password leads to the code step, and the password form is gone. */
async function passwordStep(page: Page) {
  const ange = demoAccount('ndayishimiye');
  await page.goto('/sign-in?next=%2Fsettings');
  await submitSignIn(page, ange.username, ange.password);
  await expect(page).toHaveURL(/\/sign-in\?step=code&next=%2Fsettings$/);
  await expect(page.getByRole('main').getByRole('textbox', { name: 'Mot de passe' })).toHaveCount(0);
}

async function submitCode(page: Page, code: string) {
  const form = page.locator('main form');
  await form.getByRole('textbox', { name: text.signInCode }).fill(code);
  await form.getByRole('button', { name: text.continue }).click();
}

async function expectSignedInOnSettings(page: Page) {
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('banner').getByRole('button', { name: text.signOut })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
}

test('two-factor sign-in: turned on with a code from the app, then the password alone no longer signs in; a wrong code is refused, a recovery code works once, and an admin can reset it', async ({ browser }) => {
  const ange = demoAccount('ndayishimiye');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  // The inline QR code must need nothing the Content-Security-Policy forbids: Chromium would say so.
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await signIn(page, 'ndayishimiye');

  // Setting up shows the QR code inline and the key as text; nothing is on until a code confirms it.
  await page.goto('/settings');
  const section = page.getByRole('region', { name: text.section });
  await section.getByRole('button', { name: text.setUp }).click();
  await expect(section.getByRole('img', { name: text.qr })).toBeVisible();
  await expect(section.getByRole('img', { name: text.qr }).locator('svg path').first()).toBeAttached();
  const secret = (await section.getByLabel(text.key).textContent())!;
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
  const app = appFor(secret);

  const enableForm = section.locator('form').filter({ has: page.getByRole('button', { name: text.enable }) });
  await enableForm.getByRole('textbox', { name: text.currentPassword }).fill(ange.password);
  await enableForm.getByRole('textbox', { name: text.appCode }).fill(app.generate());
  await enableForm.getByRole('button', { name: text.enable }).click();

  // On, still signed in here, and the recovery codes are shown once.
  await expect(page).toHaveURL(/\/settings\?twoFactor=on/);
  await expect(section.getByRole('status')).toHaveText(text.enabled);
  const codes = await section.getByRole('list', { name: text.recoveryCodes }).getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await section.getByRole('button', { name: text.saved }).click();
  await expect(section.getByRole('list', { name: text.recoveryCodes })).toHaveCount(0);
  await page.reload();
  await expect(section.getByRole('list', { name: text.recoveryCodes })).toHaveCount(0);
  await signOut(page);

  // The password alone leads to the code step; a wrong code is refused; the app's next code signs in.
  await passwordStep(page);
  await submitCode(page, wrongCode(app));
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(text.wrongCode);
  await expect(page).toHaveURL(/\/sign-in\?step=code/);
  await submitCode(page, app.generate({ timestamp: Date.now() + step }));
  await expectSignedInOnSettings(page);
  await signOut(page);

  // A recovery code instead of the app, once.
  await passwordStep(page);
  await submitCode(page, codes[0]!);
  await expectSignedInOnSettings(page);
  await expect(page.getByRole('region', { name: text.section })).toContainText('9 codes de secours restants.');
  await signOut(page);
  await passwordStep(page);
  await submitCode(page, codes[0]!);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(text.wrongCode);
  await submitCode(page, codes[1]!);
  await expectSignedInOnSettings(page);

  // Lost phone and codes: an admin turns it off, which also ends Ange's session; the password alone works again.
  const admin = await signedInContext(browser, 'admin');
  await admin.page.goto('/admin/members');
  await admin.page.getByRole('row').filter({ hasText: 'ndayishimiye' }).getByRole('link').click();
  const adminSection = admin.page.getByRole('region', { name: 'Two-factor sign-in' });
  await expect(adminSection).toContainText('Two-factor sign-in is on for this member.');
  await adminSection.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
  await expect(adminSection).toContainText('Two-factor sign-in is off for this member.');
  await admin.page.goto('/admin/audit');
  await expect(admin.page.getByRole('main')).toContainText('Turned off a member’s two-factor sign-in');

  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await signIn(page, 'ndayishimiye', { next: '/settings' });
  await expectSignedInOnSettings(page);
  await expect(page.getByRole('region', { name: text.section }).getByRole('button', { name: text.setUp })).toBeVisible();
  expect(cspViolations).toEqual([]);
  await Promise.all([context.close(), admin.context.close()]);
});
