import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

// Shared steps for the conversation journeys: the post editor, the header's bell, a post's id.

/** The editor is ready once its toolbar is there: before that, the form holds the plain textarea. */
export async function editorIn(scope: Page | Locator, label: string): Promise<Locator> {
  await expect(scope.getByRole('toolbar', { name: /^(Formatting|Mise en forme)$/ })).toBeVisible();
  const editor = scope.getByRole('textbox', { name: label });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  return editor;
}

/** The header's link to the notifications, named by its unread count. */
export const bellOf = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications, / });

/** The bell's unread count, read from its accessible name ("Notifications, 3 unread"). */
export async function unreadCount(page: Page): Promise<number> {
  const name = (await bellOf(page).getAttribute('aria-label')) ?? '';
  return /none unread/.test(name) ? 0 : Number(/(\d+) unread/.exec(name)?.[1] ?? Number.NaN);
}

/** The id of the post an article (a post's author heading) belongs to, from its list item's anchor. */
export const postIdOf = async (post: Locator) => ((await post.locator('xpath=ancestor::li[1]').getAttribute('id')) ?? '').replace(/^post-/, '');
