import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { listUnansweredQuestions } from '@/lib/conversations/queries';

type UnansweredQuestion = ReturnType<typeof listUnansweredQuestions>[number];

/** An organisation's questions still waiting for an answer, oldest first, for its members. */
export async function UnansweredQuestions({ questions }: { questions: UnansweredQuestion[] }) {
  const [t, tList, format] = await Promise.all([getTranslations('conversations.organisation'), getTranslations('conversations.list'), getFormatter()]);
  const tPost = await getTranslations('conversations.post');
  return (
    <section aria-labelledby="unanswered-heading" className="no-print space-y-2">
      <h2 id="unanswered-heading">{t('unanswered')}</h2>
      <p className="muted">{t('unansweredIntro')}</p>
      {questions.length ? (
        <ul className="space-y-2">
          {questions.map((question) => (
            <li key={question.id} className="card space-y-1">
              <p className="font-medium">
                <Link href={`/threads/${question.id}`}>{question.title}</Link>
              </p>
              <p className="text-sm text-stone-600">
                {t('asked', {
                  name: question.askedBy ?? tPost('formerMember'),
                  date: format.dateTime(question.askedAt, { day: 'numeric', month: 'long', year: 'numeric' }),
                  caseStudy: question.caseStudyTitle,
                })}{' '}
                · {tList('posts', { count: question.postCount })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
    </section>
  );
}
