import fs from 'node:fs/promises';
import { expect, signedInContext, test } from './fixtures';
import { startCaseStudy, ui, uniqueSuffix } from './support/case-studies';

// Attachments: a PNG is accepted and offered as a download from the reading page; an SVG is refused; an
// anonymous visitor cannot fetch the file of an unpublished case study. Account: `editor` (Wanjiru). The
// case study is new to this journey.

const t = ui.en;

// A valid 1×1 PNG.
const pixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>');

test('an editor attaches a PNG, an SVG is refused, and the PNG downloads from the reading page as an attachment', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const id = await startCaseStudy(page, t, {
    title: `Photos from the outreach van ${uniqueSuffix()}`,
    summary: 'What the mobile outreach van looked like after it was repainted by the members.',
    country: 'Kenya',
    population: 'Sex workers',
    topic: 'Peer education',
  });

  const attachments = page.getByRole('region', { name: 'Attachments' });
  await expect(attachments.getByText('No attachments yet.')).toBeVisible();

  await attachments.getByLabel('File to attach').setInputFiles({ name: 'outreach-van.png', mimeType: 'image/png', buffer: pixelPng });
  await attachments.getByRole('button', { name: 'Attach file' }).click();
  await expect(page).toHaveURL(new RegExp(`/case-studies/${id}/edit\\?attachment=added$`));
  await expect(attachments.getByRole('status')).toHaveText('The file was attached.');
  await expect(attachments.getByRole('listitem')).toHaveCount(1);
  await expect(attachments.getByRole('link', { name: 'outreach-van.png' })).toBeVisible();

  // An SVG (text that browsers run scripts in) is refused whatever type the browser claims for it.
  await attachments.getByLabel('File to attach').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svg });
  await attachments.getByRole('button', { name: 'Attach file' }).click();
  await expect(page).toHaveURL(new RegExp(`/case-studies/${id}/edit\\?attachmentError=attachment_type$`));
  await expect(attachments.getByRole('alert')).toHaveText('Only PDF, Word, PowerPoint, Excel, JPEG and PNG files can be attached.');
  await expect(attachments.getByRole('listitem')).toHaveCount(1);
  await expect(attachments.getByRole('link', { name: 'logo.svg' })).toHaveCount(0);

  // From the reading page: a download, not a page to display.
  await page.goto(`/case-studies/${id}`);
  const link = page.getByRole('region', { name: 'Attachments' }).getByRole('link', { name: 'outreach-van.png' });
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('outreach-van.png');
  const downloaded = await fs.readFile(await download.path());
  expect(downloaded.subarray(0, 8).equals(pngSignature)).toBe(true);

  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/attachments\/[^/]+$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['content-disposition']).toMatch(/^attachment;.*filename="outreach-van\.png"/);

  // Someone who cannot read the case study cannot fetch its file either.
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(href!);
  expect(refused.status()).toBe(404);
  await anonymous.close();
  await context.close();
});
