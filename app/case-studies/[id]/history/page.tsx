import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { getCaseStudyHistory } from '@/lib/case-studies/queries';
import { formatDay } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('caseStudies.history'))('title'), robots: { index: false } };
}

export default async function CaseStudyHistoryPage({ params }: Props) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const { caseStudy, revisions, statusChanges } = await loadOr404(() => getCaseStudyHistory(viewer, id, locale));
  const [t, tStatus] = await Promise.all([getTranslations('caseStudies.history'), getTranslations('caseStudies.status')]);
  const day = (date: Date) => formatDay(date.toISOString().slice(0, 10), locale);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/case-studies/${caseStudy.id}`} className="text-sm">
          ← {t('backToCaseStudy')}
        </Link>
        <h1>{t('title')}</h1>
        <p className="text-stone-700" lang={caseStudy.language}>
          {caseStudy.title}
        </p>
      </div>
      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading">{t('versions')}</h2>
        {revisions.length ? (
          <>
            <ul className="space-y-1">
              {revisions.map((revision) => (
                <li key={revision.number}>
                  <span className="font-medium">{t('version', { number: revision.number })}</span> <span className="muted">{t('submittedBy', { name: revision.submittedByName ?? '—', date: day(revision.createdAt) })}</span>
                </li>
              ))}
            </ul>
            {revisions.length > 1 ? (
              // A GET form: works without JavaScript.
              <form method="get" action={`/case-studies/${caseStudy.id}/compare`} className="flex flex-wrap items-end gap-3">
                {(
                  [
                    ['from', t('from'), revisions[1]!.number],
                    ['to', t('to'), revisions[0]!.number],
                  ] as const
                ).map(([name, label, selected]) => (
                  <label key={name} className="text-sm">
                    <span className="block font-medium">{label}</span>
                    <select name={name} defaultValue={String(selected)} className="input">
                      {revisions.map((revision) => (
                        <option key={revision.number} value={revision.number}>
                          {t('version', { number: revision.number })}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                <button type="submit" className="button-secondary">
                  {t('compare')}
                </button>
              </form>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('noVersions')}</p>
        )}
      </section>
      {statusChanges.length ? (
        <section aria-labelledby="status-heading" className="space-y-2">
          <h2 id="status-heading">{t('statusChanges')}</h2>
          <ul className="space-y-1 text-sm">
            {statusChanges.map((change, index) => (
              <li key={index}>
                {t('change', { from: tStatus(change.fromStatus), to: tStatus(change.toStatus) })} <span className="muted">{t('by', { name: change.actorName ?? '—', date: day(change.createdAt) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
