import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxField, Hidden, RadioGroupField, TextField } from '@/components/ui/action-form';
import {
  acceptCaseStudyAction,
  archiveCaseStudyAction,
  publishCaseStudyAction,
  reopenCaseStudyAction,
  requestChangesAction,
  restoreCaseStudyAction,
  submitCaseStudyAction,
  unpublishCaseStudyAction,
  withdrawCaseStudyAction,
} from '@/lib/case-studies/actions';
import type { CaseStudyDetail } from '@/lib/case-studies/queries';
import { StatusBadge } from './status-badge';

/**
 * The lifecycle moves this viewer may make now, as plain forms (they work without JavaScript).
 * Which moves exist comes from the query (workflow + policy); this component only lays them out.
 */
export async function WorkflowPanel({ caseStudy }: { caseStudy: CaseStudyDetail }) {
  if (caseStudy.transitions.length === 0) return null;
  const [t, tPublish, tVisibility] = await Promise.all([getTranslations('caseStudies.workflow'), getTranslations('caseStudies.publish'), getTranslations('enums.visibility')]);
  const simple = {
    unpublish: { action: unpublishCaseStudyAction, label: t('unpublish'), danger: true },
    archive: { action: archiveCaseStudyAction, label: t('archive'), danger: false },
    restore: { action: restoreCaseStudyAction, label: t('restore'), danger: false },
    withdraw: { action: withdrawCaseStudyAction, label: t('withdraw'), danger: true },
    reopen: { action: reopenCaseStudyAction, label: t('reopen'), danger: false },
  } as const;
  const visibilityOptions = (['organisation', 'members', ...(caseStudy.event ? (['event'] as const) : []), 'public'] as const).map((value) => ({ value, label: tVisibility(value) }));
  return (
    <section aria-labelledby="workflow-heading" className="card no-print space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="workflow-heading">{t('title')}</h2>
        <StatusBadge status={caseStudy.status} />
      </div>
      {caseStudy.transitions.includes('submit') ? (
        <ActionForm action={submitCaseStudyAction} submitLabel={caseStudy.status === 'changes_requested' ? t('resubmit') : t('submit')}>
          <Hidden name="caseStudyId" value={caseStudy.id} />
          <p className="muted">{t('submitHint')}</p>
        </ActionForm>
      ) : null}
      {caseStudy.transitions.includes('requestChanges') ? (
        <ActionForm action={requestChangesAction} submitLabel={t('requestChanges')} submitClassName="button-secondary">
          <Hidden name="caseStudyId" value={caseStudy.id} />
          <TextField name="note" label={t('noteRequired')} multiline maxLength={2000} />
        </ActionForm>
      ) : null}
      {caseStudy.transitions.includes('accept') ? (
        <ActionForm action={acceptCaseStudyAction} submitLabel={t('accept')}>
          <Hidden name="caseStudyId" value={caseStudy.id} />
          <TextField name="note" label={t('note')} multiline maxLength={2000} />
        </ActionForm>
      ) : null}
      {caseStudy.transitions.includes('publish') ? (
        <ActionForm action={publishCaseStudyAction} submitLabel={t('publish')}>
          <Hidden name="caseStudyId" value={caseStudy.id} />
          <RadioGroupField name="visibility" label={tPublish('visibility')} options={visibilityOptions} defaultValue={caseStudy.visibility === 'private' ? 'organisation' : caseStudy.visibility} />
          <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="font-medium">{tPublish('safetyTitle')}</p>
            <p>{tPublish('safetyIntro')}</p>
            <ul className="my-2 list-disc pl-5">
              <li>{tPublish('safetyNames')}</li>
              <li>{tPublish('safetyPlaces')}</li>
              <li>{tPublish('safetyPhotos')}</li>
            </ul>
            <CheckboxField name="safetyConfirmed" label={tPublish('safetyConfirm')} />
          </div>
        </ActionForm>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {(Object.keys(simple) as (keyof typeof simple)[])
          .filter((transition) => caseStudy.transitions.includes(transition))
          .map((transition) => (
            <ActionForm key={transition} action={simple[transition].action} submitLabel={simple[transition].label} submitClassName={simple[transition].danger ? 'button-danger' : 'button-secondary'} className="space-y-2">
              <Hidden name="caseStudyId" value={caseStudy.id} />
            </ActionForm>
          ))}
      </div>
    </section>
  );
}
