import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * Downloads a PowerPoint deck: a plain GET form to the deck route (no JavaScript), with the language of
 * the slides and, for an event, the themes to put in (`children`). The route checks what the viewer may read.
 */
export async function DeckDownloadForm({ action, locale, submitLabel, children }: { action: string; locale: string; submitLabel: string; children?: ReactNode }) {
  const t = await getTranslations('synthesis.deck');
  return (
    <form method="get" action={action} className="space-y-3">
      {children}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t('language')}</legend>
        <div className="flex flex-wrap gap-4">
          {(['en', 'fr'] as const).map((language) => (
            <label key={language} className="flex items-center gap-2 text-sm">
              <input type="radio" name="lang" value={language} defaultChecked={language === locale} className="h-4 w-4" />
              <span lang={language}>{t(`languages.${language}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="muted">{t('hint')}</p>
      <button type="submit" className="button-primary">
        {submitLabel}
      </button>
    </form>
  );
}
