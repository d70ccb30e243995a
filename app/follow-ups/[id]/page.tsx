import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SurveyAnswersList } from '@/components/follow-ups/survey-answers';
import { SurveySubmitForm } from '@/components/follow-ups/survey-form';
import { AnswerStep } from '@/components/follow-ups/survey-step';
import { requireViewer } from '@/lib/auth/viewer';
import { submitFollowUpResponseAction } from '@/lib/follow-ups/actions';
import { getFollowUpSurvey, type FollowUpSurvey } from '@/lib/follow-ups/queries';
import { formatDay } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ step?: string; saved?: string; missing?: string; thanks?: string }> };

export async function generateMetadata() {
  // A neutral title: the event's name stays off the tab and the browser history.
  return { title: (await getTranslations('followUps'))('title'), robots: { index: false } };
}

/** Which page of the survey to show: the step asked for, else where the member left off. */
function positionOf(survey: FollowUpSurvey, step: string | undefined): number | 'review' {
  if (step === 'review') return 'review';
  const asked = Number(step);
  return Number.isInteger(asked) && asked >= 1 && asked <= survey.steps.length ? asked : survey.resumeStep;
}

/** A follow-up survey, answered by the invited member alone, step by step, on a phone. */
export default async function FollowUpPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // Members arrive from a notification email: anonymous visitors sign in and come back.
  const viewer = await requireViewer(`/follow-ups/${id}`);
  const locale = await getAppLocale();
  const survey = await loadOr404(() => getFollowUpSurvey(viewer, id, locale));
  const t = await getTranslations('followUps');
  const day = (isoDay: string) => formatDay(isoDay, locale);

  if (survey.status === 'submitted') {
    return (
      <article className="mx-auto max-w-xl space-y-6">
        <header className="space-y-2">
          <h1>{query.thanks ? t('thanks.title') : t('thanks.alreadySent')}</h1>
          <p role="status">{t('thanks.body', { event: survey.event.title })}</p>
          <p className="muted">{t('thanks.final')}</p>
        </header>
        <div className="card space-y-3">
          <p>{t('thanks.storyPrompt')}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <Link href="/stories/new" className="button-primary min-h-12 justify-center text-center no-underline hover:no-underline">
              {t('thanks.recordStory')}
            </Link>
            <Link href={`/events/${survey.event.slug}`} className="inline-flex min-h-12 items-center justify-center">
              {t('thanks.openEvent')}
            </Link>
          </div>
        </div>
        <section aria-labelledby="answers-heading" className="space-y-3">
          <h2 id="answers-heading">{t('thanks.yourAnswers')}</h2>
          <SurveyAnswersList survey={survey} editable={false} />
        </section>
      </article>
    );
  }

  if (survey.status !== 'open') {
    const notice = survey.status === 'notYetOpen' ? t('notice.notYetOpen', { date: day(survey.opensOn) }) : survey.status === 'cancelled' ? t('notice.cancelled') : t('notice.closed', { date: day(survey.closesOn) });
    return (
      <article className="mx-auto max-w-xl space-y-4">
        <h1>{t('survey.heading', { event: survey.event.title })}</h1>
        <p role="status" className="card">
          {notice}
        </p>
        <Link href="/">{t('notice.home')}</Link>
      </article>
    );
  }

  if (query.saved) {
    return (
      <article className="mx-auto max-w-xl space-y-4">
        <h1>{t('saved.title')}</h1>
        <p role="status">{t('saved.body', { date: day(survey.closesOn) })}</p>
        <p className="muted">{t('saved.where')}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href={`/follow-ups/${survey.id}`} className="button-primary min-h-12 justify-center no-underline hover:no-underline">
            {t('saved.continue')}
          </Link>
          <Link href="/" className="inline-flex min-h-12 items-center justify-center">
            {t('saved.home')}
          </Link>
        </div>
      </article>
    );
  }

  const position = positionOf(survey, query.step);
  const total = survey.steps.length;
  const stepTitle = position === 'review' ? t('survey.steps.review') : t(`survey.steps.${survey.steps[position - 1]!}`);
  return (
    <article className="mx-auto max-w-xl space-y-5">
      <header className="space-y-3">
        <h1 className="text-xl">{t('survey.heading', { event: survey.event.title })}</h1>
        {position === 1 ? (
          <div className="card space-y-2 text-sm">
            <p>{t('survey.intro')}</p>
            <p>{t('survey.duration', { date: day(survey.closesOn) })}</p>
            <p>{t('survey.anonymous')}</p>
          </div>
        ) : null}
        <div className="space-y-1">
          <p className="text-sm font-medium text-teal-900">{position === 'review' ? t('survey.reviewProgress') : t('survey.progress', { current: position, total })}</p>
          {/* One segment per step (no inline styles: the Content-Security-Policy forbids them). */}
          <div className="flex gap-1" aria-hidden="true">
            {survey.steps.map((step, index) => (
              <span key={step} className={`h-2 flex-1 rounded-full ${position === 'review' || index < position ? 'bg-teal-700' : 'bg-stone-200'}`} />
            ))}
          </div>
        </div>
        <h2>{stepTitle}</h2>
        {query.missing && position !== 'review' ? (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t('survey.missing')}
          </p>
        ) : null}
      </header>
      {position === 'review' ? (
        <div className="space-y-5">
          <p>{t('survey.reviewIntro')}</p>
          <SurveyAnswersList survey={survey} editable />
          <SurveySubmitForm action={submitFollowUpResponseAction} followUpId={survey.id} label={t('survey.submit')} />
          <Link href={`/follow-ups/${survey.id}?step=${total}`} className="inline-flex min-h-12 items-center">
            {t('survey.back')}
          </Link>
        </div>
      ) : (
        <AnswerStep survey={survey} position={position} />
      )}
    </article>
  );
}
