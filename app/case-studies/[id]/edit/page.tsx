import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AttachmentUpload } from '@/components/case-studies/attachment-upload';
import { CaseStudyEditor, type CaseStudyEditorLabels } from '@/components/case-studies/case-study-editor';
import { MetadataFields } from '@/components/case-studies/metadata-fields';
import { ReviewComments } from '@/components/case-studies/review-comments';
import { StatusBadge } from '@/components/case-studies/status-badge';
import { WorkflowPanel } from '@/components/case-studies/workflow-panel';
import { ActionForm, CheckboxGroupField, Hidden } from '@/components/ui/action-form';
import type { SectionKey } from '@/lib/case-studies/sections';
import { requireViewer } from '@/lib/auth/viewer';
import { deleteAttachmentAction } from '@/lib/case-studies/attachment-actions';
import { isAttachmentErrorCode, maxAttachmentBytes, maxAttachmentsPerCaseStudy } from '@/lib/case-studies/attachment-rules';
import { updateMetadataAction } from '@/lib/case-studies/actions';
import { getCaseStudy } from '@/lib/case-studies/queries';
import { thinSectionWords } from '@/lib/case-studies/workflow';
import { getEventBySlug } from '@/lib/events/queries';
import { listOrganisationMembers } from '@/lib/organisations/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ attachment?: string; attachmentError?: string }> };

// A neutral tab title: the case study's own title could say too much to someone glancing at the screen.
export async function generateMetadata() {
  return { title: (await getTranslations('caseStudyEditor'))('title'), robots: { index: false } };
}

