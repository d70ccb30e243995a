import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseStudyList } from '@/components/case-studies/case-study-list';
import { ReviewComments } from '@/components/case-studies/review-comments';
import { ReviewPanel } from '@/components/case-studies/review-panel';
import { StatusBadge } from '@/components/case-studies/status-badge';
import { WorkflowPanel } from '@/components/case-studies/workflow-panel';
import { CaseStudyConversations } from '@/components/conversations/case-study-conversations';
import { AppliedSection } from '@/components/stories/applied-section';
import { EvidenceTags, TaggingScope } from '@/components/synthesis/evidence-tags';
import { TagList } from '@/components/ui/tag-list';
import { getViewer } from '@/lib/auth/viewer';
import { byteSizeParts } from '@/lib/case-studies/attachment-rules';
import { getCaseStudy, listRelatedCaseStudies } from '@/lib/case-studies/queries';
import { publishedStatuses } from '@/lib/case-studies/workflow';
import { formatDay } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { renderRichText } from '@/lib/rich-text/render';
import { evidenceTagsFor } from '@/lib/synthesis/queries';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ published?: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const caseStudy = await loadOr404(() => getCaseStudy(viewer, id, locale));
  // Only public case studies are for search engines.
  return { title: caseStudy.title, robots: { index: caseStudy.visibility === 'public' && caseStudy.status === 'published' } };
}

