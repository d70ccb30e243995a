import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseStudyList } from '@/components/case-studies/case-study-list';
import { requireViewer } from '@/lib/auth/viewer';
import { listMyDrafts, listOpenCallsForEditor, listSubmissionsToReview } from '@/lib/case-studies/queries';
import { formatDay } from '@/lib/format';
import { getAppLocale } from '@/lib/pages';
import { editorOrganisationIds, facilitatedEventIds } from '@/lib/policy/viewer-facts';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('caseStudies.mine'))('title') };
}

/** An editor's and facilitator's desk: open calls, work in progress, submissions to review. */
export default async function MyCaseStudiesPage() {
  const viewer = await requireViewer('/case-studies/mine');
  const [locale, t, tCaseStudies, tReview] = await Promise.all([getAppLocale(), getTranslations('caseStudies.mine'), getTranslations('caseStudies'), getTranslations('caseStudies.review')]);
  const { countryLabel } = getTaxonomy(locale);
  const openCalls = listOpenCallsForEditor(viewer, locale);
  const drafts = listMyDrafts(viewer, locale);
  const toReview = listSubmissionsToReview(viewer, locale);
  const isEditor = editorOrganisationIds(viewer).length > 0;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1>{t('title')}</h1>
        {isEditor ? (
          <Link href="/case-studies/new" className="button-primary">
            {tCaseStudies('write')}
          </Link>
        ) : null}
      </div>
      {isEditor ? (
        <section aria-labelledby="calls-heading" className="space-y-2">
          <h2 id="calls-heading">{t('openCalls')}</h2>
          {openCalls.length ? (
            <ul className="space-y-2">
              {openCalls.map((call) => (
                <li key={call.id} className="card space-y-1">
                  <p className="font-semibold">{call.event.title}</p>
                  <p className="muted">{t('deadline', { date: formatDay(call.deadline, locale) })}</p>
                  {call.guidance ? <p className="whitespace-pre-line text-sm">{call.guidance}</p> : null}
                  <Link href={`/case-studies/new?call=${call.id}`} className="text-sm">
                    {t('startForCall')}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('noOpenCalls')}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="drafts-heading" className="space-y-2">
        <h2 id="drafts-heading">{t('drafts')}</h2>
        <CaseStudyList items={drafts} countryLabel={countryLabel} emptyText={t('noDrafts')} showStatus />
      </section>
      {facilitatedEventIds(viewer).length ? (
        <section aria-labelledby="review-heading" className="space-y-2">
          <h2 id="review-heading">{tReview('waiting')}</h2>
          <CaseStudyList items={toReview} countryLabel={countryLabel} emptyText={tReview('none')} showStatus />
        </section>
      ) : null}
    </div>
  );
}
