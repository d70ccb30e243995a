import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { isLocale, negotiateLocale, type AppLocale } from './locales';

/** The member's setting, then the language cookie, then the browser's Accept-Language. */
export async function resolveLocale(): Promise<AppLocale> {
  const viewer = await getViewer();
  if (viewer) return viewer.locale;
  const cookieLocale = (await cookies()).get('baraza-locale')?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default, timeZone: 'UTC' };
});
