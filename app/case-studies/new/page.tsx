import { getTranslations } from 'next-intl/server';
import { MetadataFields } from '@/components/case-studies/metadata-fields';
import { ActionForm, SelectField } from '@/components/ui/action-form';
import { requireViewer } from '@/lib/auth/viewer';
import { createCaseStudyAction } from '@/lib/case-studies/actions';
import { listOpenCallsForEditor } from '@/lib/case-studies/queries';
import { listOrganisationNames } from '@/lib/organisations/queries';
import { getAppLocale } from '@/lib/pages';
import { editorOrganisationIds } from '@/lib/policy/viewer-facts';

export async function generateMetadata() {
  return { title: (await getTranslations('caseStudies.new'))('title') };
}

export default async function NewCaseStudyPage({ searchParams }: { searchParams: Promise<{ call?: string }> }) {
  const viewer = await requireViewer('/case-studies/new');
  const [{ call }, locale, t] = await Promise.all([searchParams, getAppLocale(), getTranslations('caseStudies.new')]);
  const editorOf = editorOrganisationIds(viewer);
  if (!editorOf.length) {
    return (
      <div className="max-w-xl space-y-3">
        <h1>{t('title')}</h1>
        <p>{t('notEditor')}</p>
      </div>
    );
  }
  const organisations = listOrganisationNames(editorOf);
  const openCalls = listOpenCallsForEditor(viewer, locale);
  const chosenCall = openCalls.find((candidate) => candidate.id === call);
  return (
    <div className="max-w-2xl space-y-4">
      <h1>{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      <ActionForm action={createCaseStudyAction} submitLabel={t('create')} pendingLabel={t('creating')}>
        <SelectField name="organisationId" label={t('organisation')} defaultValue={chosenCall?.organisationIds[0] ?? organisations[0]?.id} options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))} />
        <SelectField name="callId" label={t('call')} defaultValue={chosenCall?.id ?? ''} options={[{ value: '', label: t('noCall') }, ...openCalls.map((openCall) => ({ value: openCall.id, label: openCall.event.title }))]} />
        <MetadataFields locale={locale} />
      </ActionForm>
    </div>
  );
}
