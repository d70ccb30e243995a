import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ConnectPanel } from '@/components/directory/connect-panel';
import { TagList } from '@/components/ui/tag-list';
import { getProfile } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
import { getConnectionPanel, getDirectoryDetails } from '@/lib/directory/queries';
import { formatDay } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ id }, viewer] = await Promise.all([params, getViewer()]);
  const profile = await loadOr404(() => getProfile(viewer, id));
  return { title: profile.displayName, robots: { index: false } };
}

export default async function MemberPage({ params }: Props) {
  const [{ id }, viewer, locale, t, tEnums] = await Promise.all([params, getViewer(), getAppLocale(), getTranslations('profile'), getTranslations('enums')]);
  // Profiles exist for members only: anonymous visitors get the same 404 as for a missing member.
  const profile = await loadOr404(() => getProfile(viewer, id));
  const taxonomy = getTaxonomy(locale);
  const tDirectory = await getTranslations('directory.card');
  // What they work on and offer (only where the profile's details show), and connecting with them.
  const directoryDetails = getDirectoryDetails(viewer, profile.id);
  const connectPanel = getConnectionPanel(viewer, profile.id);
  return (
    <article className="max-w-2xl space-y-6">
      <header className="space-y-1">
        <p className="muted">{t('title')}</p>
        <h1>{profile.displayName}</h1>
        {viewer?.userId === profile.id ? <p className="muted">{t('you')}</p> : null}
      </header>
      {profile.details ? (
        <>
          <p className="muted">{t('memberSince', { date: formatDay(profile.details.memberSince.toISOString().slice(0, 10), locale) })}</p>
          {profile.details.bio ? (
            <section aria-labelledby="about-heading" className="space-y-1">
              <h2 id="about-heading">{t('about')}</h2>
              <p className="whitespace-pre-line">{profile.details.bio}</p>
            </section>
          ) : null}
          {directoryDetails && (directoryDetails.populations.length || directoryDetails.topics.length || directoryDetails.expertise) ? (
            <section aria-labelledby="work-heading" className="space-y-2">
              <h2 id="work-heading">{tDirectory('workHeading')}</h2>
              {directoryDetails.populations.length ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium">{tDirectory('populations')}</p>
                  <TagList labels={directoryDetails.populations.map(taxonomy.populationLabel)} />
                </div>
              ) : null}
              {directoryDetails.topics.length ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium">{tDirectory('topics')}</p>
                  <TagList labels={directoryDetails.topics.map(taxonomy.topicLabel)} />
                </div>
              ) : null}
              {directoryDetails.expertise ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium">{tDirectory('expertise')}</p>
                  <p className="whitespace-pre-line" lang="">
                    {directoryDetails.expertise}
                  </p>
                </div>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="organisations-heading" className="space-y-1">
            <h2 id="organisations-heading">{t('organisations')}</h2>
            <ul>
              {profile.details.organisations.map((organisation) => (
                <li key={organisation.slug}>
                  <Link href={`/organisations/${organisation.slug}`}>{organisation.name}</Link>{' '}
                  <span className="muted">
                    · {taxonomy.countryLabel(organisation.countryCode)} · {tEnums(`organisationRole.${organisation.role}`)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="events-heading" className="space-y-1">
            <h2 id="events-heading">{t('events')}</h2>
            <ul>
              {profile.details.events.map((event) => (
                <li key={event.slug}>
                  <Link href={`/events/${event.slug}`}>{locale === 'fr' ? event.titleFr : event.titleEn}</Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p>{t('pseudonymOnly')}</p>
      )}
      {connectPanel ? <ConnectPanel member={profile} panel={connectPanel} locale={locale} /> : null}
    </article>
  );
}
