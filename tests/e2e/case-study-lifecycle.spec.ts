import { expect, signedInContext, test, waitForHydration } from './fixtures';
import {
  expectSectionSaved,
  holdSectionSaves,
  isEditorCode,
  refresherCall,
  scriptsLoadedBy,
  sectionOf,
  sectionText,
  startCaseStudy,
  typeInSection,
  ui,
  uniqueSuffix,
  writeSection,
  type SectionKey,
} from './support/case-studies';

// A case study's whole life in English, for the refresher meeting's open call: the editor writes it (with a
// reload while saves are still on their way), the facilitator asks for changes, the editor revises, the
// facilitator accepts, the editor publishes to members, then to everyone. Accounts: `editor` (Wanjiru,
// Tumaini), `facilitator` (Thandiwe, facilitates the refresher), `participant` (Nomvula, another
// organisation), and anonymous visitors. The case study is new, so no other journey sees it.

const t = ui.en;

const texts: Record<SectionKey, string> = {
  problem: sectionText('Clinic doors stayed closed', [
    'After the first Learning and Sharing Event our peer educators told us that young men who have sex with men still avoided the county clinics.',
    'Staff asked intrusive questions, waiting rooms were public, and several young men had been turned away without treatment.',
    'We saw an opportunity to use what we had learned about sensitisation to change how nurses and receptionists welcomed them every day.',
  ]),
  context: sectionText('Two counties with tight budgets', [
    'The work took place in two Kenyan counties between early 2025 and the middle of 2026, while national guidelines were being revised.',
    'County health budgets were tight, so any change had to fit existing staff time.',
    'Community leaders were cautious, and the local press had published hostile stories the year before, which made clinic managers nervous about being seen to help.',
  ]),
  key_elements: sectionText('Nurses and peers learning together', [
    'We ran six half-day sessions where nurses and peer educators learned together, using real but anonymised stories from our members.',
    'Each clinic chose a champion who met monthly with our outreach team.',
    'We agreed a simple referral card that young men could show at reception, and we set up an anonymous feedback line so that problems reached the champions quickly.',
  ]),
  outcomes: sectionText('More young men came back', [
    'Within nine months the four clinics recorded many more visits by young men referred through the cards, and most came back for a second visit.',
    'Complaints on the feedback line fell month after month.',
    'Two clinic managers now include sensitisation in their induction for new staff, and the county health team has asked us to present the approach to other sub-counties.',
  ]),
  lessons: sectionText('Start with the receptionists', [
    'The first person a client meets shapes everything that follows, so receptionists and guards belong in the training as much as nurses do.',
    'Champions need time in their rota, not just goodwill.',
    'Anonymous feedback only works when someone answers it visibly, and numbers collected from the start made the county listen to us when we asked for more.',
  ]),
};
const revision = 'REVISED: the county records show the visits rose from 40 to 310 a quarter.';

