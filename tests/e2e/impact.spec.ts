import fs from 'node:fs/promises';
import { demoCredentials, expect, signedInContext, test } from './fixtures';

// The impact dashboard against the demo network: LSE 2's 12-month round of 2017 (11 of its 16 invited
// answered) and its round open today (2 or 3 answers, too few to show on its own). A facilitator reads the
// charts beside the 2017 baseline, opens their data tables, downloads the anonymised answers and a chart;
// a member of another event finds no dashboard; visitors are asked to sign in.

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a facilitator reads LSE 2’s charts beside the 2017 figures, with their tables, and downloads the answers and a chart', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'facilitator');
  await page.goto('/events/lse-2/impact');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Impact of /);
  await expect(page.getByText('Each participant counts once, with their latest answers from any round of this event.')).toBeVisible();
  // The exact figures are those of the 2017 round, which no other journey changes (Fatou's answer to the
  // open round, in follow-up-survey.spec.ts, moves the latest answers).
  const chooseRound = async (optionText: string) => {
    const option = page.getByLabel('Answers shown').locator('option', { hasText: optionText });
    await page.getByLabel('Answers shown').selectOption((await option.getAttribute('value')) ?? '');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/round=/);
  };
  await chooseRound('12 months after the event');
  await expect(page.getByText('Only the answers to the round opened on April 14, 2017.')).toBeVisible();

  // The response rate: now beside then, drawn on the server.
  const responseRate = page.getByRole('region', { name: 'Response rate' });
  await expect(responseRate.locator('figcaption')).toHaveText('11 of the 16 people invited answered.');
  const chart = responseRate.getByRole('img', { name: 'Response rate' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('text', { hasText: /^Now$/ })).toHaveCount(1);
  await expect(chart.locator('text', { hasText: 'Then: the 2017 survey' })).toHaveCount(1);
  await expect(chart.locator('text', { hasText: '69% (11)' })).toHaveCount(1);
  await expect(chart.locator('text', { hasText: '2017: 31%' })).toHaveCount(1);

  // Its data table, for screen readers and anyone who prefers numbers.
  await responseRate.getByText('Figures as a table').click();
  const table = responseRate.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Answer', 'Now (%)', 'People', '2017 (%)']);
  await expect(table.getByRole('row', { name: /Answered/ }).getByRole('cell')).toHaveText(['69%', '11', '31%']);

  // Every question has its section; connection reasons say their base.
  const reasons = page.getByRole('region', { name: 'Why participants were in touch' });
  await expect(reasons.locator('figcaption')).toHaveText(/^Share of all 11 people who answered whether they were in touch/);
  await reasons.getByText('Figures as a table').click();
  await expect(reasons.getByRole('row', { name: /To share information/ }).getByRole('cell')).toHaveText(['27%', '3', '53%']);
  await expect(page.getByRole('region', { name: 'What made it harder' }).getByRole('img')).toBeVisible();

  // The round open today has 2 answers: chosen alone, every chart is hidden.
  await chooseRound('fewer than 5 answers');
  await expect(page.getByText('Fewer than 5 people answered: hidden to protect their identity.')).toHaveCount(9);
  await expect(page.getByRole('region', { name: 'Response rate' }).getByRole('img')).toHaveCount(0);
  await page.goto('/events/lse-2/impact');

  // The anonymised answers: stable English keys, nobody's name.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Anonymised answers (CSV)' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('impact-answers-lse-2.csv');
  const csv = await fs.readFile(await csvFile.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFevent,round_opened_on,submitted_month,understanding,transfer_audience:internal,/);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(12);
  for (const person of demoCredentials()) {
    expect(csv, person.username).not.toMatch(new RegExp(`\\b${escapeRegExp(person.username)}\\b`, 'i'));
    expect(csv, person.displayName).not.toMatch(new RegExp(`\\b${escapeRegExp(person.displayName)}\\b`));
  }

  // A chart as an image to take away.
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download “Response rate” (SVG)' }).click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toBe('impact-lse-2-responseRate.svg');
  const svg = await fs.readFile(await svgFile.path(), 'utf8');
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(svg).toContain('69% (11)');
  const png = await page.request.get('/api/impact/chart/responseRate.png?event=lse-2');
  expect(png.headers()['content-type']).toBe('image/png');
  expect(png.headers()['content-disposition']).toBe('attachment; filename="impact-lse-2-responseRate.png"');
  await context.close();
});

test('the dashboard fits a phone screen without scrolling sideways', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'animatrice');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/events/lse-2/impact');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Impact de /);
  await expect(page.getByRole('region', { name: 'Taux de réponse' }).getByRole('img')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // No chart JavaScript: the charts are in the HTML as it arrives.
  const html = await (await page.request.get('/events/lse-2/impact')).text();
  expect(html).toContain('role="img" aria-labelledby="impact-responseRate-title"');
  await context.close();
});

test('a participant of another event finds no dashboard for LSE 2; the network’s is for every member; visitors sign in first', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'participant');
  await page.goto('/events/lse-2/impact');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  expect((await page.request.get('/api/impact/export.csv?event=lse-2')).status()).toBe(404);
  expect((await page.request.get('/api/impact/chart/responseRate.svg?event=lse-2')).status()).toBe(404);

  await page.goto('/impact');
  await expect(page.getByRole('heading', { level: 1, name: 'Impact across the network' })).toBeVisible();
  const perEvent = page.getByRole('region', { name: 'Response rate per event' });
  await expect(perEvent.getByRole('row', { name: /LSE 2/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Anonymised answers (CSV)' })).toHaveCount(0);
  await context.close();

  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto('/impact');
  await expect(anonymous).toHaveURL(/\/sign-in\?next=%2Fimpact$/);
  await visitor.close();
});
