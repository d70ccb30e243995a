import { randomInt } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, signedInContext, test } from './fixtures';
import { bellOf, editorIn, postIdOf, unreadCount } from './support/conversations';
import { e2eDataDir, e2eOrigin } from './support/env';
import { mailFor, type ReceivedMail } from './support/mailbox';

// Conversations that reach people outside the page they happen on: the in-app notifications and the emails
// the job runner sends through real SMTP (tests/e2e/support/mailbox.ts). A question to a case study's author,
// a mention in a reply, a moderator hiding a reported post, and an organisation-only discussion that nobody
// outside the organisation can open, list, find or be told about.
// Accounts: `participant` (Nomvula, email at once: asks, and is the outsider of the last journey), `editor`
// (Wanjiru, email at once: answers), `halima` and `member` (Baraka, email at once: mentions), `moderator`,
// `kioko` and `juma` (the demo's reported post), `nakato` (Amani). Other journeys change none of these
// accounts' settings; `juma` signs out everywhere in sessions.spec.ts, so he signs in here only at the end.

const addresses = { editor: 'wanjiru@tumaini.example', member: 'baraka@tumaini.example', participant: 'nomvula@ubuntu.example' } as const;

/** Tumaini's public case study, written by `editor`. */
const faithLeaders = { organisation: 'Tumaini Health Alliance', title: 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties' };
/** Amani's case study, published to its own organisation only, written by `nakato`. */
const safeSpace = { organisation: 'Amani Sex Workers Forum', title: 'A safe space for young people who sell sex: what we changed when we listened' };
/** The demo's network discussion with a post by `juma`, reported by `achieng` for giving a meeting place. */
const digitalSafety = 'Digital safety: which messaging apps do your outreach teams trust?';
const reportedText = 'Our peer group meets every Friday evening at the bar behind the bus station in Mombasa';

/**
 * A word found nowhere else: letters only (search splits nothing inside it), from the clock and a random
 * part, so two journeys started in the same millisecond still differ by more than search's typo tolerance.
 */
function uniqueWord(): string {
  const letters = (value: string) => value.replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
  const random = Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');
  return `zq${letters(Date.now().toString(36))}${random}`;
}

/** Waits for the emails an address receives after `before` of them had arrived (the job runner polls). */
async function newMailFor(address: string, before: number, atLeast = 1): Promise<ReceivedMail[]> {
  await expect.poll(() => mailFor(address).length - before, { message: `an email to ${address}`, timeout: 15_000 }).toBeGreaterThanOrEqual(atLeast);
  return mailFor(address).slice(before);
}

/** How many notifications a neutral email announces ("You have 2 new notifications."). */
const announcedCount = (mail: ReceivedMail) => Number(/You have (\d+) new notifications?\./.exec(mail.decoded)?.[1] ?? 0);

/**
 * A neutral email: the neutral subject, a count and a link to the notifications page, the one-click
 * unsubscribe headers, and none of the given words (titles, names, what was written). The body must be
 * readable first, or the absent words would prove nothing.
 */
function expectNeutralEmail(mail: ReceivedMail, forbidden: readonly string[]) {
  const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  expect(mail.subject).toBe('You have new activity');
  expect(announcedCount(mail)).toBeGreaterThan(0);
  expect(mail.decoded).toMatch(new RegExp(`Open your notifications\\r?\\n${e2eOrigin}/notifications\\r?\\n`));
  expect(mail.decoded).toContain(`href="${e2eOrigin}/notifications"`);
  expect(headers).toMatch(new RegExp(`^List-Unsubscribe: <${e2eOrigin}/api/email/unsubscribe\\?[^>]+>\\r?$`, 'm'));
  expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  const body = mail.decoded.toLowerCase();
  for (const word of forbidden) expect(body, `the email must not contain "${word}"`).not.toContain(word.toLowerCase());
}

/** Opens a case study from its organisation's page, as a member finds it. */
async function openCaseStudy(page: Page, caseStudy: { organisation: string; title: string }) {
  await page.goto('/organisations');
  await page.getByRole('link', { name: caseStudy.organisation, exact: true }).click();
  await page.getByRole('link', { name: caseStudy.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: caseStudy.title })).toBeVisible();
}

