import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PeopleList } from '@/components/ui/people-list';
import { TagList } from '@/components/ui/tag-list';
import { getViewer } from '@/lib/auth/viewer';
import { CaseStudyList } from '@/components/case-studies/case-study-list';
import { EventDiscussions } from '@/components/conversations/event-discussions';
import { FollowUpPanel } from '@/components/follow-ups/follow-up-panel';
import { RefresherPanel } from '@/components/refreshers/refresher-panel';
import { SessionCaseStudies } from '@/components/synthesis/session-case-studies';
import { SynthesisSummary } from '@/components/synthesis/synthesis-summary';
import { listPublishedCaseStudies } from '@/lib/case-studies/queries';
import { getEventBySlug } from '@/lib/events/queries';
import { can } from '@/lib/policy/rules';
import { formatDay, formatDayRange } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { programmeCaseStudies, synthesisSummary } from '@/lib/synthesis/queries';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ slug }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const event = await loadOr404(() => getEventBySlug(viewer, slug, locale));
  return { title: event.title };
}

export default async function EventPage({ params }: Props) {
  const [{ slug }, viewer, locale, t, tEnums] = await Promise.all([params, getViewer(), getAppLocale(), getTranslations('events'), getTranslations('enums')]);
  const event = await loadOr404(() => getEventBySlug(viewer, slug, locale));
  const taxonomy = getTaxonomy(locale);
  const days = [...new Set(event.sessions.map((session) => session.day))];
  const caseStudies = listPublishedCaseStudies(viewer, locale, { eventId: event.id }, { limit: 100, offset: 0 });
  const tCaseStudies = await getTranslations('caseStudies');
  const tSynthesis = await getTranslations('synthesis.summary');
  const programme = programmeCaseStudies(viewer, event.id);
  const synthesis = synthesisSummary(viewer, event.id, locale);
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1>{event.title}</h1>
        <p className="text-stone-700">
          {formatDayRange(event.startsOn, event.endsOn, locale)}
          {event.place ? ` · ${event.place}` : ''}
          {event.countryCode ? `, ${taxonomy.countryLabel(event.countryCode)}` : ''}
          {event.visibility === 'members' ? <span className="tag ml-2">{t('membersOnly')}</span> : null}
        </p>
        {event.description ? <p className="max-w-2xl">{event.description}</p> : null}
        <div className="no-print flex flex-wrap gap-3">
          {event.abilities['event.update'] ? (
            <Link href={`/admin/events/${event.id}`} className="button-secondary">
              {t('manage')}
            </Link>
          ) : null}
          {can(viewer, 'call.manage', { id: event.id, visibility: event.visibility }) ? (
            <Link href={`/events/${event.slug}/calls`} className="button-secondary">
              {tCaseStudies('calls.title')}
            </Link>
          ) : null}
          {synthesis ? (
            <Link href={`/events/${event.slug}/synthesis`} className="button-secondary">
              {tSynthesis('link')}
            </Link>
          ) : null}
          {can(viewer, 'impact.read', { event: { id: event.id, visibility: event.visibility } }) ? (
            <Link href={`/events/${event.slug}/impact`} className="button-secondary">
              {t('impactLink')}
            </Link>
          ) : null}
        </div>
      </header>

      <RefresherPanel viewer={viewer} event={event} locale={locale} />
      <FollowUpPanel viewer={viewer} event={event} locale={locale} />

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="focus-heading" className="space-y-2">
          <h2 id="focus-heading">{t('focus')}</h2>
          <TagList labels={event.populations.map(taxonomy.populationLabel)} />
        </section>
        <section aria-labelledby="topics-heading" className="space-y-2">
          <h2 id="topics-heading">{t('topics')}</h2>
          <ul className="list-disc space-y-0.5 pl-5 text-sm">
            {event.topics.map((key) => (
              <li key={key}>{taxonomy.topicLabel(key)}</li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="programme-heading" className="space-y-3">
        <h2 id="programme-heading">{t('programme')}</h2>
        {days.length === 0 ? <p className="muted">{t('noSessions')}</p> : null}
        {days.map((day) => (
          <div key={day} className="space-y-2">
            <h3 className="font-medium">{formatDay(day, locale, { weekday: 'long', day: 'numeric', month: 'long' })}</h3>
            <ul className="space-y-2">
              {event.sessions
                .filter((session) => session.day === day)
                .map((session) => (
                  <li key={session.id} className="card flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    {session.startsAt ? <span className="font-mono text-sm text-stone-600">{t('time', { start: session.startsAt, end: session.endsAt || '…' })}</span> : null}
                    <span className="font-medium">{session.title}</span>
                    <span className="tag">{tEnums(`sessionKind.${session.kind}`)}</span>
                    <SessionCaseStudies sessionId={session.id} presented={programme.bySession.get(session.id) ?? []} linkable={programme.linkable} canManage={programme.canManage} />
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      {synthesis ? <SynthesisSummary summary={synthesis} slug={event.slug} /> : null}

      <section aria-labelledby="case-studies-heading" className="space-y-2">
        <h2 id="case-studies-heading">
          {tCaseStudies('forEvent')} <span className="muted font-normal">({caseStudies.total})</span>
        </h2>
        <CaseStudyList items={caseStudies.items} countryLabel={taxonomy.countryLabel} emptyText={tCaseStudies('noneYet')} />
      </section>

      <EventDiscussions viewer={viewer} eventId={event.id} />

      <section aria-labelledby="organisations-heading" className="space-y-2">
        <h2 id="organisations-heading">{t('organisations')}</h2>
        {event.organisations.length ? (
          <ul className="grid gap-1 sm:grid-cols-2">
            {event.organisations.map((organisation) => (
              <li key={organisation.slug}>
                <Link href={`/organisations/${organisation.slug}`}>{organisation.name}</Link>{' '}
                <span className="muted">· {taxonomy.countryLabel(organisation.countryCode)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noOrganisations')}</p>
        )}
        {!viewer ? <p className="muted">{(await getTranslations('common'))('signInToSeeMore')}</p> : null}
      </section>

      {viewer ? (
        <section aria-labelledby="people-heading" className="space-y-2">
          <h2 id="people-heading">{t('participants', { count: event.participantCount ?? 0 })}</h2>
          <PeopleList label={t('facilitators')} people={event.facilitators} />
          <PeopleList label={t('listedParticipants')} people={event.listedParticipants} />
        </section>
      ) : null}
    </article>
  );
}
