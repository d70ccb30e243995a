import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { isLocale, type AppLocale } from '@/lib/i18n/locales';

/**
 * Runs a query for a page: `not_found` and `forbidden` both render the 404 page (a resource the viewer may
 * not read does not exist for them); `unauthenticated` sends them to sign in and back.
 */
export async function loadOr404<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'unauthenticated') {
        const returnTo = (await headers()).get('x-return-to') ?? '/';
        redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
      }
      if (error.code === 'not_found' || error.code === 'forbidden') notFound();
    }
    throw error;
  }
}

export async function getAppLocale(): Promise<AppLocale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : 'en';
}