/** The search page's results for a query, as a list of result links. */
async function searchFor(page: Page, query: string) {
  await page.goto(`/search?${new URLSearchParams({ q: query }).toString()}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('status')).toBeVisible();
  return main.getByRole('list', { name: 'Search results' });
}

/** Notifications written for a member about a thread, straight from the database: the list shows only readable ones. */
function notificationRowsFor(username: string, threadId: string): number {
  const database = new Database(path.join(e2eDataDir, 'baraza.db'), { readonly: true, fileMustExist: true });
  try {
    return (
      database.prepare('select count(*) as count from notifications where thread_id = ? and user_id = (select id from users where username = ?)').get(threadId, username) as { count: number }
    ).count;
  } finally {
    database.close();
  }
}

test('a member asks the authors: the author is told in the app and by a neutral email, answers, and the asker is told', async ({ browser }) => {
  test.setTimeout(150_000);
  const marker = uniqueWord();
  const title = `Which congregations came first ${marker}`;
  const question = `In our district the ${marker} fellowship refuses to meet. Who did you approach first?`;
  const answerText = 'We began with two leaders a peer educator already trusted, then they invited others.';
  const asker = await signedInContext(browser, 'participant');
  const author = await signedInContext(browser, 'editor');
  const authorUnreadBefore = await unreadCount(author.page);
  const authorMailBefore = mailFor(addresses.editor).length;
  const askerMailBefore = mailFor(addresses.participant).length;

  // Nomvula asks the author of the case study a question.
  const page = asker.page;
  await openCaseStudy(page, faithLeaders);
  const caseStudyUrl = page.url();
  await page.getByRole('region', { name: 'Discussion' }).getByRole('link', { name: 'Ask the authors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ask the authors' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await (await editorIn(page, 'Your question')).click();
  await page.keyboard.type(question);
  await page.getByRole('button', { name: 'Send the question' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Waiting for an answer')).toBeVisible();
  const threadPath = new URL(page.url()).pathname;
  const askerUnreadBefore = await unreadCount(page);

  // Wanjiru's bell counts it at once; her email says only that there is something new.
  await author.page.goto('/');
  expect(await unreadCount(author.page)).toBe(authorUnreadBefore + 1);
  const authorMail = await newMailFor(addresses.editor, authorMailBefore);
  for (const mail of authorMail) expectNeutralEmail(mail, [marker, title, question, 'Nomvula', faithLeaders.title, 'faith leaders', 'Ubuntu']);

  // She opens the notification, answers in the thread and marks her reply as the answer.
  await bellOf(author.page).click();
  await expect(author.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const notification = author.page.getByRole('link', { name: `New question on your case study: “${title}”`, exact: true });
  await expect(notification.locator('xpath=ancestor::li[1]')).toContainText('Unread');
  await notification.click();
  await expect(author.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(author.page.getByRole('article', { name: 'Nomvula' })).toContainText(question);
  await (await editorIn(author.page.getByRole('region', { name: 'Reply' }), 'Your reply')).click();
  await author.page.keyboard.type(answerText);
  await author.page.getByRole('button', { name: 'Post the reply' }).click();
  const answer = author.page.getByRole('article', { name: 'Wanjiru' });
  await expect(answer).toContainText(answerText);
  await answer.getByRole('button', { name: 'Mark as the answer' }).click();
  await expect(author.page.getByText('Answered', { exact: true })).toBeVisible();
  const answerId = await postIdOf(answer);

  // Nomvula is told twice (the reply, then the answer), in the app and by neutral email.
  await page.goto('/');
  expect(await unreadCount(page)).toBe(askerUnreadBefore + 2);
  await bellOf(page).click();
  await expect(page.getByRole('link', { name: `Wanjiru replied in “${title}”`, exact: true })).toBeVisible();
  const answered = page.getByRole('link', { name: `Your question was answered: “${title}”`, exact: true });
  await expect(answered.locator('xpath=ancestor::li[1]')).toContainText('Unread');
  await answered.click();
  await expect(page).toHaveURL(`${e2eOrigin}${threadPath}#post-${answerId}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Answered', { exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Wanjiru' }).getByText('Answer', { exact: true })).toBeVisible();
  await expect.poll(() => mailFor(addresses.participant).slice(askerMailBefore).reduce((sum, mail) => sum + announcedCount(mail), 0), { message: 'emails announcing the reply and the answer', timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  for (const mail of mailFor(addresses.participant).slice(askerMailBefore)) expectNeutralEmail(mail, [marker, title, answerText, 'Wanjiru', faithLeaders.title, 'Tumaini']);

  // The case study shows the question with its answer.
  await page.goto(caseStudyUrl);
  const answers = page.getByRole('region', { name: 'Questions and answers' });
  await expect(answers.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(answers).toContainText(question);
  await expect(answers).toContainText(answerText);

  await Promise.all([asker.context.close(), author.context.close()]);
});

test('a member mentioned in a reply is told: the bell, the notifications page and a neutral email', async ({ browser }) => {
  test.setTimeout(120_000);
  const marker = uniqueWord();
  const title = `Where to find free condoms ${marker}`;
  const writer = await signedInContext(browser, 'halima');
  const mentioned = await signedInContext(browser, 'member');
  const unreadBefore = await unreadCount(mentioned.page);
  const mailBefore = mailFor(addresses.member).length;

  // Halima starts a members' discussion, then mentions her colleague Baraka in a reply.
  const page = writer.page;
  await page.goto('/discussions/new');
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await (await editorIn(page, 'Your message')).click();
  await page.keyboard.type(`Which drop-in centres still hand out condoms (${marker})?`);
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Who can read it: Signed-in members of the network')).toBeVisible();

  const replySection = page.getByRole('region', { name: 'Reply' });
  await (await editorIn(replySection, 'Your reply')).click();
  await page.keyboard.type('I asked around. ');
  await page.keyboard.type('@Bar');
  const list = page.getByRole('listbox', { name: 'Members to mention' });
  await expect(list.getByRole('option', { name: 'Baraka', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await page.keyboard.type('knows the clinic hours.');
  await replySection.getByRole('button', { name: 'Post the reply' }).click();
  const reply = page.getByRole('article', { name: 'Halima' }).nth(1);
  await expect(reply).toContainText('I asked around. @Baraka knows the clinic hours.');
  const replyId = await postIdOf(reply);

  // Baraka's bell counts the mention; the list names it; opening it leads to the reply and marks it read.
  await mentioned.page.goto('/');
  expect(await unreadCount(mentioned.page)).toBe(unreadBefore + 1);
  await bellOf(mentioned.page).click();
  const notification = mentioned.page.getByRole('link', { name: `You were mentioned by Halima in “${title}”`, exact: true });
  await expect(notification.locator('xpath=ancestor::li[1]')).toContainText('Unread');
  await notification.click();
  await expect(mentioned.page).toHaveURL(new RegExp(`/threads/[^/?#]+#post-${replyId}$`));
  await expect(mentioned.page.getByRole('article', { name: 'Halima' }).nth(1)).toContainText('@Baraka knows the clinic hours.');
  expect(await unreadCount(mentioned.page)).toBe(unreadBefore);

  // Baraka gets email at once: neutral, like every default email.
  const mail = await newMailFor(addresses.member, mailBefore);
  for (const message of mail) expectNeutralEmail(message, [marker, title, 'Halima', 'clinic hours', 'condoms']);

  await Promise.all([writer.context.close(), mentioned.context.close()]);
});

test('a moderator hides a reported post: other members no longer read or find it, its author is told', async ({ browser }) => {
  test.setTimeout(120_000);
  const reason = 'It gives the place and time where the group meets.';
  const moderator = await signedInContext(browser, 'moderator');
  const reader = await signedInContext(browser, 'kioko');

  // The moderator finds the demo report in the queue: where, by whom, why.
  await moderator.page.goto('/moderation');
  await expect(moderator.page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  const card = moderator.page.getByRole('article', { name: digitalSafety, exact: true });
  await expect(card).toContainText('Written by Juma');
  await expect(card).toContainText(reportedText);
  const reports = card.getByRole('region', { name: 'Reports' });
  await expect(reports).toContainText('1 open report');
  await expect(reports).toContainText("Exposes someone's identity or location");
  await expect(reports).toContainText('This gives the place and time where the group meets.');
  await expect(reports).toContainText('Reported by Achieng');
  const postHref = (await card.getByRole('link', { name: digitalSafety, exact: true }).getAttribute('href')) ?? '';
  expect(postHref).toMatch(/^\/threads\/[^/?#]+#post-[^/?#]+$/);
  const threadPath = postHref.replace(/#.*$/, '');

  // Before: Kioko reads the post, and search finds the discussion by a word only in it.
  await reader.page.goto(threadPath);
  await expect(reader.page.getByRole('article', { name: 'Juma' })).toContainText(reportedText);
  await expect(async () => {
    await expect((await searchFor(reader.page, 'Mombasa')).getByRole('link', { name: digitalSafety, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // The moderator hides it with a reason; the report is resolved and leaves the queue.
  await card.getByRole('textbox', { name: 'Reason shown to the author (optional)' }).fill(reason);
  await card.getByRole('button', { name: 'Hide this post' }).click();
  await expect(card).toHaveCount(0);

  // Kioko sees that a moderator hid it, not its text; search no longer finds it by that text.
  await reader.page.goto(threadPath);
  const hidden = reader.page.getByRole('article', { name: 'Juma' });
  await expect(hidden).toContainText('Hidden by a moderator');
  await expect(reader.page.getByText(reportedText)).toHaveCount(0);
  await expect(reader.page.getByRole('article', { name: 'Tatenda' })).toContainText('Signal with disappearing messages');
  await expect(async () => {
    await expect((await searchFor(reader.page, 'Mombasa')).getByRole('link', { name: digitalSafety, exact: true })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(reader.page.getByRole('main')).not.toContainText('bus station');

  // Juma is told, and still reads his own text with the notice.
  const author = await signedInContext(browser, 'juma');
  expect(await unreadCount(author.page)).toBeGreaterThanOrEqual(1);
  await bellOf(author.page).click();
  const notification = author.page.getByRole('link', { name: `A moderator acted on your post in “${digitalSafety}”`, exact: true });
  await expect(notification.locator('xpath=ancestor::li[1]')).toContainText('Unread');
  await notification.click();
  await expect(author.page).toHaveURL(`${e2eOrigin}${postHref}`);
  const own = author.page.getByRole('article', { name: 'Juma' });
  // The form promised the author sees the moderator's reason.
  await expect(own.getByRole('note')).toHaveText(`Hidden by a moderator. Only you and the moderators can see this text. Reason given: ${reason}`);
  await expect(own).toContainText(reportedText);

  await Promise.all([moderator.context.close(), reader.context.close(), author.context.close()]);
});

test('an organisation-only discussion stays inside the organisation: no page, list, search result, notification or email outside it', async ({ browser }) => {
  test.setTimeout(150_000);
  const marker = uniqueWord();
  const title = `Separate opening hours for under-18s ${marker}`;
  const owner = await signedInContext(browser, 'nakato');
  const outsider = await signedInContext(browser, 'participant');

  // Nakato starts a discussion on Amani's organisation-only case study: no wider audience is offered.
  const page = owner.page;
  await openCaseStudy(page, safeSpace);
  const caseStudyUrl = page.url();
  await page.getByRole('region', { name: 'Discussion' }).getByRole('link', { name: 'Start a discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a discussion' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('radio')).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'Members of the organisation that wrote the case study' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await (await editorIn(page, 'Your message')).click();
  await page.keyboard.type(`We tried ${marker} hours on Saturdays. `);

  // The mention list offers only members who may read what the discussion is about: not Nomvula, of
  // another organisation, though she is in the directory (a colleague is offered).
  await page.keyboard.type('@Nomv');
  const list = page.getByRole('listbox', { name: 'Members to mention' });
  await expect(list.getByRole('option', { name: 'Nomvula', exact: true })).toHaveCount(0);
  await page.keyboard.type('ula did the same in Durban.');
  await page.getByRole('button', { name: 'Start the discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Who can read it: Members of the organisation that wrote the case study')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Nakato' })).toContainText(`We tried ${marker} hours on Saturdays. @Nomvula did the same in Durban.`);
  const threadUrl = page.url();
  const threadId = new URL(threadUrl).pathname.replace(/^\/threads\//, '');

  // Inside Amani it is listed on the case study and found by search (so the outsider's empty search below
  // is not just an index that has not caught up).
  await page.goto(caseStudyUrl);
  await expect(page.getByRole('region', { name: 'Discussion' }).getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(async () => {
    await expect((await searchFor(page, marker)).getByRole('link', { name: title, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Nomvula, of Ubuntu, cannot open the discussion or its case study.
  const other = outsider.page;
  for (const url of [threadUrl, caseStudyUrl]) {
    const response = await other.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(other.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(other.getByText(marker)).toHaveCount(0);
  }
  // No list shows it: the network's discussions, the event the case study was presented at.
  for (const url of ['/discussions', '/events/lse-2']) {
    await other.goto(url);
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(other.getByText(marker)).toHaveCount(0);
    await expect(other.getByRole('link', { name: title })).toHaveCount(0);
  }
  // Search finds nothing for the word that only this discussion contains.
  const results = await searchFor(other, marker);
  await expect(other.getByRole('main').getByRole('status')).toHaveText('No results');
  await expect(results.getByRole('link', { name: title })).toHaveCount(0);
  await expect(other.getByRole('main').getByText(marker)).toHaveCount(0);

  // Naming her in the text told her nothing: no notification was written, none is listed, no email names it.
  expect(notificationRowsFor('participant', threadId)).toBe(0);
  await other.goto('/notifications');
  await expect(other.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(other.getByRole('main')).not.toContainText(marker);
  await expect(other.getByRole('link', { name: /Nakato/ })).toHaveCount(0);
  for (const mail of mailFor(addresses.participant)) expect(mail.decoded, mail.file).not.toContain(marker);

  await Promise.all([owner.context.close(), outsider.context.close()]);
});
