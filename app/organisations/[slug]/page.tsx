import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TagList } from '@/components/ui/tag-list';
import { CaseStudyList } from '@/components/case-studies/case-study-list';
import { UnansweredQuestions } from '@/components/conversations/unanswered-questions';
import { getViewer } from '@/lib/auth/viewer';
import { listPublishedCaseStudies } from '@/lib/case-studies/queries';
import { listUnansweredQuestions } from '@/lib/conversations/queries';
import { formatDay } from '@/lib/format';
import { getOrganisationBySlug } from '@/lib/organisations/queries';
import { can } from '@/lib/policy/rules';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ slug }, viewer] = await Promise.all([params, getViewer()]);
  const organisation = await loadOr404(() => getOrganisationBySlug(viewer, slug));
  return { title: organisation.name };
}

export default async function OrganisationPage({ params }: Props) {
  const [{ slug }, viewer, locale, t, tEnums, tCommon] = await Promise.all([params, getViewer(), getAppLocale(), getTranslations('organisations'), getTranslations('enums'), getTranslations('common')]);
  const organisation = await loadOr404(() => getOrganisationBySlug(viewer, slug));
  const taxonomy = getTaxonomy(locale);
  const caseStudies = listPublishedCaseStudies(viewer, locale, { organisationId: organisation.id }, { limit: 100, offset: 0 });
  const tCaseStudies = await getTranslations('caseStudies');
  // Only the organisation's own members see its waiting questions (the query refuses everyone else).
  const unanswered = can(viewer, 'question.listForOrganisation', { organisationId: organisation.id }) ? listUnansweredQuestions(viewer, organisation.id) : null;
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1>{organisation.name}</h1>
        <p className="text-stone-700">
          {taxonomy.countryLabel(organisation.countryCode)} · {tEnums(`organisationType.${organisation.type}`)}
        </p>
        {organisation.memberCount !== null ? <p className="muted">{tCommon('members', { count: organisation.memberCount })}</p> : null}
        {can(viewer, 'organisation.update', organisation) ? (
          <Link href={`/admin/organisations/${organisation.id}`} className="button-secondary no-print">
            {t('edit')}
          </Link>
        ) : null}
      </header>
      {organisation.description ? <p className="max-w-2xl whitespace-pre-line">{organisation.description}</p> : null}
      {organisation.populations.length ? (
        <section aria-labelledby="populations-heading" className="space-y-2">
          <h2 id="populations-heading">{t('populations')}</h2>
          <TagList labels={organisation.populations.map(taxonomy.populationLabel)} />
        </section>
      ) : null}
      <section aria-labelledby="case-studies-heading" className="space-y-2">
        <h2 id="case-studies-heading">{tCaseStudies('byOrganisation')}</h2>
        <CaseStudyList items={caseStudies.items} countryLabel={taxonomy.countryLabel} emptyText={tCaseStudies('noneYet')} />
      </section>
      {unanswered ? <UnansweredQuestions questions={unanswered} /> : null}
      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading">{t('events')}</h2>
        {organisation.events.length ? (
          <ul className="space-y-1">
            {organisation.events.map((event) => (
              <li key={event.slug}>
                <Link href={`/events/${event.slug}`}>{locale === 'fr' ? event.titleFr : event.titleEn}</Link>{' '}
                <span className="muted">· {formatDay(event.startsOn, locale, { month: 'long', year: 'numeric' })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noEvents')}</p>
        )}
      </section>
      {viewer ? (
        <section aria-labelledby="members-heading" className="space-y-2">
          <h2 id="members-heading">{t('listedMembers')}</h2>
          {organisation.listedMembers.length ? (
            <ul className="flex flex-wrap gap-x-3">
              {organisation.listedMembers.map((member) => (
                <li key={member.id}>
                  <Link href={`/members/${member.id}`}>{member.displayName}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('noListedMembers')}</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
