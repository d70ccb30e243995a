import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, SelectField } from '@/components/ui/action-form';
import { linkSessionCaseStudyAction, unlinkSessionCaseStudyAction } from '@/lib/synthesis/actions';
import type { ProgrammeCaseStudy } from '@/lib/synthesis/queries';

/**
 * The case studies presented in one programme session (those the viewer may read), so a theme's evidence
 * can say where it surfaced; for those who manage the programme, link or unlink one of the event's.
 */
export async function SessionCaseStudies({ sessionId, presented, linkable, canManage }: { sessionId: string; presented: ProgrammeCaseStudy[]; linkable: ProgrammeCaseStudy[]; canManage: boolean }) {
  const choices = canManage ? linkable.filter((caseStudy) => !presented.some((shown) => shown.id === caseStudy.id)) : [];
  if (!presented.length && !choices.length) return null;
  const t = await getTranslations('synthesis.programme');
  return (
    <div className="w-full space-y-1 text-sm">
      {presented.length ? (
        <ul aria-label={t('presented')} className="list-disc space-y-0.5 pl-5">
          {presented.map((caseStudy) => (
            <li key={caseStudy.id}>
              <Link href={`/case-studies/${caseStudy.id}`} lang={caseStudy.language}>
                {caseStudy.title}
              </Link>
              {canManage ? (
                <>
                  {' '}
                  <ActionButton action={unlinkSessionCaseStudyAction} fields={{ sessionId, caseStudyId: caseStudy.id }} className="link-button text-xs">
                    {t('unlink')}
                    <span className="sr-only"> {caseStudy.title}</span>
                  </ActionButton>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {choices.length ? (
        <details className="no-print">
          <summary className="link-button inline text-xs">{t('link')}</summary>
          <div className="mt-2 max-w-md">
            <ActionForm action={linkSessionCaseStudyAction} submitLabel={t('linkSubmit')} submitClassName="button-secondary" className="space-y-2">
              <Hidden name="sessionId" value={sessionId} />
              <SelectField name="caseStudyId" label={t('caseStudy')} required defaultValue="" options={[{ value: '', label: t('choose') }, ...choices.map((caseStudy) => ({ value: caseStudy.id, label: caseStudy.title }))]} />
            </ActionForm>
          </div>
        </details>
      ) : null}
    </div>
  );
}
