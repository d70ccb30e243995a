import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { SurveyStep } from '@/lib/follow-ups/answers';
import type { FollowUpSurvey } from '@/lib/follow-ups/queries';

/**
 * A member's answers, step by step, in their language: on the review page (with a link to change each
 * step) and, read-only, once sent.
 */
export async function SurveyAnswersList({ survey, editable }: { survey: FollowUpSurvey; editable: boolean }) {
  const [t, tFramework] = await Promise.all([getTranslations('followUps.survey'), getTranslations('framework')]);
  const answers = survey.answers;
  const notAnswered = <span className="italic text-stone-500">{t('notAnswered')}</span>;
  const list = (values: readonly string[] | undefined, group: string, empty: ReactNode = notAnswered) =>
    values?.length ? (
      <ul className="list-disc space-y-0.5 pl-5">
        {values.map((value) => (
          <li key={value}>{tFramework(`${group}.${value}`)}</li>
        ))}
      </ul>
    ) : (
      empty
    );
  const text = (value: string | undefined) => (value ? <p className="whitespace-pre-line">{value}</p> : <span className="italic text-stone-500">{t('nothingWritten')}</span>);
  const none = <span>{t('none')}</span>;
  const items: Record<SurveyStep, [string, ReactNode][]> = {
    understanding: [
      [t('understanding'), answers.understanding ? tFramework(`likert.${answers.understanding}`) : notAnswered],
      [t('transferAudience'), list(answers.transferAudience, 'transferAudience')],
      ...(answers.transferAudience?.includes('not_yet') ? [] : [[t('transferFormality'), list(answers.transferFormality, 'transferFormality')] as [string, ReactNode]]),
    ],
    retained: [[t('retained'), text(answers.retained)]],
    applied: [
      [t('applied'), answers.applied ? tFramework(`likert.${answers.applied}`) : notAnswered],
      [t('applicationWays'), list(answers.applicationWays, 'applicationWay', answers.applied ? none : notAnswered)],
    ],
    barriers: [[t('barriers'), list(answers.barriers, 'barrier')]],
    connections: [
      [t('connected'), answers.connected ? t(answers.connected) : notAnswered],
      ...(answers.connected === 'yes' ? [[t('connectionReasons'), list(answers.connectionReasons, 'connectionReason', none)] as [string, ReactNode]] : []),
    ],
    custom: survey.questions.map((question) => [question.prompt, text(answers.custom?.[question.id])]),
  };
  return (
    <ol className="space-y-4">
      {survey.steps.map((step, index) => (
        <li key={step} className="card space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">{t(`steps.${step}`)}</h3>
            {editable ? (
              <Link href={`/follow-ups/${survey.id}?step=${index + 1}`} className="inline-flex min-h-11 items-center" aria-label={t('editStep', { step: t(`steps.${step}`) })}>
                {t('edit')}
              </Link>
            ) : null}
          </div>
          <dl className="space-y-3">
            {items[step].map(([question, answer]) => (
              <div key={question} className="space-y-1">
                <dt className="text-sm text-stone-600">{question}</dt>
                <dd>{answer}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
