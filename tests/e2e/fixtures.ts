import fs from 'node:fs';
import path from 'node:path';
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { e2eDataDir, e2eOrigin } from './support/env';

export { expect };

export type DemoCredential = { username: string; password: string; displayName: string; persona: string };

let cachedCredentials: DemoCredential[] | undefined;

/** The demo network's generated passwords, written by the seed into the e2e data folder. */
export function demoCredentials(): DemoCredential[] {
  cachedCredentials ??= JSON.parse(fs.readFileSync(path.join(e2eDataDir, 'demo-credentials.json'), 'utf8')) as DemoCredential[];
  return cachedCredentials;
}

export function demoAccount(username: string): DemoCredential {
  const account = demoCredentials().find((credential) => credential.username === username);
  if (!account) throw new Error(`No demo account "${username}" in ${e2eDataDir}/demo-credentials.json`);
  return account;
}

// The sign-in form in either language: a member who chose French sees it in French after signing out.
const labels = {
  identifier: /^(Username or email|Nom d’utilisateur ou e-mail)$/,
  password: /^(Password|Mot de passe)$/,
  submit: /^(Sign in|Se connecter)$/,
  signOut: /^(Sign out|Se déconnecter)$/,
};

/** Fills and submits the real /sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, identifier: string, password: string) {
  const form = page.locator('main form');
  await form.getByRole('textbox', { name: labels.identifier }).fill(identifier);
  await form.getByRole('textbox', { name: labels.password }).fill(password);
  await form.getByRole('button', { name: labels.submit }).click();
}

/**
 * Signs a demo account (or any username with its password) in through the /sign-in form, and waits until
 * the header shows the signed-in controls. `next` is where the form sends the member afterwards.
 */
export async function signIn(page: Page, username: string, options: { password?: string; next?: string } = {}) {
  const password = options.password ?? demoAccount(username).password;
  await page.goto(options.next ? `/sign-in?next=${encodeURIComponent(options.next)}` : '/sign-in');
  await submitSignIn(page, username, password);
  await expect(page.getByRole('banner').getByRole('button', { name: labels.signOut })).toBeVisible();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A fresh browser context (own cookies, own storage) with one account signed in. */
export async function signedInContext(browser: Browser, username: string, options: { password?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, options);
  return { context, page };
}

/**
 * Waits until React has hydrated the page (hydrated elements carry React's props): client-side handlers,
 * such as the quick exit's Escape listener, exist only from then on.
 */
export async function waitForHydration(page: Page) {
  const control = page.getByRole('banner').getByRole('link', { name: /^(Quick exit|Sortie rapide)$/ });
  await expect.poll(() => control.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps$')))).toBe(true);
}

/** Same-origin check for recorded request URLs. */
export function isAppOrigin(url: string): boolean {
  return new URL(url).origin === e2eOrigin;
}

export const test = base;
