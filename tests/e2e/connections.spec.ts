import { expect, signedInContext, test } from './fixtures';

// The member directory and connections in the browser. Nomvula (participant, Ubuntu, South Africa) asks
// Wanjiru (editor, Tumaini, Kenya) to connect: the demo seed leaves them unconnected and gives each
// fictional contact details. Before Wanjiru accepts, Nomvula sees none of hers; after, each sees the
// other's. Then the directory's filters, and Baraka (member), who did not opt in, listed nowhere.

const wanjiruContact = 'Signal: +000 555 0101';
const wanjiruEmail = 'wanjiru@tumaini.example';
const nomvulaContact = 'WhatsApp: +000 555 0202';
const nomvulaEmail = 'nomvula@ubuntu.example';

test('a member asks another to connect with two reasons; once accepted, each sees the other’s contact details', async ({ browser }) => {
  test.setTimeout(120_000);
  const message = 'After LSE 1 I would like to hear how you plan security at your drop-in centre.';
  const nomvula = await signedInContext(browser, 'participant');
  const page = nomvula.page;

  // Nomvula finds Wanjiru in the directory and opens her profile: no contact details yet.
  await page.goto('/directory');
  await page.getByRole('searchbox', { name: 'Name' }).fill('Wanjiru');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=Wanjiru/);
  await page.getByRole('list', { name: 'Listed members' }).getByRole('link', { name: 'Wanjiru', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru' })).toBeVisible();
  const profileUrl = page.url();
  await expect(page.getByRole('main')).not.toContainText(wanjiruContact);
  await expect(page.getByRole('main')).not.toContainText(wanjiruEmail);

  // A request needs a reason: the first try is refused and keeps the message.
  const connect = page.getByRole('region', { name: 'Connect' });
  await connect.getByRole('textbox', { name: 'Message (optional)' }).fill(message);
  await connect.getByRole('button', { name: 'Send connection request' }).click();
  await expect(connect.getByText('Choose at least one reason for connecting.')).toBeVisible();
  await expect(connect.getByRole('textbox', { name: 'Message (optional)' })).toHaveValue(message);

  await connect.getByRole('checkbox', { name: 'To share information' }).check();
  await connect.getByRole('checkbox', { name: 'To ask a specific follow-up question' }).check();
  await connect.getByRole('button', { name: 'Send connection request' }).click();
  await expect(connect.getByText(/^You asked Wanjiru to connect on /)).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(wanjiruContact);

  // On her connections page the request waits, still without Wanjiru's details.
  await page.goto('/connections');
  const sent = page.getByRole('listitem', { name: 'Request to Wanjiru' });
  await expect(sent).toContainText('Waiting for an answer');
  await expect(sent).toContainText('To share information');
  await expect(page.getByRole('main')).not.toContainText(wanjiruContact);
  await expect(page.getByRole('main')).not.toContainText(wanjiruEmail);

  // Wanjiru, in her own browser, is told and opens the request from her notifications.
  const wanjiru = await signedInContext(browser, 'editor');
  await wanjiru.page.goto('/notifications');
  await wanjiru.page.getByRole('link', { name: 'Nomvula would like to connect with you', exact: true }).first().click();
  await expect(wanjiru.page).toHaveURL(/\/connections$/);
  const incoming = wanjiru.page.getByRole('listitem', { name: 'Request from Nomvula' });
  await expect(incoming).toContainText('To share information');
  await expect(incoming).toContainText('To ask a specific follow-up question');
  await expect(incoming).toContainText(message);
  // Nothing of Nomvula's is shown before she answers.
  await expect(wanjiru.page.getByRole('main')).not.toContainText(nomvulaContact);
  await incoming.getByRole('button', { name: 'Accept' }).click();

  // Accepted: Wanjiru sees what Nomvula chose to share.
  const withNomvula = wanjiru.page.getByRole('listitem', { name: 'Connection with Nomvula' });
  await expect(withNomvula).toContainText(nomvulaContact);
  await expect(withNomvula.getByRole('link', { name: nomvulaEmail })).toBeVisible();
  await expect(wanjiru.page.getByRole('listitem', { name: 'Request from Nomvula' })).toHaveCount(0);

  // And Nomvula sees Wanjiru's, on her connections page and on Wanjiru's profile, and was told.
  await page.goto('/connections');
  const withWanjiru = page.getByRole('listitem', { name: 'Connection with Wanjiru' });
  await expect(withWanjiru).toContainText(wanjiruContact);
  await expect(withWanjiru.getByRole('link', { name: wanjiruEmail })).toBeVisible();
  await page.goto(profileUrl);
  await expect(page.getByRole('region', { name: 'Contact details Wanjiru shares with you' })).toContainText(wanjiruContact);
  await page.goto('/notifications');
  await expect(page.getByRole('link', { name: 'Wanjiru accepted your connection request', exact: true }).first()).toBeVisible();

  // Either of them can record what came of it; both see it.
  await page.goto('/connections');
  await withWanjiru.getByText('Record what came of it').click();
  await withWanjiru.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Information shared' });
  await withWanjiru.getByRole('textbox', { name: 'Note (optional)' }).fill('She sent her security checklist.');
  await withWanjiru.getByRole('button', { name: 'Save' }).click();
  await expect(withWanjiru).toContainText('She sent her security checklist.');
  await wanjiru.page.reload();
  await expect(withNomvula).toContainText('She sent her security checklist.');

  await Promise.all([nomvula.context.close(), wanjiru.context.close()]);
});

test('the directory filters by country and key population, and never lists a member who did not opt in', async ({ browser }) => {
  // Baraka himself browses: he is signed in, but not listed.
  const { context, page } = await signedInContext(browser, 'member');
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Member directory' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Only signed-in members see it');
  const listed = page.getByRole('list', { name: 'Listed members' });
  await expect(listed.getByRole('link', { name: 'Wanjiru', exact: true })).toBeVisible();
  await expect(listed.getByRole('link', { name: 'Baraka', exact: true })).toHaveCount(0);

  // Kenya and sex workers: Wanjiru (Tumaini), not Nomvula (South Africa), not Baraka (Kenya, not listed).
  await page.getByRole('combobox', { name: 'Country' }).selectOption('KE');
  await page.getByRole('combobox', { name: 'Key population' }).selectOption('sex_workers');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/country=KE/);
  await expect(page).toHaveURL(/population=sex_workers/);
  await expect(listed.getByRole('link', { name: 'Wanjiru', exact: true })).toBeVisible();
  await expect(listed.getByRole('link', { name: 'Nomvula', exact: true })).toHaveCount(0);
  await expect(listed.getByRole('link', { name: 'Baraka', exact: true })).toHaveCount(0);
  const wanjiruCard = listed.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Wanjiru', exact: true }) });
  await expect(wanjiruCard).toContainText('Tumaini Health Alliance');
  await expect(wanjiruCard).toContainText('Sex workers');
  // Cards never carry contact details.
  await expect(page.getByRole('main')).not.toContainText(wanjiruContact);

  // Searching for Baraka by name finds no one, and the count says so.
  await page.goto('/directory?q=Baraka');
  await expect(page.getByTestId('directory-count')).toHaveText('No listed members match');
  await context.close();

  // A visitor who is not signed in is sent to sign in first.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/directory?country=KE');
  await expect(visitor).toHaveURL(/\/sign-in\?next=%2Fdirectory/);
  await visitorContext.close();
});
