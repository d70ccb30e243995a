import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Records dialogs and Content-Security-Policy reports on every page of this page's context from now on. */
export async function watchForActiveContent(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().addInitScript(() => {
    const store: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: store });
    document.addEventListener('securitypolicyviolation', (event) => store.push(`${event.violatedDirective} ${event.blockedURI || 'inline'}`));
  });
  return dialogs;
}

/** No dialog so far, no CSP report, and nothing in the DOM that could run: handlers, javascript: URLs, injected elements. */
export async function expectInert(page: Page, dialogs: string[], marker?: string) {
  if (marker) await expect(page.getByText(marker).first()).toBeVisible();
  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')];
    return {
      handlers: elements.flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
      // React's own placeholder on forms whose action is a function ("javascript:throw new Error('React form
      // unexpectedly submitted')") is not member content.
      scriptUrls: elements.flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^\s*(javascript|data):/i.test(attribute.value) && !(element.tagName === 'FORM' && attribute.name === 'action' && /^javascript:throw new Error\('A React form/.test(attribute.value)))
          .map((attribute) => `${element.tagName} ${attribute.name}=${attribute.value.slice(0, 60)}`),
      ),
      injected: document.querySelectorAll('iframe, main svg circle, img[src="x"]').length,
      // The page's data for React carries the text too, as an escaped string: raw markup there could close
      // the script element and start another.
      alertingScripts: [...document.scripts].filter((script) => /<\/?script|<img src=x|<svg onload/i.test(script.text)).length,
      cspViolations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
    };
  });
  expect(found, page.url()).toEqual({ handlers: [], scriptUrls: [], injected: 0, alertingScripts: 0, cspViolations: [] });
  expect(dialogs).toEqual([]);
}
