import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { getTranslations } from 'next-intl/server';
import { isAppError, isStorageFull } from '@/lib/errors';

export type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** A message key from a schema or an AppError, translated; an unknown key never reaches the member as-is. */
export function translateKey(t: Translate, key: string, fallbackKey = 'errors.invalid_input'): string {
  if (t.has(key)) return t(key);
  console.error(`Missing message key: ${key}`);
  return t(fallbackKey);
}

/**
 * The translated message for an action that threw. Next's own control flow (redirect, notFound, dynamic
 * rendering bail-outs) is rethrown untouched; an AppError says what went wrong in the member's language;
 * anything else is logged here and shown as a generic error, so no stack trace or SQL reaches the browser.
 */
export function failureMessage(t: Translate, error: unknown, where: string): string {
  unstable_rethrow(error);
  // An AppError may carry a more precise message key than its code's (`followUps.errors.alreadyInvited`).
  if (isAppError(error)) return translateKey(t, /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/.test(error.message) && t.has(error.message) ? error.message : `errors.${error.code}`);
  // A full disk: SQLite refused the whole transaction, so nothing half-written; the member keeps their text.
  if (isStorageFull(error)) {
    console.error(`Storage full in ${where}`, error);
    return t('errors.storage_full');
  }
  console.error(`Unexpected error in ${where}`, error);
  return t('errors.internal');
}
