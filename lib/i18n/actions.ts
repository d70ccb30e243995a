'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { setOwnLocale } from '@/lib/accounts/mutations';
import { getViewer } from '@/lib/auth/viewer';
import { safeReturnPath } from '@/lib/navigation';
import { isLocale, localeCookie } from './locales';

/** The language switch: a plain form, so it works without JavaScript. Signed-in members keep it as their setting. */
export async function setLocaleAction(formData: FormData) {
  // A forged call may carry anything but a form: go home, change nothing.
  if (!(formData instanceof FormData)) redirect('/');
  const locale = formData.get('locale');
  const returnTo = safeReturnPath(formData.get('returnTo'));
  if (isLocale(locale)) {
    (await cookies()).set(localeCookie, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    const viewer = await getViewer();
    if (viewer) setOwnLocale(viewer, locale);
  }
  redirect(returnTo);
}
