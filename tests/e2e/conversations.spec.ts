import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, signIn, signedInContext, test } from './fixtures';
import { isEditorCode, scriptsLoadedBy, uniqueSuffix } from './support/case-studies';
import { editorIn, postIdOf, unreadCount } from './support/conversations';
import { e2eDataDir } from './support/env';

// Conversations in the browser: a discussion on a public case study with formatting and an @-mention
// picked from the suggestion list, a quoted reply and a reaction, the mentioned member's notification,
// an edit and a delete; a private question answered by the case study's author; moderation; posting
// without JavaScript. Accounts, used by no other journey: `imani` (starts the discussion), `chipo`
// (replies), `kagiso` (mentioned), `rehema` (asks), `lerato` (author of the case study, answers), `sofia`
// (moderated), `mwansa` (posts without JavaScript); and `moderator`. The threads are new: no other journey
// sees them.

const caseStudy = {
  organisation: 'Ubuntu Rights Collective',
  title: 'A seat that counts: legitimate participation of key populations in national HIV planning',
};

/** A post's earlier versions, straight from the database: the interface keeps them but does not list them. */
function revisionCount(postId: string): number {
  const database = new Database(path.join(e2eDataDir, 'baraza.db'), { readonly: true, fileMustExist: true });
  try {
    return (database.prepare('select count(*) as count from post_revisions where post_id = ?').get(postId) as { count: number }).count;
  } finally {
    database.close();
  }
}

