import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm, Hidden } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { getViewer } from '@/lib/auth/viewer';
import { retryJobAction } from '@/lib/jobs/actions';
import { countJobsByStatus, listJobsForAdmin } from '@/lib/jobs/queries';
import { loadOr404 } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.jobs'))('title') };
}

const statusClass = { pending: 'tag', running: 'tag bg-sky-50 text-sky-900', done: 'tag bg-emerald-50 text-emerald-900', failed: 'tag bg-red-50 text-red-800' } as const;

export default async function AdminJobsPage({ searchParams }: { searchParams: Promise<{ retried?: string }> }) {
  const [viewer, { retried }] = await Promise.all([getViewer(), searchParams]);
  const { jobs, counts } = await loadOr404(() => ({ jobs: listJobsForAdmin(viewer), counts: countJobsByStatus(viewer) }));
  const [t, format] = await Promise.all([getTranslations('admin.jobs'), getFormatter()]);
  const when = (value: Date | number) => format.dateTime(value, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted max-w-2xl">{t('intro')}</p>
      </div>
      {retried && /^\d+$/.test(retried) ? (
        <p role="status" className="max-w-2xl rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('retried', { id: retried })}
        </p>
      ) : null}
      <section aria-labelledby="job-counts-heading" className="space-y-2">
        <h2 id="job-counts-heading">{t('counts')}</h2>
        <dl className="flex flex-wrap gap-3 text-sm">
          {(Object.keys(counts) as (keyof typeof counts)[]).map((status) => (
            <div key={status} className="card flex items-baseline gap-2">
              <dt>{t(`statuses.${status}`)}</dt>
              <dd className="text-lg font-semibold">{counts[status]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="space-y-2">
        <p className="muted">{t('recent')}</p>
        {jobs.length ? (
          <DataTable headers={[t('id'), t('kind'), t('status'), t('attempts'), t('runAt'), t('lastError'), '']}>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{job.id}</td>
                <td>{t.has(`kinds.${job.kind}`) ? t(`kinds.${job.kind}`) : job.kind}</td>
                <td>
                  <span className={statusClass[job.status]}>{t(`statuses.${job.status}`)}</span>
                </td>
                <td>{t('attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</td>
                <td className="whitespace-nowrap">
                  {when(job.runAt)}
                  {job.finishedAt ? (
                    <span className="block text-xs text-stone-600">
                      {t('finishedAt')}: {when(job.finishedAt)}
                    </span>
                  ) : null}
                </td>
                <td className="max-w-xs break-words text-xs text-stone-700">{job.lastError ?? ''}</td>
                <td>
                  {job.status === 'failed' ? (
                    <ActionForm action={retryJobAction} submitLabel={t('retry')} submitClassName="button-secondary" className="space-y-1">
                      <Hidden name="jobId" value={String(job.id)} />
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">{t('empty')}</p>
        )}
      </section>
    </div>
  );
}
