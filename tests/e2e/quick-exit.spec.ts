import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures';
import { e2eOrigin, neutralOrigin, neutralUrl } from './support/env';

// The quick exit sends the visitor to a neutral site (QUICK_EXIT_URL) and Back must not bring the site
// back. The neutral site is stubbed inside the browser, so nothing leaves the machine.

/** Answers the neutral site inside the browser; returns the Referer headers it received (none expected). */
async function stubNeutralSite(context: BrowserContext): Promise<string[]> {
  const referrers: string[] = [];
  await context.route(`${neutralOrigin}/**`, async (route) => {
    const referrer = await route.request().headerValue('referer');
    if (referrer) referrers.push(referrer);
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather forecast</h1>' });
  });
  return referrers;
}

async function visitTwoPages(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Learning and sharing across the network' })).toBeVisible();
  await page.goto('/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await waitForHydration(page);
}

async function expectOnNeutralSite(page: Page) {
  await expect(page).toHaveURL(neutralUrl);
  await expect(page.getByRole('heading', { name: 'Weather forecast' })).toBeVisible();
}

/**
 * Back must not show the site: the quick exit replaced the current entry, and the entry before it (the
 * site's first page) is left again at once for the neutral site by the guard script in <head>.
 */
async function expectBackDoesNotShowTheSite(page: Page) {
  const navigations: string[] = [];
  const record = (frame: Frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  };
  page.on('framenavigated', record);
  await page.goBack({ waitUntil: 'commit' });
  await expectOnNeutralSite(page);
  page.off('framenavigated', record);
  // Back did go somewhere (not a no-op on an empty history) and ended on the neutral site.
  expect(navigations.length).toBeGreaterThan(0);
  expect(navigations.at(-1)).toBe(neutralUrl);
  // The page the visitor left from is not in the history at all: the quick exit replaced its entry.
  expect(navigations).not.toContain(`${e2eOrigin}/events`);
}

let referrers: string[] = [];
test.beforeEach(async ({ context }) => {
  referrers = await stubNeutralSite(context);
});

test.afterEach(() => {
  // The neutral site must not learn where the visitor came from.
  expect(referrers).toEqual([]);
});

test('the Quick exit button leaves for the neutral site and Back does not return to the site', async ({ page }) => {
  await visitTwoPages(page);
  await page.getByRole('link', { name: 'Quick exit' }).click();
  await expectOnNeutralSite(page);
  await expectBackDoesNotShowTheSite(page);
});

test('pressing Escape three times leaves for the neutral site and Back does not return to the site', async ({ page }) => {
  await visitTwoPages(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expectOnNeutralSite(page);
  await expectBackDoesNotShowTheSite(page);
});

for (const how of ['the button', 'Escape three times'] as const) {
  test(`before the page's scripts have loaded, ${how} still leaves without a trace in the history`, async ({ context, page }) => {
    await page.goto('/');
    // The bundles never arrive, as on a very slow connection: React never hydrates, only the guard in <head> runs.
    await context.route((url) => url.origin === e2eOrigin && url.pathname.startsWith('/_next/') && url.pathname.endsWith('.js'), (route) => route.abort());
    await page.goto('/events');
    const quickExit = page.getByRole('link', { name: 'Quick exit' });
    expect(await quickExit.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__react')))).toBe(false);
    if (how === 'the button') await quickExit.click();
    else for (let press = 0; press < 3; press++) await page.keyboard.press('Escape');
    await expectOnNeutralSite(page);
    await expectBackDoesNotShowTheSite(page);
  });
}

test('without JavaScript the quick exit is still a link to the neutral site', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScriptReferrers = await stubNeutralSite(context);
  const page = await context.newPage();
  await page.goto('/events');
  const quickExit = page.getByRole('link', { name: 'Quick exit' });
  await expect(quickExit).toHaveAttribute('href', neutralUrl);
  await quickExit.click();
  await expectOnNeutralSite(page);
  expect(noScriptReferrers).toEqual([]);
  await context.close();
});
