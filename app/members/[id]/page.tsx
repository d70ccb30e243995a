import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getProfile } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
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
    </article>
  );
}
