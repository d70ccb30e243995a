import { demoAccount, expect, signIn, signedInContext, submitSignIn, test } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

// Accounts: `juma` (sign out everywhere), `akello` (password change) and `yao` (cookie flags), used by no
// other journey for sessions.

async function expectSignedOut(page: Page) {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

async function expectSignedIn(page: Page) {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

/** The session cookie(s) as they are now: replayed later in a fresh context to prove they are dead. */
async function sessionCookies(context: BrowserContext) {
  const cookies = (await context.cookies()).filter((cookie) => cookie.name.includes('session-token'));
  expect(cookies.length).toBeGreaterThan(0);
  return cookies;
}

test('"Sign out everywhere" in one browser signs the other one out, and its old cookie stops working', async ({ browser }) => {
  const a = await signedInContext(browser, 'juma');
  const b = await signedInContext(browser, 'juma');
  await expectSignedIn(b.page);
  const bCookies = await sessionCookies(b.context);

  await a.page.goto('/settings');
  await a.page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(a.page).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
  await expect(a.page.getByRole('main').getByRole('status')).toHaveText('You have been signed out on every device.');

  await expectSignedOut(b.page);
  await expectSignedOut(a.page);

  // The cookie B held is refused even when replayed as it was.
  const replay = await browser.newContext();
  await replay.addCookies(bCookies);
  await expectSignedOut(await replay.newPage());

  // Signing in again works and gives a working session.
  await signIn(b.page, 'juma');
  await expectSignedIn(b.page);
  await Promise.all([a.context.close(), b.context.close(), replay.close()]);
});

test('changing the password keeps this browser signed in and signs the other one out', async ({ browser }) => {
  const akello = demoAccount('akello');
  const newPassword = 'a new and rather long passphrase';
  const a = await signedInContext(browser, 'akello');
  const b = await signedInContext(browser, 'akello');
  await expectSignedIn(b.page);
  const bCookies = await sessionCookies(b.context);

  await a.page.goto('/settings');
  const passwordForm = a.page.locator('form').filter({ has: a.page.getByRole('button', { name: 'Change password' }) });
  await passwordForm.getByRole('textbox', { name: 'Current password', exact: true }).fill(akello.password);
  await passwordForm.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(a.page).toHaveURL(/\/settings\?passwordChanged=1$/);
  await expect(a.page.getByRole('main').getByRole('status')).toHaveText('Password changed. Every other session has been signed out.');
  await expect(a.page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

  await expectSignedIn(a.page);
  await expectSignedOut(b.page);

  const replay = await browser.newContext();
  await replay.addCookies(bCookies);
  await expectSignedOut(await replay.newPage());

  // The old password is refused, the new one works.
  await b.page.goto('/sign-in');
  await submitSignIn(b.page, akello.username, akello.password);
  await expect(b.page.getByRole('main').getByRole('alert')).toHaveText('The username or password is not correct.');
  await signIn(b.page, 'akello', { password: newPassword });
  await expectSignedIn(b.page);
  await Promise.all([a.context.close(), b.context.close(), replay.close()]);
});

test('the session cookie is HttpOnly and SameSite=Lax; behind HTTPS it is also Secure, with the __Secure- prefix', async ({ browser, request }) => {
  // In a browser, over this test server's plain HTTP: not readable from scripts, not sent by other sites' forms.
  const { context } = await signedInContext(browser, 'yao');
  const [cookie] = await sessionCookies(context);
  expect(cookie).toMatchObject({ name: 'authjs.session-token', httpOnly: true, sameSite: 'Lax' });
  await context.close();

  // Behind a proxy that terminates HTTPS (X-Forwarded-Proto: https), as in production.
  const https = { 'x-forwarded-proto': 'https' };
  const csrf = await request.get('/api/auth/csrf', { headers: https });
  const csrfCookie = csrf.headersArray().find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith('__Host-authjs.csrf-token='))!.value;
  expect(csrfCookie).toMatch(/; HttpOnly/);
  expect(csrfCookie).toMatch(/; Secure/);
  const response = await request.post('/api/auth/callback/credentials', {
    headers: { ...https, cookie: csrfCookie.split(';')[0]! },
    form: { csrfToken: ((await csrf.json()) as { csrfToken: string }).csrfToken, identifier: 'yao', password: demoAccount('yao').password, callbackUrl: '/' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const session = response.headersArray().find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith('__Secure-authjs.session-token='));
  expect(session?.value).toMatch(/; HttpOnly/);
  expect(session?.value).toMatch(/; Secure/);
  expect(session?.value).toMatch(/; SameSite=Lax/);
});
