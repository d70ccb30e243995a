import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { getCallProgress } from '@/lib/case-studies/queries';
import { formatDay } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { DataTable } from '@/components/ui/data-table';

type Props = { params: Promise<{ slug: string; callId: string }> };

const stageTone = { not_started: 'bg-stone-200 text-stone-800', drafting: 'bg-amber-100 text-amber-900', submitted: 'bg-emerald-100 text-emerald-900' } as const;

/** Which expected organisations have not started, are drafting, or have submitted. */
export default async function CallProgressPage({ params }: Props) {
  const [{ slug, callId }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const progress = await loadOr404(() => getCallProgress(viewer, callId));
  const t = await getTranslations('caseStudies.calls');
  const title = locale === 'fr' ? progress.event.titleFr : progress.event.titleEn;
  const guidance = locale === 'fr' ? progress.call.guidanceFr || progress.call.guidanceEn : progress.call.guidanceEn || progress.call.guidanceFr;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/events/${slug}/calls`} className="text-sm">
          ← {t('title')}
        </Link>
        <h1>{t('forEvent', { event: title })}</h1>
        <p className="muted">
          {formatDay(progress.call.opensOn, locale)} – {formatDay(progress.call.deadline, locale)}
        </p>
        {guidance ? <p className="whitespace-pre-line text-sm">{guidance}</p> : null}
      </div>
      <section aria-labelledby="progress-heading" className="space-y-2">
        <h2 id="progress-heading">{t('progress')}</h2>
        <DataTable headers={[t('expected'), t('progress')]}>
            {progress.organisations.map((organisation) => (
              <tr key={organisation.id}>
                <td>{organisation.name}</td>
                <td>
                  <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${stageTone[organisation.stage]}`}>{t(`stage.${organisation.stage}`)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
      </section>
    </div>
  );
}
