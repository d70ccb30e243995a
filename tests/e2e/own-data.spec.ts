import { strFromU8, unzipSync } from 'fflate';
import { demoAccount, expect, signIn, submitSignIn, test } from './fixtures';
import { editorIn } from './support/conversations';
import { expectPageInFrench } from './support/french';

// A member takes their data and leaves: Clarisse (`membre`, French, used by no other journey) downloads
// everything she wrote as one zip, then deletes her account and her posts. Her words are gone from the
// thread and from search at once, and her password no longer signs anyone in.

test('a member downloads her data, then deletes her account and her posts', async ({ page, browser }) => {
  const word = `umusozi${Date.now().toString(36)}`;
  await signIn(page, 'membre');

  // Something of hers, in a discussion open to members.
  await page.goto('/discussions/new');
  await page.getByRole('textbox', { name: 'Titre' }).fill(`Les pairs éducateurs ${word}`);
  await (await editorIn(page, 'Votre message')).click();
  await page.keyboard.type(`Notre expérience ${word} à Gitega.`);
  await page.getByRole('button', { name: 'Lancer la discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Les pairs éducateurs ${word}` })).toBeVisible();
  const threadUrl = page.url();
  // Someone else answers: the thread is no longer hers alone, so it stays when she leaves.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, 'admin');
  await otherPage.goto(threadUrl);
  await (await editorIn(otherPage.getByRole('region', { name: 'Reply' }), 'Your reply')).click();
  await otherPage.keyboard.type(`Merci Clarisse, reply ${word}.`);
  await otherPage.getByRole('button', { name: 'Post the reply' }).click();
  await expect(otherPage.getByRole('article', { name: 'Network Admin' }).getByRole('paragraph').filter({ hasText: `Merci Clarisse, reply ${word}.` })).toBeVisible();

  // The settings page, in her language, offers both.
  await expectPageInFrench(page, '/settings');
  const section = page.getByRole('region', { name: 'Vos données' });
  const downloading = page.waitForEvent('download');
  await section.getByRole('link', { name: 'Télécharger mes données' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^baraza-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['profile.json', 'posts.json', 'stories.json', 'connections.json', 'README.txt']));
  expect(JSON.parse(strFromU8(files['profile.json']!))).toMatchObject({ username: 'membre', displayName: 'Clarisse', locale: 'fr' });
  expect(strFromU8(files['posts.json']!)).toContain(`Notre expérience ${word} à Gitega.`);
  expect(strFromU8(files['posts.json']!)).not.toContain(`reply ${word}`);
  expect(strFromU8(files['README.txt']!)).toContain('Vos données de Baraza');

  // A wrong password is refused in French, and nothing she chose or typed is lost but the password.
  const form = section.locator('form');
  await form.getByRole('radio', { name: /Supprimer aussi mes messages et récits/ }).check();
  await form.getByRole('checkbox', { name: 'Je comprends que mon compte est supprimé définitivement' }).check();
  await form.getByRole('textbox', { name: 'Votre mot de passe' }).fill('pas le bon mot de passe');
  await form.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await expect(form.getByRole('alert').or(form.getByRole('status')).first()).toContainText('Votre mot de passe actuel n’est pas correct');
  await expect(form.getByRole('radio', { name: /Supprimer aussi mes messages et récits/ })).toBeChecked();

  await form.getByRole('textbox', { name: 'Votre mot de passe' }).fill(demoAccount('membre').password);
  await form.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=deleted/);
  await expect(page.getByRole('status')).toContainText('Votre compte a été supprimé');

  // Her words are gone from the thread (the answer stays), and from search, for everyone at once.
  await otherPage.goto(threadUrl);
  await expect(otherPage.getByRole('article', { name: 'Network Admin' }).getByRole('paragraph').filter({ hasText: `Merci Clarisse, reply ${word}.` })).toBeVisible();
  await expect(otherPage.getByRole('region', { name: 'Posts' }).getByRole('paragraph').filter({ hasText: `Notre expérience ${word}` })).toHaveCount(0);
  await expect.poll(async () => (await otherPage.request.get(`/search?q=${word}`)).text().then((html) => html.includes('Notre expérience')), { timeout: 15_000 }).toBe(false);
  await other.close();

  // Her username and password sign nobody in, with the same answer as any unknown account.
  await page.goto('/sign-in');
  await submitSignIn(page, 'membre', demoAccount('membre').password);
  await expect(page.getByRole('main').getByText(/Le nom d’utilisateur ou le mot de passe n’est pas correct|The username or password is not correct/)).toBeVisible();
});
