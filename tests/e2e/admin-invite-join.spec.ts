import type { Browser, Page } from '@playwright/test';
import { expect, signIn, signedInContext, submitSignIn, test } from './fixtures';

// The admin creates an organisation and a single-use invite code; a new person joins with it, without
// an email address. Accounts: `admin` plus the people created here.

/** As the demo admin: a new organisation, then a one-use invite code for it. Returns the code, shown once. */
async function createOrganisationWithInvite(browser: Browser, organisationName: string): Promise<string> {
  const { context, page } = await signedInContext(browser, 'admin');

  await page.goto('/admin/organisations/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(organisationName);
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Key-population-led organisation or network' });
  await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption({ label: 'Kenya' });
  await page.getByLabel('Description').fill('Created by the browser journey.');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/admin\/organisations\/[^/?]+\?created=1$/);
  await expect(page.getByText('Organisation created.')).toBeVisible();

  await page.goto('/admin/invites');
  const createForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create code' }) });
  await createForm.getByRole('combobox', { name: 'Organisation', exact: true }).selectOption({ label: organisationName });
  await expect(createForm.getByLabel('Maximum uses')).toHaveValue('1');
  await createForm.getByRole('button', { name: 'Create code' }).click();
  const result = createForm.getByTestId('form-result');
  await expect(result).toHaveText(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){2}$/);
  const code = (await result.textContent())!.trim();

  // Only a hint of the code stays visible in the list.
  await page.reload();
  await expect(page.getByTestId('form-result')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: organisationName });
  await expect(row).toContainText(`…${code.slice(-5)}`);
  await expect(row).not.toContainText(code);
  await expect(row).toContainText('Active');

  await context.close();
  return code;
}

type Person = { username: string; displayName: string; password: string };

async function fillJoinForm(page: Page, code: string, person: Person) {
  await page.goto('/join');
  await page.getByLabel('Invite code').fill(code);
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(person.username);
  await page.getByRole('textbox', { name: 'Display name', exact: true }).fill(person.displayName);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(person.password);
  await expect(page.getByLabel('Email (optional)')).toHaveValue('');
  await page.getByRole('button', { name: 'Create my account' }).click();
}

test('an admin invites a new organisation; a person joins without an email, signs out and back in', async ({ browser }) => {
  const code = await createOrganisationWithInvite(browser, 'Journey Health Collective');
  const person: Person = { username: 'e2e-joiner', displayName: 'Kito Pseudonym', password: 'a long enough passphrase 1' };

  const context = await browser.newContext();
  const page = await context.newPage();
  await fillJoinForm(page, code, person);
  await expect(page).toHaveURL(/\/\?welcome=1$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Welcome to Baraza, ${person.displayName}. Your account is ready.`);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The account has no email address.
  await page.goto('/settings');
  await expect(page.getByText(`Your username is ${person.username}.`)).toBeVisible();
  await expect(page.getByLabel('Email (optional)')).toHaveValue('');

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  await signIn(page, person.username, { password: person.password });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Welcome back, ${person.displayName}.`);
  await expect(page.getByRole('heading', { level: 1, name: 'Learning and sharing across the network' })).toBeVisible();
  await context.close();
});

test('a single-use invite code cannot be used twice, and the refused form keeps what was typed', async ({ browser }) => {
  const code = await createOrganisationWithInvite(browser, 'Second Journey Network');

  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await fillJoinForm(firstPage, code, { username: 'e2e-first', displayName: 'First Joiner', password: 'first person passphrase' });
  await expect(firstPage).toHaveURL(/\/\?welcome=1$/);
  await first.close();

  const second = await browser.newContext();
  const page = await second.newPage();
  await fillJoinForm(page, code, { username: 'e2e-second', displayName: 'Second Joiner', password: 'second person passphrase' });
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This invite code is not valid. It may have expired or been used already.');
  await expect(page).toHaveURL(/\/join$/);
  await expect(page.getByRole('textbox', { name: 'Username', exact: true })).toHaveValue('e2e-second');
  await expect(page.getByRole('textbox', { name: 'Display name', exact: true })).toHaveValue('Second Joiner');
  // Secrets are not echoed back.
  await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveValue('');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  // No account was created: its username and password do not sign in.
  await page.goto('/sign-in');
  await submitSignIn(page, 'e2e-second', 'second person passphrase');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The username or password is not correct.');
  await second.close();
});