test('members discuss a case study: mention, quote, reaction, notification, edit and delete', async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Scorecards for national planning ${uniqueSuffix()}`;
  const starter = await signedInContext(browser, 'imani');
  const replier = await signedInContext(browser, 'chipo');
  const mentioned = await signedInContext(browser, 'kagiso');
  const unreadBefore = await unreadCount(mentioned.page);

  // Imani finds the case study and starts a discussion on it.
  const page = starter.page;
  await page.goto('/organisations');
  await page.getByRole('link', { name: caseStudy.organisation, exact: true }).click();
  await page.getByRole('link', { name: caseStudy.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: caseStudy.title })).toBeVisible();
  const discussion = page.getByRole('region', { name: 'Discussion' });
  await expect(discussion.getByRole('link', { name: 'Ask the authors' })).toBeVisible();
  await discussion.getByRole('link', { name: 'Start a discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a discussion' })).toBeVisible();
  await expect(page.getByRole('link', { name: caseStudy.title })).toBeVisible();

  // The subject is public: that is the default, and narrower audiences are offered.
  await expect(page.getByRole('radio', { name: 'Anyone, including people who are not members' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Signed-in members of the network' })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'Members of the organisation that wrote the case study' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  const editor = await editorIn(page, 'Your message');
  await editor.click();
  await page.keyboard.type('We scored clinics with ');
  await page.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('community scorecards');
  await page.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type(' and ');

  // @ and letters: a list of members under the editor, driven by the keyboard.
  await page.keyboard.type('@K');
  const list = page.getByRole('listbox', { name: 'Members to mention' });
  const kagiso = list.getByRole('option', { name: 'Kagiso', exact: true });
  const kioko = list.getByRole('option', { name: 'Kioko', exact: true });
  await expect(kagiso).toHaveAttribute('aria-selected', 'true');
  await expect(editor).toHaveAttribute('aria-activedescendant', (await kagiso.getAttribute('id'))!);
  await page.keyboard.press('ArrowDown');
  await expect(kioko).toHaveAttribute('aria-selected', 'true');
  await expect(kagiso).toHaveAttribute('aria-selected', 'false');
  await expect(editor).toHaveAttribute('aria-activedescendant', (await kioko.getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await expect(kagiso).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expect(editor).not.toHaveAttribute('aria-activedescendant');
  await page.keyboard.type('can tell us more.');
  await page.getByRole('button', { name: 'Start the discussion' }).click();

  await expect(page).toHaveURL(/\/threads\/[^/?#]+$/);
  const threadUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Who can read it: Anyone, including people who are not members')).toBeVisible();
  const opening = page.getByRole('article', { name: 'Imani' });
  await expect(opening.locator('strong', { hasText: 'community scorecards' })).toBeVisible();
  await expect(opening).toContainText('We scored clinics with community scorecards and @Kagiso can tell us more.');
  const openingId = await postIdOf(opening);

  // Chipo sees it on the case study, quotes Imani and says it helped.
  const other = replier.page;
  await other.goto('/organisations');
  await other.getByRole('link', { name: caseStudy.organisation, exact: true }).click();
  await other.getByRole('link', { name: caseStudy.title }).click();
  await other.getByRole('region', { name: 'Discussion' }).getByRole('link', { name: title }).click();
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await other.getByRole('article', { name: 'Imani' }).getByRole('link', { name: 'Quote' }).click();
  await expect(other).toHaveURL(new RegExp(`\\?quote=${openingId}#reply$`));
  const replySection = other.getByRole('region', { name: 'Reply' });
  await expect(replySection.getByText('Quoting Imani')).toBeVisible();
  await expect(replySection.locator('blockquote')).toContainText('We scored clinics with community scorecards');
  const replyEditor = await editorIn(replySection, 'Your reply');
  await replyEditor.click();
  await other.keyboard.type('Thank you, we will try scorecards in Harare.');
  await replySection.getByRole('button', { name: 'Post the reply' }).click();
  const reply = other.getByRole('article', { name: 'Chipo' });
  await expect(reply).toContainText('Thank you, we will try scorecards in Harare.');
  await expect(reply.locator('blockquote')).toContainText('Imani wrote:');
  await expect(reply.locator('blockquote')).toContainText('We scored clinics with community scorecards');
  // The form starts empty again after one's own post.
  await expect(await editorIn(other.getByRole('region', { name: 'Reply' }), 'Your reply')).toHaveText('');

  const helped = other.getByRole('article', { name: 'Imani' }).getByRole('button', { name: /^This helped me/ });
  await expect(helped).toHaveAttribute('aria-pressed', 'false');
  await helped.click();
  await expect(helped).toHaveAttribute('aria-pressed', 'true');
  await expect(helped).toContainText('1');

  // Kagiso was mentioned: the bell counts it, the list says so, opening it marks it read.
  await mentioned.page.goto('/');
  expect(await unreadCount(mentioned.page)).toBe(unreadBefore + 1);
  await mentioned.page.getByRole('banner').getByRole('link', { name: /^Notifications, / }).click();
  await expect(mentioned.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const notification = mentioned.page.getByRole('link', { name: `You were mentioned by Imani in “${title}”` });
  await expect(notification.locator('xpath=ancestor::li[1]')).toContainText('Unread');
  const unreadBeforeOpening = await unreadCount(mentioned.page);
  await notification.click();
  await expect(mentioned.page).toHaveURL(new RegExp(`/threads/[^/?#]+#post-${openingId}$`));
  await expect(mentioned.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await unreadCount(mentioned.page)).toBe(unreadBeforeOpening - 1);
  await mentioned.page.goto('/notifications');
  await expect(mentioned.page.getByRole('link', { name: `You were mentioned by Imani in “${title}”` }).locator('xpath=ancestor::li[1]')).not.toContainText('Unread');

  // Imani edits her post: the new text shows as edited, the earlier one is kept as a revision.
  await page.reload();
  const own = page.getByRole('article', { name: 'Imani' });
  await own.locator('summary', { hasText: 'Edit' }).click();
  const editEditor = await editorIn(own, 'Edit your post');
  await expect(editEditor).toContainText('community scorecards');
  await editEditor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' We scored eleven clinics.');
  await own.getByRole('button', { name: 'Save changes' }).click();
  await expect(own).toContainText('(edited)');
  await expect(own.locator('.rich-text')).toContainText('can tell us more. We scored eleven clinics.');
  await expect(own.getByRole('textbox', { name: 'Edit your post' })).toBeHidden();
  expect(revisionCount(openingId)).toBe(1);

  // Chipo deletes her reply: it reads "This post was deleted", the discussion stays readable.
  await other.reload();
  const ownReply = other.getByRole('article', { name: 'Chipo' });
  await ownReply.locator('summary', { hasText: 'Delete' }).click();
  await ownReply.getByRole('button', { name: 'Yes, delete this post' }).click();
  await expect(other.getByRole('article', { name: 'This post was deleted' })).toBeVisible();
  await expect(other.getByText('Thank you, we will try scorecards in Harare.')).toHaveCount(0);
  await expect(other.getByRole('article', { name: 'Imani' })).toContainText('We scored eleven clinics.');

  // A visitor reads the public discussion: no editor code, no controls, the deleted post in its place.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  const scripts = await scriptsLoadedBy(anonymous, threadUrl);
  expect(scripts.filter((script) => isEditorCode(script.body)).map((script) => script.url)).toEqual([]);
  await expect(anonymous.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(anonymous.getByRole('article', { name: 'Imani' })).toContainText('We scored eleven clinics.');
  await expect(anonymous.getByRole('article', { name: 'This post was deleted' })).toBeVisible();
  await expect(anonymous.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(anonymous.getByRole('link', { name: 'Sign in to reply.' })).toBeVisible();

  await Promise.all([starter.context.close(), replier.context.close(), mentioned.context.close(), visitor.close()]);
});

test('a member asks the authors privately; the author answers and the answer shows on the case study', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Who sits on the planning committee ${uniqueSuffix()}`;
  const asker = await signedInContext(browser, 'rehema');
  const author = await signedInContext(browser, 'lerato');

  const page = asker.page;
  await page.goto('/organisations');
  await page.getByRole('link', { name: caseStudy.organisation, exact: true }).click();
  await page.getByRole('link', { name: caseStudy.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: caseStudy.title })).toBeVisible();
  const caseStudyUrl = page.url();
  // Following the case study: the button then offers the opposite.
  await page.getByRole('region', { name: 'Discussion' }).getByRole('button', { name: 'Follow this case study' }).click();
  await expect(page.getByRole('region', { name: 'Discussion' }).getByRole('status')).toHaveText('You follow this now: you will be told about new activity.');
  await expect(page.getByRole('region', { name: 'Discussion' }).getByRole('button', { name: 'Stop following this case study' })).toBeVisible();
  await page.getByRole('region', { name: 'Discussion' }).getByRole('link', { name: 'Ask the authors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ask the authors' })).toBeVisible();
  await page.getByRole('radio', { name: "Only you, the case study's authors and its organisation's editors" }).check();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  const editor = await editorIn(page, 'Your question');
  await editor.click();
  await page.keyboard.type('How did you choose who represents key populations on the committee?');
  await page.getByRole('button', { name: 'Send the question' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Waiting for an answer')).toBeVisible();
  await expect(page.getByText("Who can read it: Only you, the case study's authors and its organisation's editors")).toBeVisible();
  const threadUrl = page.url();

  // The author is told, answers, and marks the answer.
  await author.page.goto('/notifications');
  await author.page.getByRole('link', { name: `New question on your case study: “${title}”` }).click();
  await expect(author.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const answerEditor = await editorIn(author.page.getByRole('region', { name: 'Reply' }), 'Your reply');
  await answerEditor.click();
  await author.page.keyboard.type('Each network elected its own representative, with a deputy.');
  await author.page.getByRole('button', { name: 'Post the reply' }).click();
  const answer = author.page.getByRole('article', { name: 'Lerato' });
  await expect(answer).toContainText('Each network elected its own representative');
  await answer.getByRole('button', { name: 'Mark as the answer' }).click();
  await expect(author.page.getByText('Answered', { exact: true })).toBeVisible();
  await expect(answer.getByText('Answer', { exact: true })).toBeVisible();

  // The asker is told; the question and its answer show on the case study, for those who may read them.
  await page.goto('/notifications');
  await page.getByRole('link', { name: `Your question was answered: “${title}”` }).click();
  await expect(page).toHaveURL(threadUrl.replace(/\?.*$/, '') + `#post-${await postIdOf(answer)}`);
  await page.goto(caseStudyUrl);
  const answers = page.getByRole('region', { name: 'Questions and answers' });
  await expect(answers.getByRole('link', { name: title })).toBeVisible();
  await expect(answers).toContainText('Each network elected its own representative, with a deputy.');

  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(caseStudyUrl);
  await expect(anonymous.getByRole('heading', { level: 1, name: caseStudy.title })).toBeVisible();
  await expect(anonymous.getByText(title)).toHaveCount(0);
  await anonymous.goto(threadUrl);
  await expect(anonymous.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();

  await Promise.all([asker.context.close(), author.context.close(), visitor.close()]);
});

test('a moderator hides a post and locks the discussion; its author still sees the text', async ({ browser }) => {
  const title = `Where to meet safely ${uniqueSuffix()}`;
  const member = await signedInContext(browser, 'sofia');
  const moderator = await signedInContext(browser, 'moderator');

  await member.page.goto('/discussions/new');
  await member.page.getByRole('radio', { name: 'Anyone, including people who are not members' }).check();
  await member.page.getByRole('textbox', { name: 'Title' }).fill(title);
  await (await editorIn(member.page, 'Your message')).click();
  await member.page.keyboard.type('We meet every Friday at the back of the bar near the station.');
  await member.page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(member.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const threadUrl = member.page.url();

  await moderator.page.goto(threadUrl);
  const post = moderator.page.getByRole('article', { name: 'Sofía' });
  await post.locator('summary', { hasText: 'Moderate' }).click();
  await post.getByRole('textbox', { name: 'Reason shown to the author (optional)' }).fill('It names a meeting place.');
  await post.getByRole('button', { name: 'Hide this post' }).click();
  await expect(post.getByRole('note')).toHaveText('Hidden by a moderator. Only you and the moderators can see this text. Reason given: It names a meeting place.');
  await moderator.page.getByRole('button', { name: 'Lock the discussion', exact: true }).click();
  await expect(moderator.page.getByRole('note').filter({ hasText: 'locked' })).toHaveText('This discussion is locked by a moderator: nobody can reply.');

  // The author still reads their text, with the notice; nobody can reply; a visitor sees no text.
  await member.page.reload();
  await expect(member.page.getByRole('article', { name: 'Sofía' })).toContainText('We meet every Friday');
  await expect(member.page.getByRole('article', { name: 'Sofía' }).getByRole('note')).toHaveText('Hidden by a moderator. Only you and the moderators can see this text. Reason given: It names a meeting place.');
  await expect(member.page.getByRole('region', { name: 'Reply' })).toHaveCount(0);
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(threadUrl);
  await expect(anonymous.getByRole('article', { name: 'Sofía' })).toContainText('Hidden by a moderator');
  await expect(anonymous.getByText('We meet every Friday')).toHaveCount(0);

  // Unlocked, the discussion takes replies again.
  await moderator.page.getByRole('button', { name: 'Unlock the discussion' }).click();
  await expect(moderator.page.getByRole('button', { name: 'Lock the discussion', exact: true })).toBeVisible();
  await member.page.reload();
  await expect(member.page.getByRole('region', { name: 'Reply' })).toBeVisible();

  await Promise.all([member.context.close(), moderator.context.close(), visitor.close()]);
});

test('posting works without JavaScript, and a refused post keeps its text', async ({ browser }) => {
  const title = `Without scripts ${uniqueSuffix()}`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'mwansa');

  await page.goto('/discussions');
  await page.getByRole('link', { name: 'Start a discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a discussion' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Signed-in members of the network' })).toBeChecked();
  const message = page.getByRole('textbox', { name: 'Your message' });
  await expect(message).toHaveJSProperty('tagName', 'TEXTAREA');
  await message.fill('A first message, sent without scripts.');
  // No title: refused, and the text is still there.
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
  await expect(page.getByRole('textbox', { name: 'Your message' })).toHaveValue('A first message, sent without scripts.');

  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(page).toHaveURL(/\/threads\/[^/?#]+$/);
  const threadUrl = page.url();
  const first = page.getByRole('article', { name: 'Mwansa' });
  await expect(first.locator('.rich-text p')).toHaveText(['A first message, sent without scripts.']);
  await expect(page.getByText('Who can read it: Signed-in members of the network')).toBeVisible();

  // A reply through the plain textarea, then a reaction: each a plain form post.
  await page.getByRole('article', { name: 'Mwansa' }).getByRole('link', { name: 'Reply' }).click();
  await expect(page.getByText('Replying to Mwansa')).toBeVisible();
  await page.getByRole('region', { name: 'Reply' }).getByRole('textbox', { name: 'Your reply' }).fill('A reply, also without scripts.');
  await page.getByRole('button', { name: 'Post the reply' }).click();
  await expect(page.getByRole('article', { name: 'Mwansa' })).toHaveCount(2);
  const second = page.getByRole('article', { name: 'Mwansa' }).nth(1);
  await expect(second).toContainText('A reply, also without scripts.');
  await expect(second.getByRole('link', { name: 'In reply to Mwansa' })).toBeVisible();
  const thanks = second.getByRole('button', { name: /^Thank you/ });
  await expect(thanks).toHaveAttribute('aria-pressed', 'false');
  await thanks.click();
  await expect(page.getByRole('article', { name: 'Mwansa' }).nth(1).getByRole('button', { name: /^Thank you/ })).toHaveAttribute('aria-pressed', 'true');

  // Members only: a visitor who is not signed in gets "not found".
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(threadUrl);
  await expect(anonymous.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(anonymous.getByText(title)).toHaveCount(0);

  await Promise.all([context.close(), visitor.close()]);
});

test('paragraphs typed without JavaScript stay paragraphs', async ({ browser }) => {
  // Browsers send a textarea's line breaks as CRLF; postBodyOf must still see the blank line between paragraphs.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'mwansa');
  await page.goto('/discussions/new');
  await page.getByRole('textbox', { name: 'Title' }).fill(`Two paragraphs ${uniqueSuffix()}`);
  await page.getByRole('textbox', { name: 'Your message' }).fill('First paragraph.\n\nSecond paragraph.');
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(page.getByRole('article', { name: 'Mwansa' }).locator('.rich-text p')).toHaveText(['First paragraph.', 'Second paragraph.'], { timeout: 5_000 });
  await context.close();
});

test('starting a thread is refused where the viewer may not', async ({ page }) => {
  // Anonymous visitors are sent to sign in; a subject that does not exist is not found.
  await page.goto('/discussions/new');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, 'mwansa');
  await page.goto('/discussions/new?subjectType=case_study&subjectId=does-not-exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await page.goto('/discussions/new?subjectType=theme&subjectId=anything');
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
});