test('a case study goes from draft to review, revision, acceptance and publication, then to everyone without editor code', async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `Welcoming young men at county clinics ${uniqueSuffix()}`;
  const editor = await signedInContext(browser, 'editor');
  const facilitator = await signedInContext(browser, 'facilitator');
  let id = '';
  const readingPath = () => `/case-studies/${id}`;
  const editPath = () => `/case-studies/${id}/edit`;

  await test.step('the editor starts a case study for the refresher call and writes it, reloading mid-way without losing text', async () => {
    const page = editor.page;
    id = await startCaseStudy(page, t, {
      call: refresherCall.en,
      title,
      summary: 'Nurses and peer educators learned together, and young men who have sex with men came back to four county clinics.',
      country: 'Kenya',
      population: 'Men who have sex with men (MSM)',
      topic: 'Health care systems',
    });

    // Two sections written and saved.
    await writeSection(page, t, 'problem', texts.problem);
    await writeSection(page, t, 'context', texts.context);

    // The third typed while its saves never reach the server, then the page is reloaded at once: the text
    // lives only on this device. Leaving warns (unsaved text); the member leaves anyway.
    const saves = await holdSectionSaves(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await typeInSection(page, t, 'key_elements', texts.key_elements);
    await page.reload();
    expect(dialogs).toContain('beforeunload');

    // Everything is back: the first two from the server, the third from the device copy, which is then saved.
    await expect(sectionOf(page, t, 'problem').editor).toHaveText(texts.problem);
    await expect(sectionOf(page, t, 'context').editor).toHaveText(texts.context);
    await expect(sectionOf(page, t, 'key_elements').editor).toHaveText(texts.key_elements);
    await expect(sectionOf(page, t, 'key_elements').region.getByText(t.restored)).toBeVisible();
    await saves.release();
    await expectSectionSaved(page, t, 'key_elements');

    await writeSection(page, t, 'outcomes', texts.outcomes);
    await writeSection(page, t, 'lessons', texts.lessons);
    await expect(page.getByText(t.allComplete, { exact: true })).toBeVisible();

    // The server has all of it, including the restored section.
    await page.reload();
    for (const key of Object.keys(texts) as SectionKey[]) await expect(sectionOf(page, t, key).editor).toHaveText(texts[key]);
    await expect(sectionOf(page, t, 'key_elements').region.getByText(t.restored)).toHaveCount(0);

    await page.getByRole('region', { name: t.workflow.title }).getByRole('button', { name: t.workflow.submit }).click();
    await expect(page.getByText(t.locked(t.status.submitted), { exact: true })).toBeVisible();
    await page.goto('/case-studies/mine');
    const card = page.getByRole('region', { name: 'In progress' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await expect(card.getByText(t.status.submitted, { exact: true })).toBeVisible();
  });

  await test.step('the facilitator finds it waiting for review, comments on the outcomes and requests changes', async () => {
    const page = facilitator.page;
    await page.goto('/case-studies/mine');
    await page.getByRole('region', { name: t.review.waiting }).getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`${readingPath()}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(t.status.submitted, { exact: true }).first()).toBeVisible();

    const review = page.getByRole('region', { name: t.review.title, exact: true });
    await review.getByRole('combobox', { name: t.review.on, exact: true }).selectOption({ label: t.sections.outcomes });
    await review.getByRole('textbox', { name: t.review.comment, exact: true }).fill('Please give the numbers behind "many more visits".');
    await review.getByRole('button', { name: t.review.add }).click();
    await expect(review.getByRole('status')).toHaveText(t.review.added);
    await expect(page.getByRole('region', { name: t.sections.outcomes, exact: true }).getByRole('complementary', { name: t.reviewComments })).toContainText('Please give the numbers behind "many more visits".');

    const workflow = page.getByRole('region', { name: t.workflow.title });
    await workflow.getByRole('textbox', { name: t.workflow.whatShouldChange }).fill('Strong work. Add the figures to the outcomes, then resubmit.');
    await workflow.getByRole('button', { name: t.workflow.requestChanges }).click();
    await expect(page.getByRole('main').getByText(t.status.changes_requested, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: t.workflow.accept })).toHaveCount(0);
  });

  await test.step('the editor sees the comment beside the outcomes, revises them and resubmits', async () => {
    const page = editor.page;
    await page.goto(editPath());
    const outcomes = sectionOf(page, t, 'outcomes');
    await expect(outcomes.region.getByRole('complementary', { name: t.reviewComments })).toContainText('Please give the numbers behind "many more visits".');
    await expect(outcomes.region.getByRole('complementary', { name: t.reviewComments })).toContainText('Thandiwe, version 1');
    await expect(page.getByRole('region', { name: t.generalComments })).toContainText('Strong work. Add the figures to the outcomes, then resubmit.');
    // The other sections carry no comment.
    await expect(sectionOf(page, t, 'problem').region.getByRole('complementary')).toHaveCount(0);

    await typeInSection(page, t, 'outcomes', revision, { newParagraph: true });
    await expectSectionSaved(page, t, 'outcomes');
    await page.getByRole('region', { name: t.workflow.title }).getByRole('button', { name: t.workflow.resubmit }).click();
    await expect(page.getByText(t.locked(t.status.submitted), { exact: true })).toBeVisible();
  });

  await test.step('the facilitator accepts; the history has two versions and the comparison shows the revision as added', async () => {
    const page = facilitator.page;
    await page.goto(readingPath());
    await page.getByRole('region', { name: t.workflow.title }).getByRole('button', { name: t.workflow.accept }).click();
    await expect(page.getByRole('main').getByText(t.status.accepted, { exact: true })).toBeVisible();

    await page.goto(`${readingPath()}/history`);
    const versions = page.getByRole('region', { name: 'Submitted versions' }).getByRole('listitem');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText('Version 2');
    await expect(versions.nth(1)).toContainText('Version 1');
    await expect(versions.nth(0)).toContainText('submitted by Wanjiru');

    await expect(page.getByRole('combobox', { name: 'From version' })).toHaveValue('1');
    await expect(page.getByRole('combobox', { name: 'To version' })).toHaveValue('2');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(new RegExp(`${readingPath()}/compare\\?from=1&to=2$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Changes from version 1 to version 2' })).toBeVisible();
    const outcomes = page.getByRole('region', { name: t.sections.outcomes, exact: true });
    await expect(outcomes.getByRole('insertion')).toHaveCount(1);
    await expect(outcomes.getByRole('insertion')).toHaveText(/REVISED: the county records show the visits rose from 40 to 310 a quarter\./);
    await expect(outcomes.getByRole('deletion')).toHaveCount(0);
    await expect(page.getByRole('region', { name: t.sections.lessons, exact: true })).toHaveText(/No changes in this section\./);
  });

  await test.step('the editor publishes it for members', async () => {
    const page = editor.page;
    await page.goto(readingPath());
    const workflow = page.getByRole('region', { name: t.workflow.title });
    await workflow.getByRole('group', { name: t.workflow.whoCanRead }).getByRole('radio', { name: t.workflow.members }).check();
    await workflow.getByRole('button', { name: t.workflow.publish, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${readingPath()}\\?published=1$`));
    await expect(page.getByRole('main').getByRole('status').first()).toHaveText(t.workflow.publishedNotice);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(workflow.getByText(t.status.published, { exact: true })).toBeVisible();
  });

  await test.step('a member of another organisation reads it', async () => {
    const { context, page } = await signedInContext(browser, 'participant');
    await page.goto(readingPath());
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('region', { name: t.sections.outcomes, exact: true })).toContainText(revision);
    await expect(page.getByRole('region', { name: t.sections.lessons, exact: true })).toContainText(texts.lessons);
    // A reader, not a writer or a reviewer.
    await expect(page.getByRole('region', { name: t.workflow.title })).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: t.reviewComments })).toHaveCount(0);
    await context.close();
  });

  await test.step('an anonymous visitor gets "Not found" and does not find it in the list', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(readingPath());
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: t.notFound })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);

    await page.goto('/case-studies');
    await expect(page.getByRole('heading', { level: 1, name: 'Case studies' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible(); // the public demo case studies are listed
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await context.close();
  });

  await test.step('to publish it for everyone the editor must confirm the safety checklist', async () => {
    const page = editor.page;
    await page.goto(readingPath());
    await page.getByRole('region', { name: t.workflow.title }).getByRole('button', { name: t.workflow.unpublish }).click();
    const workflow = page.getByRole('region', { name: t.workflow.title });
    await expect(workflow.getByText(t.status.accepted, { exact: true })).toBeVisible();

    const publicOption = workflow.getByRole('group', { name: t.workflow.whoCanRead }).getByRole('radio', { name: t.workflow.public });
    await publicOption.check();
    const checklist = workflow.getByRole('checkbox', { name: t.workflow.safetyConfirm });
    await expect(checklist).not.toBeChecked();
    await workflow.getByRole('button', { name: t.workflow.publish, exact: true }).click();
    await expect(workflow.getByText(t.workflow.safetyRefused)).toBeVisible();
    await expect(workflow.getByRole('alert')).toBeVisible();
    await expect(publicOption).toBeChecked();
    await expect(page).not.toHaveURL(/published=1/);
    await expect(workflow.getByText(t.status.accepted, { exact: true })).toBeVisible();

    await checklist.check();
    await workflow.getByRole('button', { name: t.workflow.publish, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${readingPath()}\\?published=1$`));
    await expect(page.getByRole('main').getByRole('status').first()).toHaveText(t.workflow.publishedNotice);
  });

  await test.step('now anyone reads it, and the reading page loads no editor code (the edit page does)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const readingScripts = await scriptsLoadedBy(page, readingPath());
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('region', { name: t.sections.problem, exact: true })).toContainText(texts.problem);
    await waitForHydration(page);
    expect(readingScripts.length).toBeGreaterThan(0);
    expect(readingScripts.filter((script) => isEditorCode(script.body)).map((script) => script.url)).toEqual([]);

    await page.goto('/case-studies');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await context.close();

    // The control: the same check finds the editor in the edit page's scripts (a fresh context, nothing cached).
    const writer = await signedInContext(browser, 'editor');
    const editScripts = await scriptsLoadedBy(writer.page, editPath());
    await expect(sectionOf(writer.page, t, 'problem').editor).toHaveText(texts.problem);
    expect(editScripts.some((script) => isEditorCode(script.body))).toBe(true);
    await writer.context.close();
  });

  await Promise.all([editor.context.close(), facilitator.context.close()]);
});