/** Writing a case study: its details, the five sections (autosaved), attachments, then the next step. */
export default async function EditCaseStudyPage({ params, searchParams }: Props) {
  const [{ id }, query, locale] = await Promise.all([params, searchParams, getAppLocale()]);
  const viewer = await requireViewer(`/case-studies/${id}/edit`);
  const caseStudy = await loadOr404(() => getCaseStudy(viewer, id, locale));
  const [t, tStatus] = await Promise.all([getTranslations('caseStudyEditor'), getTranslations('caseStudies.status')]);

  // Readable but not editable (submitted, accepted, or the viewer is a reader only): say so, and point to the reading page.
  if (!caseStudy.abilities.canEditNow) {
    return (
      <div className="max-w-xl space-y-3">
        <h1 lang={caseStudy.language}>{caseStudy.title}</h1>
        <p>{caseStudy.abilities['caseStudy.edit'] ? t('locked', { status: tStatus(caseStudy.status) }) : t('notAllowed')}</p>
        <Link href={`/case-studies/${caseStudy.id}`}>{t('readIt')}</Link>
      </div>
    );
  }

  const [tSections, tCompleteness, tAttachments, tErrors] = await Promise.all([
    getTranslations('caseStudies.sections'),
    getTranslations('caseStudies.completeness'),
    getTranslations('attachments'),
    getTranslations('errors'),
  ]);
  // Who writes is the editors' call (the mutation ignores the list from anyone else): only they get the picker.
  const canChooseAuthors = caseStudy.abilities['caseStudy.submit'];
  const members = canChooseAuthors ? await loadOr404(() => listOrganisationMembers(viewer, caseStudy.organisationId)) : [];
  // The event's key topics first when the case study answers an event's call, then every other topic.
  const eventTopics = caseStudy.event ? getEventBySlug(viewer, caseStudy.event.slug, locale).topics : [];
  const topicKeys = [...eventTopics, ...getTaxonomy(locale).topics.map((topic) => topic.value).filter((key) => !eventTopics.includes(key))];
  const commentsOn = (key: SectionKey | null) => caseStudy.reviewComments.filter((comment) => comment.sectionKey === key);
  const generalComments = commentsOn(null);

  const attachmentNotice =
    query.attachment === 'added' || query.attachment === 'deleted'
      ? { status: 'ok' as const, message: tAttachments(query.attachment) }
      : query.attachmentError
        ? { status: 'error' as const, message: isAttachmentErrorCode(query.attachmentError) ? tErrors(query.attachmentError) : tAttachments('error') }
        : undefined;

  const labels: CaseStudyEditorLabels = {
    summaryTitle: t('completeness.title'),
    summaryCount: tCompleteness.raw('summary') as string,
    allWritten: t('completeness.allWritten'),
    someMissing: t.raw('completeness.someMissing') as string,
    thinHint: t('completeness.thinHint', { words: thinSectionWords }),
    section: {
      editor: {
        toolbar: t('toolbar.label'),
        bold: t('toolbar.bold'),
        italic: t('toolbar.italic'),
        heading2: t('toolbar.heading2'),
        heading3: t('toolbar.heading3'),
        bulletList: t('toolbar.bulletList'),
        orderedList: t('toolbar.orderedList'),
        blockquote: t('toolbar.blockquote'),
        link: t('toolbar.link'),
        removeLink: t('toolbar.removeLink'),
        undo: t('toolbar.undo'),
        redo: t('toolbar.redo'),
        linkAddress: t('toolbar.linkAddress'),
        linkApply: t('toolbar.linkApply'),
        linkCancel: t('toolbar.linkCancel'),
        linkInvalid: t('toolbar.linkInvalid'),
      },
      completeness: { missing: tCompleteness('missing'), thin: tCompleteness('thin'), complete: tCompleteness('complete') },
      // Templates with {placeholders} are filled in the browser, which carries no message catalogue.
      wordsOne: t.raw('words.one') as string,
      wordsOther: t.raw('words.other') as string,
      loading: t('save.loading'),
      saving: t('save.saving'),
      savedAt: t.raw('save.savedAt') as string,
      offline: t('save.offline'),
      unreachable: t('save.unreachable'),
      notSaved: t.raw('save.notSaved') as string,
      conflict: t('save.conflict'),
      restored: t('save.restored'),
      theirsLoaded: t('save.theirsLoaded'),
      notKeptOnDevice: t('save.notKeptOnDevice'),
      conflictByName: t.raw('conflict.byName') as string,
      conflictBySomeone: t.raw('conflict.bySomeone') as string,
      theirVersion: t('conflict.theirs'),
      yourVersion: t('conflict.yours'),
      keepMine: t('conflict.keepMine'),
      useTheirs: t('conflict.useTheirs'),
      confirmDiscard: t('conflict.confirmDiscard'),
      confirmDiscardYes: t('conflict.confirmDiscardYes'),
      cancel: t('conflict.cancel'),
      copyMine: t('conflict.copyMine'),
      copied: t('conflict.copied'),
      copyFailed: t('conflict.copyFailed'),
    },
  };

  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <StatusBadge status={caseStudy.status} />
        <h1 lang={caseStudy.language}>{caseStudy.title}</h1>
        <p className="muted">{caseStudy.organisation?.name}</p>
        <nav className="flex flex-wrap gap-3 text-sm">
          <Link href={`/case-studies/${caseStudy.id}`}>{t('read')}</Link>
          <Link href={`/case-studies/${caseStudy.id}/history`}>{t('history')}</Link>
        </nav>
      </header>

      <div className="card space-y-2 text-sm">
        <p>{t('invitation')}</p>
        <p className="font-medium">{t('safetyReminder')}</p>
        <p className="muted">{t('autosaveNote')}</p>
      </div>

      {generalComments.length ? (
        <section aria-labelledby="general-comments-heading" className="space-y-2">
          <h2 id="general-comments-heading">{t('generalComments')}</h2>
          <ReviewComments comments={generalComments} />
        </section>
      ) : null}

      {/* Collapsed: the details were given when the case study was started, and on a phone the writing comes first. */}
      <details className="card group">
        <summary className="cursor-pointer">
          <h2 className="inline">{t('details.title')}</h2>
        </summary>
        <div className="mt-4">
          <ActionForm action={updateMetadataAction} submitLabel={t('details.save')} pendingLabel={t('details.saving')}>
            <Hidden name="caseStudyId" value={caseStudy.id} />
            <Hidden name="baseVersion" value={String(caseStudy.version)} />
            <MetadataFields
              locale={locale}
              topicKeys={topicKeys}
              defaults={{
                title: caseStudy.title,
                summary: caseStudy.summary,
                language: caseStudy.language,
                countries: caseStudy.countries,
                populations: caseStudy.populations,
                topics: caseStudy.topics,
                freeTags: caseStudy.freeTags,
              }}
            />
            {canChooseAuthors ? (
              <div className="space-y-1">
                <CheckboxGroupField
                  name="coAuthorIds"
                  label={t('details.coAuthors')}
                  options={members.map((member) => ({ value: member.id, label: member.displayName }))}
                  defaultValues={caseStudy.authors.map((author) => author.id)}
                />
                <p className="text-xs text-stone-600">{t('details.coAuthorsHint', { organisation: caseStudy.organisation?.name ?? '' })}</p>
              </div>
            ) : (
              <p className="text-sm">
                <span className="font-medium">{t('details.coAuthors')}: </span>
                {caseStudy.authors.map((author) => author.displayName).join(', ')}
              </p>
            )}
          </ActionForm>
        </div>
      </details>

      <CaseStudyEditor
        caseStudyId={caseStudy.id}
        locale={locale}
        labels={labels}
        sections={caseStudy.sections.map((section) => {
          const comments = commentsOn(section.key);
          return {
            key: section.key,
            heading: tSections(section.key),
            guidance: t(`guidance.${section.key}`),
            content: section.content,
            version: section.version,
            comments: comments.length ? <ReviewComments comments={comments} /> : undefined,
          };
        })}
      />

      <section aria-labelledby="attachments-heading" className="card space-y-3">
        <h2 id="attachments-heading">{tAttachments('title')}</h2>
        {caseStudy.attachments.length ? (
          <ul className="space-y-2 text-sm">
            {caseStudy.attachments.map((attachment) => (
              <li key={attachment.id} className="flex flex-wrap items-center gap-3">
                <a href={`/api/attachments/${attachment.id}`} download>
                  {attachment.fileName}
                </a>
                <ActionForm action={deleteAttachmentAction} submitLabel={tAttachments('deleteNamed', { fileName: attachment.fileName })} submitClassName="button-danger" className="inline">
                  <Hidden name="attachmentId" value={attachment.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{tAttachments('none')}</p>
        )}
        <AttachmentUpload
          caseStudyId={caseStudy.id}
          notice={attachmentNotice}
          labels={{
            file: tAttachments('fileLabel'),
            hint: tAttachments('hint', { maxMegabytes: maxAttachmentBytes / 1024 / 1024, maxFiles: maxAttachmentsPerCaseStudy }),
            submit: tAttachments('upload'),
          }}
        />
      </section>

      {/* The lifecycle (submit, publish, withdraw…): the lead's component, shared with the reading page. */}
      <WorkflowPanel caseStudy={caseStudy} />
    </div>
  );
}
