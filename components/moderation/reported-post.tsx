import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, TextField } from '@/components/ui/action-form';
import { dismissReportAction, moderatePostAction } from '@/lib/conversations/actions';
import type { listModerationQueue } from '@/lib/conversations/queries';

export type ReportedPost = ReturnType<typeof listModerationQueue>['items'][number];

/**
 * One reported post in the moderators' queue: where it is, who wrote it, its text, every open report, and
 * the moderator's choices. Plain forms: they work without JavaScript.
 */
export async function ReportedPostCard({ item }: { item: ReportedPost }) {
  const [t, format] = await Promise.all([getTranslations('moderation'), getFormatter()]);
  const headingId = `reported-${item.postId}`;
  return (
    <article aria-labelledby={headingId} className="card space-y-3">
      <header className="space-y-1">
        <p className="muted">{t('inThread')}</p>
        <h2 id={headingId} className="text-base font-semibold">
          <Link href={`/threads/${item.threadId}#post-${item.postId}`}>{item.threadTitle}</Link>
        </h2>
        <p className="text-sm">
          {t('author', { name: item.authorName ?? t('formerMember') })}
          {item.isHidden ? <span className="tag ml-2">{t('hiddenBadge')}</span> : null}
        </p>
      </header>
      {item.html !== null ? (
        <div className="rich-text rounded border border-stone-200 bg-stone-50 p-3" dangerouslySetInnerHTML={{ __html: item.html }} />
      ) : (
        <p className="muted">{t('deletedText')}</p>
      )}
      <section aria-label={t('reasonsHeading')} className="space-y-2">
        <h3 className="text-sm font-semibold">{t('reportCount', { count: item.reports.length })}</h3>
        <ul className="space-y-2">
          {item.reports.map((report) => (
            <li key={report.id} className="space-y-1 border-l-4 border-amber-300 pl-3 text-sm">
              <p className="font-medium">{t(`reasons.${report.reason}`)}</p>
              {report.note ? <p className="whitespace-pre-line">{report.note}</p> : <p className="muted">{t('noNote')}</p>}
              <p className="muted">
                {t('reportedBy', { name: report.reporterName ?? t('formerMember'), date: format.dateTime(report.createdAt, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }) })}
              </p>
              <ActionButton action={dismissReportAction} fields={{ reportId: report.id }}>
                {t('dismiss')}
              </ActionButton>
            </li>
          ))}
        </ul>
      </section>
      <div className="border-t border-stone-200 pt-3">
        {item.isHidden ? (
          <ActionButton action={moderatePostAction} fields={{ postId: item.postId, action: 'restore' }}>
            {t('restore')}
          </ActionButton>
        ) : (
          <ActionForm action={moderatePostAction} submitLabel={t('hide')} submitClassName="button-danger" className="space-y-2">
            <Hidden name="postId" value={item.postId} />
            <Hidden name="action" value="hide" />
            <TextField name="reason" label={t('hideReason')} hint={t('hideReasonHint')} maxLength={300} />
          </ActionForm>
        )}
      </div>
    </article>
  );
}
