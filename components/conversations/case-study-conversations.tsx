import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getFollowState, listAnsweredQuestions, listThreads, threadVisibilityOptions } from '@/lib/conversations/queries';
import type { MaybeViewer } from '@/lib/policy/types';
import { FollowButton } from './follow-button';
import { ThreadList } from './thread-list';

/**
 * A published case study's conversations: its discussions (with "start" and "ask the authors" when the
 * policy allows), its answered questions, and following it. Server-rendered: no editor code here.
 */
export async function CaseStudyConversations({ viewer, caseStudyId }: { viewer: MaybeViewer; caseStudyId: string }) {
  const [t, format] = await Promise.all([getTranslations('conversations.caseStudy'), getFormatter()]);
  const discussions = listThreads(viewer, 'case_study', caseStudyId, { kind: 'discussion' });
  const answered = listAnsweredQuestions(viewer, caseStudyId);
  const canStart = viewer !== null && threadVisibilityOptions(viewer, 'case_study', caseStudyId, 'discussion').allowed;
  const canAsk = viewer !== null && threadVisibilityOptions(viewer, 'case_study', caseStudyId, 'question').allowed;
  const isFollowing = getFollowState(viewer, 'case_study', caseStudyId);
  const startHref = (kind: 'discussion' | 'question') => `/discussions/new?${new URLSearchParams({ subjectType: 'case_study', subjectId: caseStudyId, kind }).toString()}`;
  return (
    <>
      <section aria-labelledby="discussion-heading" className="no-print space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="discussion-heading">{t('discussion')}</h2>
          {viewer ? <FollowButton subjectType="case_study" subjectId={caseStudyId} isFollowing={isFollowing} followLabel={t('follow')} unfollowLabel={t('unfollow')} /> : null}
        </div>
        <ThreadList threads={discussions} emptyText={t('noDiscussion')} />
        {canStart || canAsk ? (
          <div className="flex flex-wrap gap-3">
            {canStart ? (
              <Link href={startHref('discussion')} className="button-secondary hover:no-underline">
                {t('start')}
              </Link>
            ) : null}
            {canAsk ? (
              <Link href={startHref('question')} className="button-secondary hover:no-underline">
                {t('ask')}
              </Link>
            ) : null}
          </div>
        ) : !viewer ? (
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/case-studies/${caseStudyId}`)}`}>{t('signIn')}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="questions-heading" className="space-y-2">
        <h2 id="questions-heading">{t('questions')}</h2>
        {answered.length ? (
          <ul className="space-y-3">
            {answered.map((question) => (
              <li key={question.threadId} className="card space-y-2">
                <p className="font-medium">
                  <Link href={`/threads/${question.threadId}`}>{question.title}</Link>
                </p>
                {question.askedBy ? <p className="muted">{t('askedBy', { name: question.askedBy })}</p> : null}
                <div className="rich-text text-sm" dangerouslySetInnerHTML={{ __html: question.questionHtml }} />
                <div className="space-y-1 rounded border-l-4 border-emerald-600 bg-emerald-50 p-3">
                  <p className="text-sm font-medium">
                    {t('answeredBy', { name: question.answeredBy ?? '—', date: format.dateTime(question.answeredAt, { day: 'numeric', month: 'long', year: 'numeric' }) })}
                  </p>
                  <div className="rich-text" dangerouslySetInnerHTML={{ __html: question.answerHtml }} />
                </div>
                <p className="no-print text-sm">
                  <Link href={`/threads/${question.threadId}`}>{t('readThread')}</Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noQuestions')}</p>
        )}
      </section>
    </>
  );
}
