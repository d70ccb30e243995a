import { expect, signedInContext, test } from './fixtures';
import { expectSectionSaved, sectionOf, startCaseStudy, typeInSection, ui, uniqueSuffix } from './support/case-studies';

// Two co-authors write the same section at once: the second save does not overwrite the first, both texts
// are shown, and the second author chooses. Accounts: `editor` (Wanjiru, editor of Tumaini) and `member`
// (Baraka, member of Tumaini, made a co-author here). The case study is new to this journey.

const t = ui.en;

test('two co-authors edit the same section: the later save shows both versions and keeps the chosen one', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Shared writing on the drop-in centre ${uniqueSuffix()}`;
  const editor = await signedInContext(browser, 'editor');
  const member = await signedInContext(browser, 'member');

  const id = await startCaseStudy(editor.page, t, {
    title,
    summary: 'How the drop-in centre was planned with the people who use it.',
    country: 'Kenya',
    population: 'LGBTI people',
    topic: 'Community engagement',
  });
  const editPath = `/case-studies/${id}/edit`;

  // Not an author yet: Baraka cannot even see the draft.
  const before = await member.page.goto(editPath);
  expect(before?.status()).toBe(404);
  await expect(member.page.getByRole('heading', { level: 1, name: t.notFound })).toBeVisible();

  // The editor makes Baraka a co-author in the case study's details.
  await editor.page.getByText('About this case study').click();
  const details = editor.page.locator('form').filter({ has: editor.page.getByRole('button', { name: 'Save details' }) });
  const coAuthors = details.getByRole('group', { name: 'Co-authors', exact: true });
  await expect(coAuthors.getByRole('checkbox', { name: 'Wanjiru', exact: true })).toBeChecked();
  await coAuthors.getByRole('checkbox', { name: 'Baraka', exact: true }).check();
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status')).toHaveText('Details saved.');

  // Both open the edit page: the same version of "The context…" in each.
  await member.page.goto(editPath);
  await expect(member.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await editor.page.reload();
  const mine = sectionOf(member.page, t, 'context');
  const theirs = sectionOf(editor.page, t, 'context');
  await expect(mine.editor).toHaveText('');
  await expect(theirs.editor).toHaveText('');

  const editorText = 'Wanjiru writes: the centre opened in a rented flat above a pharmacy, chosen by the members themselves.';
  const memberText = 'Baraka writes: we met in three different cafés before the flat, and the members voted on each rule.';
  await typeInSection(editor.page, t, 'context', editorText);
  await expectSectionSaved(editor.page, t, 'context');

  // Baraka's page still has the version it opened; his save meets Wanjiru's.
  await typeInSection(member.page, t, 'context', memberText);
  await expect(mine.status).toHaveText('Conflict: choose which version to keep');
  await expect(mine.region.getByRole('alert')).toHaveText(/^Wanjiru saved a newer version of this section at \d{2}:\d{2}\. Your text is kept below\. Choose what to keep\.$/);
  await expect(mine.region.getByText('Their version', { exact: true })).toBeVisible();
  await expect(mine.region.getByText(editorText, { exact: true })).toBeVisible();
  await expect(mine.region.getByText('Your version', { exact: true })).toBeVisible();
  await expect(mine.editor).toHaveText(memberText);

  // Nothing was overwritten meanwhile: a fresh look at the server's copy still shows Wanjiru's text.
  await editor.page.reload();
  await expect(theirs.editor).toHaveText(editorText);

  await mine.region.getByRole('button', { name: 'Keep mine (replace theirs)' }).click();
  await expectSectionSaved(member.page, t, 'context');
  await expect(mine.region.getByRole('alert')).toHaveCount(0);
  await expect(mine.editor).toHaveText(memberText);

  await editor.page.reload();
  await expect(theirs.editor).toHaveText(memberText);

  await Promise.all([editor.context.close(), member.context.close()]);
});
