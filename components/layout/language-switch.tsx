import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/lib/i18n/actions';
import { locales } from '@/lib/i18n/locales';

/** A plain form with one button per language: works without JavaScript and on every page. */
export async function LanguageSwitch({ returnTo }: { returnTo: string }) {
  const locale = await getLocale();
  const t = await getTranslations('layout');
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t('language')}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {locales.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className={option === locale ? 'lang-button lang-button-current' : 'lang-button'}
        >
          {t(`languageName.${option}`)}
        </button>
      ))}
    </form>
  );
}
