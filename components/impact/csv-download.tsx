import { getTranslations } from 'next-intl/server';

/** The anonymised answers, for those who may export them (shown only when there are enough answers). */
export async function CsvDownload({ href }: { href: string }) {
  const t = await getTranslations('impact.download');
  return (
    <section aria-labelledby="impact-download-heading" className="card no-print space-y-2">
      <h2 id="impact-download-heading">{t('heading')}</h2>
      <p>
        <a href={href} download className="button-secondary hover:no-underline">
          {t('csv')}
        </a>
      </p>
      <p className="muted">{t('csvHint')}</p>
    </section>
  );
}
