import fs from 'node:fs';
import JSZip from 'jszip';
import type { Locator, Page, Request } from '@playwright/test';
import { expect, signedInContext, test } from './fixtures';
import { uniqueSuffix } from './support/case-studies';
import { e2eOrigin } from './support/env';

// The synthesis in the browser: a facilitator names a theme and tags evidence with it during the event, a
// member reads the theme page; a participant outside the synthesis group gets no tag control and a forged
// tag request is refused; the deck of an event's synthesis leaves out what the downloader may not read.
// Accounts: `facilitator` (LSE 1 and LSE 2, in both synthesis groups), `member` and `participant` (LSE 1
// participants outside its synthesis group), `imani` (LSE 2's synthesis group but no facilitator: unlike
// LSE 2's facilitators, who reviewed it, she may not read Amani's organisation-only case study). They only
// read here, except the facilitator, whose theme is new and named for this run.

const mediaFellowship = 'From sensational headlines to informed reporting: a media fellowship on health and sexuality';
const mediaLesson = 'Journalists are potential allies. Treating them as professionals who need sources, rather than as enemies, opened doors.';
const digitalSafetyThread = 'Digital safety: which messaging apps do your outreach teams trust?';
const signalPost = 'Signal with disappearing messages set to one week';

/** From LSE 1's page, where the case study is listed (and linked from the session it was presented in). */
async function openCaseStudy(page: Page, title: string) {
  await page.goto('/events/lse-1');
  await page.getByRole('region', { name: /^Case studies/ }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Types a few letters in a quick tagger and picks the theme, the first suggestion, with the keyboard. */
async function pickTheme(scope: Locator, letters: string, title: string) {
  const search = scope.getByRole('combobox', { name: 'Theme' });
  await search.fill(letters);
  const first = scope.getByRole('option').first();
  await expect(first).toContainText(title);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(scope.getByText(title, { exact: true })).toBeVisible();
}

test('a facilitator creates a theme and tags a case-study section and a post during the event; a member reads the theme page', async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const titleEn = `Journalists as allies ${suffix}`;
  const titleFr = `Les journalistes comme alliés ${suffix}`;
  const note = 'Two partners want to start a fellowship after this session.';
  const facilitator = await signedInContext(browser, 'facilitator');
  const page = facilitator.page;

  // The theme, under LSE 1's emerging themes, for the event's participants.
  await page.goto('/events/lse-1');
  await page.getByRole('link', { name: 'Synthesis', exact: true }).click();
  await expect(page).toHaveURL(/\/events\/lse-1\/synthesis$/);
  const emerging = page.getByRole('region', { name: 'Emerging themes' });
  await emerging.getByText('Add an emerging theme').click();
  await emerging.getByRole('textbox', { name: 'Title in English' }).fill(titleEn);
  await emerging.getByRole('textbox', { name: 'Title in French' }).fill(titleFr);
  await emerging.getByRole('combobox', { name: 'Who can read it' }).selectOption('event');
  await emerging.getByRole('button', { name: 'Create the theme' }).click();
  await expect(emerging.getByRole('status')).toHaveText('Theme created.');
  await expect(emerging.getByRole('link', { name: titleEn })).toBeVisible();

  // The lessons section of a case study presented in a session: quick tagger, note, session.
  await openCaseStudy(page, mediaFellowship);
  const lessons = page.getByRole('region', { name: 'Core lessons learned' });
  await lessons.getByText('Tag this section').click();
  await pickTheme(lessons, 'journalists', titleEn);
  // The note is next: the pick moved the focus there.
  await expect(lessons.getByRole('textbox', { name: 'Note (optional)' })).toBeFocused();
  await lessons.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
  const session = lessons.getByRole('combobox', { name: 'Session where it came up' });
  const sessionValue = await session.locator('option', { hasText: 'Case studies: working in hostile environments' }).getAttribute('value');
  await session.selectOption(sessionValue!);
  await lessons.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(lessons.getByRole('status')).toHaveText('Tagged.');
  await expect(lessons.getByRole('list', { name: 'Themes' }).getByRole('link', { name: titleEn })).toBeVisible();
  // Only that section: not the whole case study, nor another section.
  await expect(page.getByRole('link', { name: titleEn })).toHaveCount(1);

  // A post in a network discussion.
  await page.goto('/discussions');
  await page.getByRole('link', { name: digitalSafetyThread }).click();
  const post = page.getByRole('listitem').filter({ hasText: signalPost });
  await post.getByText('Tag this post').click();
  await pickTheme(post, 'journalists', titleEn);
  await post.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(post.getByRole('list', { name: 'Themes' }).getByRole('link', { name: titleEn })).toBeVisible();
  await facilitator.context.close();

  // A participant of the event reads the theme page, from the event's synthesis.
  const member = await signedInContext(browser, 'member');
  await member.page.goto('/events/lse-1');
  const synthesis = member.page.getByRole('region', { name: 'Synthesis' });
  await synthesis.getByRole('link', { name: titleEn }).click();
  const themePage = member.page;
  await expect(themePage.getByRole('heading', { level: 1, name: titleEn })).toBeVisible();
  await expect(themePage.getByText(`In French: ${titleFr}`)).toBeVisible();
  await expect(themePage.getByText('1 case study · no discussions · 1 post')).toBeVisible();
  const evidence = themePage.getByRole('region', { name: 'Evidence' });
  const fellowship = evidence.getByRole('listitem').filter({ hasText: mediaFellowship });
  await expect(fellowship.getByText('Section: Core lessons learned')).toBeVisible();
  await expect(fellowship.getByText(mediaLesson)).toBeVisible();
  await expect(fellowship.getByText('Came up in the session “Case studies: working in hostile environments”')).toBeVisible();
  await expect(fellowship.getByText(note)).toBeVisible();
  await expect(fellowship.getByText(/^Tagged by Thandiwe on /)).toBeVisible();
  const signal = evidence.getByRole('listitem').filter({ hasText: digitalSafetyThread });
  await expect(signal.getByText(/^Signal with disappearing messages set to one week/)).toBeVisible();
  await expect(signal.getByText('Post by Tatenda')).toBeVisible();
  // Readers get no synthesis tools.
  await expect(themePage.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  await expect(themePage.getByRole('link', { name: 'Edit this theme' })).toHaveCount(0);
  await member.context.close();
});

test('a participant outside the synthesis group sees the themes but no tag control, and a forged tag request is refused', async ({ browser }) => {
  test.setTimeout(120_000);
  const participant = await signedInContext(browser, 'participant');
  const page = participant.page;

  // The demo tagged this case study with "Partnerships and Alliance-building": the chip shows, no control does.
  await openCaseStudy(page, mediaFellowship);
  await expect(page.getByRole('list', { name: 'Themes' }).getByRole('link', { name: 'Partnerships and Alliance-building' })).toBeVisible();
  await expect(page.getByText(/^Tag this (case study|section)$/)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Tag$|^Remove the theme/ })).toHaveCount(0);
  await page.goto('/discussions');
  await page.getByRole('link', { name: digitalSafetyThread }).click();
  await expect(page.getByText('Tag this post')).toHaveCount(0);

  // The theme the forged request names: LSE 1's "Pride", with no evidence in the demo.
  await page.goto('/events/lse-1/synthesis');
  await page.getByRole('region', { name: 'Emerging themes' }).getByRole('link', { name: 'Pride', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pride' })).toBeVisible();
  const prideUrl = page.url();
  await expect(page.getByText('No evidence you can read has been tagged to this theme yet.')).toBeVisible();

  // The facilitator's real tag request, captured and stopped before it reaches the server.
  const facilitator = await signedInContext(browser, 'facilitator');
  await openCaseStudy(facilitator.page, mediaFellowship);
  const lessons = facilitator.page.getByRole('region', { name: 'Core lessons learned' });
  await lessons.getByText('Tag this section').click();
  await pickTheme(lessons, 'prid', 'Pride');
  let captured: Request | undefined;
  await facilitator.page.route('**/case-studies/**', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action'] && request.headers()['content-type']?.startsWith('multipart/form-data')) {
      captured = request;
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await lessons.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect.poll(() => captured).toBeDefined();
  await facilitator.context.close();

  // The same request, sent with the participant's session: the server action refuses it.
  const headers = captured!.headers();
  const response = await page.request.post(captured!.url(), {
    headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type']!, accept: headers['accept'] ?? 'text/x-component', origin: e2eOrigin },
    data: captured!.postDataBuffer()!,
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('You are not allowed to do this.');

  // Nothing was created: the theme still has no evidence, and the section shows no "Pride".
  await page.goto(prideUrl);
  await expect(page.getByText('No evidence you can read has been tagged to this theme yet.')).toBeVisible();
  await openCaseStudy(page, mediaFellowship);
  await expect(page.getByRole('link', { name: 'Pride', exact: true })).toHaveCount(0);
  await participant.context.close();
});

/** Every text run of every slide, XML entities decoded. */
async function slideTexts(file: Buffer): Promise<{ slides: number; texts: string[] }> {
  const zip = await JSZip.loadAsync(file);
  const slideNames = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const texts: string[] = [];
  for (const name of slideNames) {
    const xml = await zip.file(name)!.async('string');
    for (const match of xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)) {
      texts.push(match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
    }
  }
  return { slides: slideNames.length, texts };
}

test('a synthesis member downloads the event deck in French: the chosen themes, nothing of a case study she may not read', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, 'imani');
  await page.goto('/events/lse-2/synthesis');
  const builder = page.getByRole('region', { name: 'Download the synthesis as PowerPoint' });
  const themes = builder.getByRole('group', { name: 'Themes to include (one slide each)' });
  // Every theme is ticked at first; keep three.
  const boxes = themes.getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThan(20);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  for (const box of await boxes.all()) await box.uncheck();
  const chosen = { 'Young People who sell sex': 'Les jeunes qui vendent du sexe', 'Programming around young people who sell sex': 'Programmer autour des jeunes qui vendent du sexe', 'A cloudy gender lens on sex work': 'Un regard flou sur le genre dans le travail du sexe' };
  for (const title of Object.keys(chosen)) await themes.getByRole('checkbox', { name: title, exact: true }).check();
  await builder.getByRole('radio', { name: 'Français' }).check();
  const downloading = page.waitForEvent('download');
  await builder.getByRole('button', { name: 'Download PowerPoint' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('lse-2-synthesis-fr.pptx');
  const file = fs.readFileSync((await download.path())!);

  // A real PowerPoint package: title, the event at a glance, the three themes, lessons, closing.
  const zip = await JSZip.loadAsync(file);
  expect(zip.file('[Content_Types].xml')).not.toBeNull();
  expect(zip.file('ppt/presentation.xml')).not.toBeNull();
  const { slides, texts } = await slideTexts(file);
  expect(slides).toBe(7);
  const text = texts.join('\n');
  for (const titleFr of Object.values(chosen)) expect(texts).toContain(titleFr);
  expect(texts).toContain('L’événement en un coup d’œil');
  expect(texts).toContain('Principales leçons apprises');
  // Themes left out are not in the file.
  for (const other of ['Légitimité', 'Le défi des définitions', 'Soutenir la construction du mouvement']) expect(texts).not.toContain(other);
  // Nothing of Amani's organisation-only case study, although it is tagged to two of the chosen themes.
  for (const secret of ['A safe space for young people who sell sex', 'Listen to young people before designing for them', 'youth advisory group', 'Young people who sell sex were not using our services', 'child-protection']) {
    expect(text).not.toContain(secret);
  }

  // The route itself: a download, never cached, never sniffed.
  const deckUrl = new URL(download.url());
  const response = await page.request.get(deckUrl.toString());
  expect(response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
  expect(response.headers()['content-disposition']).toBe('attachment; filename="lse-2-synthesis-fr.pptx"');
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  await context.close();
});
