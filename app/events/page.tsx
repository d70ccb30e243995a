import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EventCardItem } from '@/components/events/event-card';
import { getViewer } from '@/lib/auth/viewer';
import { listPastEvents, listUpcomingEvents } from '@/lib/events/queries';
import { getAppLocale } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('events'))('title') };
}

export default async function EventsPage() {
  const [viewer, t, tCommon, locale] = await Promise.all([getViewer(), getTranslations('events'), getTranslations('common'), getAppLocale()]);
  const { countryLabel } = getTaxonomy(locale);
  const sections = [
    { id: 'upcoming', title: t('upcoming'), events: listUpcomingEvents(viewer, locale) },
    { id: 'past', title: t('past'), events: listPastEvents(viewer, locale) },
  ];
  return (
    <div className="space-y-8">
      <h1>{t('title')}</h1>
      <p>
        <Link href="/themes">{t('themesLink')}</Link>
      </p>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`} className="space-y-3">
          <h2 id={`${section.id}-heading`}>{section.title}</h2>
          {section.events.length ? (
            <ul className="space-y-2">
              {section.events.map((event) => (
                <EventCardItem key={event.id} event={event} locale={locale} countryLabel={countryLabel} />
              ))}
            </ul>
          ) : (
            <p className="muted">{tCommon('none')}</p>
          )}
        </section>
      ))}
    </div>
  );
}
