import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EventCardItem } from '@/components/events/event-card';
import { CaseStudyList } from '@/components/case-studies/case-study-list';
import { WaitingFollowUps } from '@/components/follow-ups/waiting-follow-ups';
import { getViewer } from '@/lib/auth/viewer';
import { listOpenCallsForEditor, listPublishedCaseStudies } from '@/lib/case-studies/queries';
import { formatDay } from '@/lib/format';
import { listPastEvents, listUpcomingEvents } from '@/lib/events/queries';
import { isLocale } from '@/lib/i18n/locales';
import { listNewestOrganisations } from '@/lib/organisations/queries';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export default async function HomePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const [viewer, t, localeValue, { welcome }] = await Promise.all([getViewer(), getTranslations('home'), getLocale(), searchParams]);
  const locale = isLocale(localeValue) ? localeValue : 'en';
  const taxonomy = getTaxonomy(locale);
  const upcoming = listUpcomingEvents(viewer, locale, 5);
  const recent = listPastEvents(viewer, locale, 5);
  const newest = listNewestOrganisations(viewer, 5);
  const recentCaseStudies = listPublishedCaseStudies(viewer, locale, {}, { limit: 5, offset: 0 }).items;
  const openCalls = viewer ? listOpenCallsForEditor(viewer, locale) : [];
  const [tCaseStudies, tMine, tSearch] = await Promise.all([getTranslations('caseStudies'), getTranslations('caseStudies.mine'), getTranslations('search')]);
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        {viewer ? (
          <p role="status" className="text-teal-900">
            {welcome ? t('welcome', { name: viewer.displayName }) : t('greeting', { name: viewer.displayName })}
          </p>
        ) : null}
        <h1>{t('title')}</h1>
        <p className="max-w-2xl text-stone-700">{t('intro')}</p>
        {/* A plain GET form: it opens the search page, with or without JavaScript. */}
        <form method="get" action="/search" role="search" className="flex max-w-xl gap-2 pt-2">
          <label htmlFor="home-search" className="sr-only">
            {tSearch('label')}
          </label>
          <input id="home-search" type="search" name="q" maxLength={200} placeholder={tSearch('placeholder')} className="input" />
          <button type="submit" className="button-secondary">
            {tSearch('submit')}
          </button>
        </form>
        {!viewer ? (
          <p className="muted">
            {t('joinPrompt')} <Link href="/join">{t('joinLink')}</Link>
          </p>
        ) : null}
      </section>
      {viewer ? <WaitingFollowUps viewer={viewer} locale={locale} /> : null}
      {openCalls.length ? (
        <section aria-labelledby="calls-heading" className="space-y-2 rounded-lg border border-teal-200 bg-teal-50 p-4">
          <h2 id="calls-heading">{tMine('openCalls')}</h2>
          <ul className="space-y-1">
            {openCalls.map((call) => (
              <li key={call.id}>
                <span className="font-medium">{call.event.title}</span> <span className="muted">· {tMine('deadline', { date: formatDay(call.deadline, locale) })}</span>{' '}
                <Link href={`/case-studies/new?call=${call.id}`}>{tMine('startForCall')}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="recent-case-studies-heading" className="space-y-3">
        <h2 id="recent-case-studies-heading">{tCaseStudies('recent')}</h2>
        <CaseStudyList items={recentCaseStudies} countryLabel={taxonomy.countryLabel} emptyText={tCaseStudies('noneYet')} />
        <Link href="/case-studies" className="text-sm">
          {tCaseStudies('allCaseStudies')}
        </Link>
      </section>
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading">{t('upcoming')}</h2>
          {upcoming.length ? (
            <ul className="space-y-2">
              {upcoming.map((event) => (
                <EventCardItem key={event.id} event={event} locale={locale} countryLabel={taxonomy.countryLabel} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('noUpcoming')}</p>
          )}
        </section>
        <section aria-labelledby="recent-heading" className="space-y-3">
          <h2 id="recent-heading">{t('recent')}</h2>
          {recent.length ? (
            <ul className="space-y-2">
              {recent.map((event) => (
                <EventCardItem key={event.id} event={event} locale={locale} countryLabel={taxonomy.countryLabel} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('noRecent')}</p>
          )}
          <Link href="/events" className="text-sm">
            {t('allEvents')}
          </Link>
        </section>
      </div>
      <section aria-labelledby="new-heading" className="space-y-3">
        <h2 id="new-heading">{t('whatsNew')}</h2>
        <ul className="space-y-1">
          {newest.map((organisation) => (
            <li key={organisation.slug}>
              <Link href={`/organisations/${organisation.slug}`}>{t('newOrganisation', { name: organisation.name })}</Link>{' '}
              <span className="muted">· {taxonomy.countryLabel(organisation.countryCode)}</span>
            </li>
          ))}
        </ul>
        <Link href="/organisations" className="text-sm">
          {t('allOrganisations')}
        </Link>
      </section>
    </div>
  );
}
