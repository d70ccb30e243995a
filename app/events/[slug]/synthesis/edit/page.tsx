import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDocumentEditorLabels } from '@/components/rich-text/editor-labels';
import { RichTextField } from '@/components/rich-text/rich-text-field';
import { ActionForm, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import { requireViewer } from '@/lib/auth/viewer';
import { findEventRef } from '@/lib/events/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { saveSynthesisReportAction } from '@/lib/synthesis/actions';
import { getSynthesisReport } from '@/lib/synthesis/queries';
import { synthesisVisibilities } from '@/lib/synthesis/schemas';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('synthesis.reportEdit'))('title'), robots: { index: false } };
}

/** Writing an event's synthesis report (its synthesis group only): title and narrative in both languages. */
export default async function EditSynthesisReportPage({ params }: Props) {
  const [{ slug }, locale] = await Promise.all([params, getAppLocale()]);
  const viewer = await requireViewer(`/events/${slug}/synthesis/edit`);
  const synthesis = await loadOr404(() => getSynthesisReport(viewer, findEventRef(viewer, slug).id, locale));
  const [t, tVisibility] = await Promise.all([getTranslations('synthesis.reportEdit'), getTranslations('enums.visibility')]);
  const back = `/events/${synthesis.event.slug}/synthesis`;
  if (!synthesis.editable) {
    return (
      <div className="max-w-xl space-y-3">
        <h1>{synthesis.report?.title || synthesis.event.title}</h1>
        <p>{t('notAllowed')}</p>
        <Link href={back}>{t('back')}</Link>
      </div>
    );
  }
  const editable = synthesis.editable;
  const editorLabels = await getDocumentEditorLabels();
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={back}>{t('back')}</Link>
      </p>
      <h1>{t('heading', { event: synthesis.event.title })}</h1>
      <p className="muted">{editable.isPublished ? t('publishedNote') : t('draftNote')}</p>
      <ActionForm action={saveSynthesisReportAction} submitLabel={t('save')} pendingLabel={t('saving')}>
        <Hidden name="eventId" value={synthesis.event.id} />
        {editable.version !== null ? <Hidden name="baseVersion" value={String(editable.version)} /> : null}
        <TextField name="titleEn" label={t('titleEn')} maxLength={200} defaultValue={editable.titleEn} />
        <TextField name="titleFr" label={t('titleFr')} maxLength={200} defaultValue={editable.titleFr} />
        <SelectField name="visibility" label={t('visibility')} defaultValue={editable.visibility} options={synthesisVisibilities.map((value) => ({ value, label: tVisibility(value) }))} />
        <RichTextField name="narrativeEn" label={t('narrativeEn')} lang="en" initialContent={editable.narrativeEn} labels={editorLabels} />
        <RichTextField name="narrativeFr" label={t('narrativeFr')} lang="fr" initialContent={editable.narrativeFr} labels={editorLabels} />
      </ActionForm>
    </div>
  );
}
