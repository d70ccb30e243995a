import type { Request } from '@playwright/test';
import { expect, signedInContext, test } from './fixtures';
import { uniqueSuffix } from './support/case-studies';
import { expectInert, watchForActiveContent } from './support/active-content';
import { editorIn } from './support/conversations';
import { hostilePayloads } from './support/hostile-strings';

// Hostile input through the real forms, in Chromium: script tags, event handlers, javascript: and data:
// URLs, SVG, a spreadsheet formula and a right-to-left override, in a discussion's title and message and a
// story's title and body. Wherever they are shown (the thread, the lists, the story, search), no dialog
// opens, the Content-Security-Policy reports nothing, and the page holds no active content: the payloads
// are text. Then the form's server action, replayed from another origin or with no origin at all,
// changes nothing. Account: `synthesis` (Kwame), used by no other journey.

const payloads = hostilePayloads;

test('payloads typed into a discussion and a story stay text wherever they are shown', async ({ browser }) => {
  test.setTimeout(150_000);
  const { context, page } = await signedInContext(browser, 'synthesis');
  const dialogs = await watchForActiveContent(page);
  const marker = `hostile-${uniqueSuffix()}`;
  const title = `${marker} <img src=x onerror=alert(1)> ‮`;
  const body = [marker, ...payloads].join('\n');

  // A discussion: the title is a plain field, the message goes through the rich-text editor.
  await page.goto('/discussions/new');
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await (await editorIn(page, 'Your message')).click();
  // Pasted at once, as most hostile text arrives.
  await page.keyboard.insertText(payloads.join(' '));
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // Shown as text in the post (and in its edit box, as text again).
  await expect(page.getByRole('article', { name: 'Kwame' }).getByRole('paragraph').filter({ hasText: payloads[0]! })).toBeVisible();
  await expectInert(page, dialogs, marker);
  await page.goto('/discussions');
  await expectInert(page, dialogs, marker);

  // A story applying a case study: a plain text body kept as paragraphs.
  await page.goto('/case-studies');
  await page.getByRole('main').getByRole('listitem').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Record how you applied this' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Your story' }).fill(body);
  await page.getByRole('checkbox', { name: 'Programming', exact: true }).check();
  await page.getByRole('button', { name: 'Record the story' }).click();
  await expect(page).toHaveURL(/\/stories\/[a-z0-9]+\?recorded=1$/);
  await expect(page.getByText(payloads[3]!)).toBeVisible();
  await expectInert(page, dialogs, marker);
  await page.goto('/stories');
  await expectInert(page, dialogs, marker);

  // Search shows the thread's title and an excerpt, highlighted: still text.
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent(marker)}`);
    await expect(page.getByRole('main').getByRole('link', { name: new RegExp(marker) }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectInert(page, dialogs, marker);
  await context.close();
});

test('a server action replayed from another origin, or with no origin, changes nothing', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'synthesis');
  const marker = `replayed-${uniqueSuffix()}`;
  await page.goto('/discussions/new');
  await page.getByRole('textbox', { name: 'Title' }).fill(`${marker} thread`);
  await (await editorIn(page, 'Your message')).click();
  await page.keyboard.type('Only one of these may exist.');
  const actionRequest = page.waitForRequest((request: Request) => request.method() === 'POST' && !!request.headers()['next-action']);
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  const original = await actionRequest;
  await expect(page.getByRole('heading', { level: 1, name: `${marker} thread` })).toBeVisible();

  // The same request, with this member's cookies, sent as another site's page (or a script with no Origin) would.
  const headers = { ...(await original.allHeaders()) };
  for (const name of Object.keys(headers)) if (name.startsWith(':') || name === 'content-length' || name === 'cookie') delete headers[name];
  const body = original.postDataBuffer()!;
  const fromElsewhere = await page.request.post(original.url(), { headers: { ...headers, origin: 'https://evil.example' }, data: body, maxRedirects: 0 });
  const { origin: _origin, ...withoutOrigin } = headers;
  const withNoOrigin = await page.request.post(original.url(), { headers: withoutOrigin, data: body, maxRedirects: 0 });
  expect(fromElsewhere.status()).toBeGreaterThanOrEqual(400);
  expect(withNoOrigin.status()).toBeGreaterThanOrEqual(400);

  await page.goto(`/discussions`);
  await expect(page.getByRole('link', { name: `${marker} thread` })).toHaveCount(1);
  await context.close();
});
