import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/viewer';
import { formatDayRange } from '@/lib/format';
import { getRefresher } from '@/lib/notifications/refreshers';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  // A neutral title: the event's name stays off the tab and the browser history.
  return { title: (await getTranslations('refreshers'))('title'), robots: { index: false } };
}

/** The refresher card: for the event's participants (and its facilitators), only what each may read. */
export default async function RefresherPage({ params }: Props) {
  const { id } = await params;
  // Members arrive from a notification email: anonymous visitors sign in and come back.
  const viewer = await requireViewer(`/refreshers/${id}`);
  const locale = await getAppLocale();
  const card = await loadOr404(() => getRefresher(viewer, id, locale));
  const t = await getTranslations('refreshers.card');
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1>{t('title', { event: card.event.title })}</h1>
        <p className="muted">{t('intro')}</p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t('dates')}</dt>
          <dd>{formatDayRange(card.event.startsOn, card.event.endsOn, locale)}</dd>
          {card.event.place ? (
            <>
              <dt className="font-medium">{t('place')}</dt>
              <dd>{card.event.place}</dd>
            </>
          ) : null}
        </dl>
        <p className="text-sm">
          <Link href={`/events/${card.event.slug}`}>{t('openEvent')}</Link>
        </p>
      </header>

      <section aria-labelledby="key-topics-heading" className="space-y-2">
        <h2 id="key-topics-heading">{t('keyTopics')}</h2>
        {card.keyTopics.length ? (
          <ul className="list-disc space-y-0.5 pl-5">
            {card.keyTopics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noTopics')}</p>
        )}
      </section>

      <section aria-labelledby="lessons-heading" className="space-y-3">
        <h2 id="lessons-heading">{t('lessons')}</h2>
        {card.lessons.length ? (
          <ul className="space-y-3">
            {card.lessons.map((study) => (
              <li key={study.id} className="card space-y-2">
                <h3 className="font-semibold" lang={study.language}>
                  {study.title}
                </h3>
                <p className="whitespace-pre-line text-sm" lang={study.language}>
                  {study.lessons}
                </p>
                <Link href={`/case-studies/${study.id}#section-lessons`} className="text-sm">
                  {t('readLessons', { title: study.title })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noLessons')}</p>
        )}
      </section>

      <section aria-labelledby="themes-heading" className="space-y-2">
        <h2 id="themes-heading">{t('themes')}</h2>
        {card.themes.length ? (
          <ul className="list-disc space-y-0.5 pl-5">
            {card.themes.map((theme) => (
              <li key={theme.id}>
                <Link href={`/themes/${theme.id}`}>{theme.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('themesSoon')}</p>
        )}
      </section>

      <footer className="space-y-1 border-t border-stone-200 pt-3 text-sm">
        <p>{t('whyYouGetThis')}</p>
        <Link href="/settings#email-heading">{t('turnOff')}</Link>
      </footer>
    </article>
  );
}
