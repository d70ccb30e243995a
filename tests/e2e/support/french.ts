import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { findEnglish } from './english-strings';

/**
 * The page's visible text (`innerText`), minus content the page itself marks as written in another language:
 * a case study written in English keeps its language (`lang="en"` on its title and summary) on a French page.
 */
export function interfaceText(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => {
    let text = (body as HTMLElement).innerText;
    const foreign = [...body.querySelectorAll<HTMLElement>('[lang]')].filter((element) => !element.lang.toLowerCase().startsWith('fr'));
    for (const element of foreign) {
      const outermost = !foreign.some((other) => other !== element && other.contains(element));
      if (outermost && element.innerText) text = text.replace(element.innerText, ' ');
    }
    return text;
  });
}

/** Opens `path` (or stays on the current page when null) and checks that no English interface text is visible. */
export async function expectPageInFrench(page: Page, path: string | null) {
  if (path) await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const visibleText = await interfaceText(page);
  const leaks = findEnglish(visibleText).map(({ key, text }) => `"${text}" (${key})`);
  expect(leaks, `English text visible on ${path ?? page.url()} in French`).toEqual([]);
}
