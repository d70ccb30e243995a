import { demoAccount, expect, submitSignIn, test } from './fixtures';

// Account: `neo`, used by no other journey (its failure count must start at zero). All journeys share one
// client address; the per-address limit (30 failures) is far above the few wrong passwords they use in all.
const invalid = 'The username or password is not correct.';
const limited = 'Too many attempts. For your safety, please wait 15 minutes and try again.';

test('five wrong passwords, then the account is rate-limited even for the right password', async ({ page }) => {
  const neo = demoAccount('neo');
  await page.goto('/sign-in');
  const alert = page.getByRole('main').getByRole('alert');

  const submit = page.getByRole('main').getByRole('button', { name: /^Sign(ing)? in/ });
  // Each attempt waits for the server's answer to its own POST (the alert text alone repeats), then for the
  // form to settle: React resets the fields when the action completes, which would wipe the next attempt.
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/sign-in');
    await submitSignIn(page, neo.username, password);
    await answered;
    await expect(submit).toHaveText('Sign in');
    await expect(submit).toBeEnabled();
  };

  for (let index = 1; index <= 5; index++) {
    await attempt(`wrong-password-${index}`);
    await expect(alert, `attempt ${index}`).toHaveText(invalid);
  }
  await attempt('wrong-password-6');
  await expect(alert).toHaveText(limited);

  await attempt(neo.password);
  await expect(alert).toHaveText(limited);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});