/** The reading page: server-rendered HTML, no editor code, printable. */
export default async function CaseStudyPage({ params, searchParams }: Props) {
  const [{ id }, { published }, viewer, locale] = await Promise.all([params, searchParams, getViewer(), getAppLocale()]);
  const caseStudy = await loadOr404(() => getCaseStudy(viewer, id, locale));
  const [t, tMeta, tSections, tLanguage, tVisibility, tAttachments] = await Promise.all([
    getTranslations('caseStudies.read'),
    getTranslations('caseStudies.meta'),
    getTranslations('caseStudies.sections'),
    getTranslations('caseStudies.language'),
    getTranslations('enums.visibility'),
    getTranslations('attachments'),
  ]);
  const tRelated = await getTranslations('caseStudies.related');
  const taxonomy = getTaxonomy(locale);
  // Related practice is for published work; a draft's page is a workspace.
  const related = caseStudy.status === 'published' ? listRelatedCaseStudies(viewer, caseStudy.id, locale) : [];
  const commentsOn = (key: string | null) => caseStudy.reviewComments.filter((comment) => comment.sectionKey === key);
  const day = (date: Date) => formatDay(date.toISOString().slice(0, 10), locale);
  // The themes the whole case study and each section are tagged with (those the viewer may read).
  const themeTags = evidenceTagsFor(viewer, { type: 'case_study', id: caseStudy.id }, locale);
  const tTagger = await getTranslations('synthesis.tagger');
  const tagsOn = (key: string | null) => themeTags.filter((tag) => tag.sectionKey === key);
  const contextEventId = caseStudy.event?.id ?? null;
  return (
    <TaggingScope viewer={viewer} locale={locale} contextEventId={contextEventId}>
      <article className="max-w-3xl space-y-6">
        {published ? (
          <p role="status" className="no-print rounded bg-emerald-50 p-3 text-sm text-emerald-900">
            {t('publishedNotice')}
          </p>
        ) : null}
        <header className="space-y-2">
          {caseStudy.status !== 'published' ? <StatusBadge status={caseStudy.status} /> : null}
          <h1 lang={caseStudy.language}>{caseStudy.title}</h1>
          <p className="text-stone-700">
            {caseStudy.organisation ? <Link href={`/organisations/${caseStudy.organisation.slug}`}>{caseStudy.organisation.name}</Link> : tMeta('memberOrganisation')}
            {caseStudy.countries.length ? ` · ${caseStudy.countries.map(taxonomy.countryLabel).join(', ')}` : ''}
            {caseStudy.event ? (
              <>
                {' · '}
                <Link href={`/events/${caseStudy.event.slug}`}>{caseStudy.event.title}</Link>
              </>
            ) : null}
          </p>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{tMeta('authors')}</dt>
            <dd>
              {caseStudy.authors.map((author, index) => (
                <span key={author.id}>
                  {index > 0 ? ', ' : ''}
                  {viewer ? <Link href={`/members/${author.id}`}>{author.displayName}</Link> : author.displayName}
                </span>
              ))}
            </dd>
            <dt className="font-medium">{tMeta('language')}</dt>
            <dd>{tLanguage(caseStudy.language)}</dd>
            {caseStudy.publishedAt ? (
              <>
                <dt className="font-medium">{tMeta('publishedOn')}</dt>
                <dd>{day(caseStudy.publishedAt)}</dd>
              </>
            ) : null}
            {viewer ? (
              <>
                <dt className="font-medium">{tMeta('visibility')}</dt>
                <dd>{tVisibility(caseStudy.visibility)}</dd>
              </>
            ) : null}
          </dl>
          {caseStudy.populations.length ? <TagList labels={caseStudy.populations.map(taxonomy.populationLabel)} /> : null}
          {caseStudy.topics.length || caseStudy.freeTags.length ? <TagList labels={[...caseStudy.topics.map(taxonomy.topicLabel), ...caseStudy.freeTags]} /> : null}
          <nav className="no-print flex flex-wrap gap-3 text-sm">
            {caseStudy.abilities.canEditNow ? (
              <Link href={`/case-studies/${caseStudy.id}/edit`} className="button-secondary">
                {t('edit')}
              </Link>
            ) : null}
            {caseStudy.abilities['caseStudy.readReview'] ? <Link href={`/case-studies/${caseStudy.id}/history`}>{t('history')}</Link> : null}
          </nav>
          <EvidenceTags tags={tagsOn(null)} target={{ type: 'case_study', id: caseStudy.id }} contextEventId={contextEventId} tagLabel={tTagger('tagCaseStudy')} />
        </header>

        <WorkflowPanel caseStudy={caseStudy} />
        <ReviewPanel caseStudy={caseStudy} />
        <ReviewComments comments={commentsOn(null)} />

        <section aria-labelledby="summary-heading" className="space-y-1">
          <h2 id="summary-heading">{t('summary')}</h2>
          <p lang={caseStudy.language} className="whitespace-pre-line">
            {caseStudy.summary}
          </p>
        </section>

        {caseStudy.sections.map((section) => {
          const html = renderRichText(section.content);
          return (
            <section key={section.key} aria-labelledby={`section-${section.key}`} className="space-y-2">
              <h2 id={`section-${section.key}`}>{tSections(section.key)}</h2>
              {section.plainText ? (
                <div className="rich-text" lang={caseStudy.language} dangerouslySetInnerHTML={{ __html: html }} />
              ) : (
                <p className="muted">{t('emptySection')}</p>
              )}
              <EvidenceTags tags={tagsOn(section.key)} target={{ type: 'case_study', id: caseStudy.id, sectionKey: section.key }} contextEventId={contextEventId} tagLabel={tTagger('tagSection')} />
              <ReviewComments comments={commentsOn(section.key)} />
            </section>
          );
        })}

        <section aria-labelledby="attachments-heading" className="space-y-1">
          <h2 id="attachments-heading">{t('attachments')}</h2>
          {caseStudy.attachments.length ? (
            <ul className="list-disc pl-5 text-sm">
              {caseStudy.attachments.map((attachment) => (
                <li key={attachment.id}>
                  <a href={`/api/attachments/${attachment.id}`} download>
                    {attachment.fileName}
                  </a>{' '}
                  <span className="muted">({tAttachments(`size.${byteSizeParts(attachment.byteSize).unit}`, { value: byteSizeParts(attachment.byteSize).value })})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('noAttachments')}</p>
          )}
        </section>

        {caseStudy.status === 'published' ? <AppliedSection viewer={viewer} locale={locale} target={{ caseStudyId: caseStudy.id }} /> : null}

        {publishedStatuses.includes(caseStudy.status) ? <CaseStudyConversations viewer={viewer} caseStudyId={caseStudy.id} /> : null}

        {related.length ? (
          <section aria-labelledby="related-heading" className="no-print space-y-2">
            <h2 id="related-heading">{tRelated('title')}</h2>
            <p className="muted text-sm">{tRelated('intro')}</p>
            <CaseStudyList items={related} countryLabel={taxonomy.countryLabel} emptyText="" />
          </section>
        ) : null}
      </article>
    </TaggingScope>
  );
}
