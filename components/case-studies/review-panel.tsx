import { getTranslations } from 'next-intl/server';
import { ActionForm, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import { sectionKeys } from '@/db/schema/case-studies';
import { addReviewCommentAction } from '@/lib/case-studies/actions';
import type { CaseStudyDetail } from '@/lib/case-studies/queries';

/** Facilitators comment on one section or on the whole while a submission is under review. */
export async function ReviewPanel({ caseStudy }: { caseStudy: CaseStudyDetail }) {
  if (!caseStudy.abilities['caseStudy.review'] || caseStudy.status !== 'submitted') return null;
  const [t, tSections] = await Promise.all([getTranslations('caseStudies.review'), getTranslations('caseStudies.sections')]);
  return (
    <section aria-labelledby="review-heading" className="card no-print space-y-3">
      <h2 id="review-heading">{t('title')}</h2>
      <ActionForm action={addReviewCommentAction} submitLabel={t('add')} submitClassName="button-secondary">
        <Hidden name="caseStudyId" value={caseStudy.id} />
        <SelectField name="sectionKey" label={t('section')} defaultValue="" options={[{ value: '', label: t('whole') }, ...sectionKeys.map((key) => ({ value: key, label: tSections(key) }))]} />
        <TextField name="body" label={t('comment')} multiline required maxLength={4000} />
      </ActionForm>
    </section>
  );
}
