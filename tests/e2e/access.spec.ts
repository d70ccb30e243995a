import { demoAccount, expect, signIn, submitSignIn, test } from './fixtures';

// Who may open what. Accounts: `member` (plain member), `disabled` (a disabled demo account).

test('an anonymous visitor gets the 404 page at /admin and is sent to sign in from /settings', async ({ page }) => {
  const admin = await page.goto('/admin');
  expect(admin?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);

  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a plain member gets the 404 page at /admin', async ({ page }) => {
  await signIn(page, 'member');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  // Still signed in: the 404 is not a sign-out.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a disabled account cannot sign in and gets the same error as a wrong password', async ({ page }) => {
  const disabled = demoAccount('disabled');
  await page.goto('/sign-in');
  await submitSignIn(page, disabled.username, disabled.password);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The username or password is not correct.');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
});

test('signing in tells nobody whether an account exists: an unknown name and a wrong password get the same answer', async ({ page }) => {
  // `tatenda` exists (and is only browsed by another journey, never signed in with a wrong password).
  const answers: { status: number; text: string }[] = [];
  let identifier = '';
  // The server's answer to the sign-in action, read on its way to the page.
  await page.route('**/sign-in*', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    answers.push({ status: response.status(), text: (await response.text()).replaceAll(identifier, '<identifier>') });
    await route.fulfill({ response });
  });
  for (const name of ['tatenda', 'nobody-by-this-name']) {
    identifier = name;
    await page.goto('/sign-in');
    await submitSignIn(page, name, 'not the right password at all');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('The username or password is not correct.');
  }
  expect(answers).toHaveLength(2);
  expect(answers[0]).toEqual(answers[1]);
});
