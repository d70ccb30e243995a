import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxGroupField, Hidden, TextField } from '@/components/ui/action-form';
import { getViewer } from '@/lib/auth/viewer';
import { createCallAction } from '@/lib/case-studies/actions';
import { listCallsForEvent } from '@/lib/case-studies/queries';
import { findEventRef } from '@/lib/events/queries';
import { formatDay } from '@/lib/format';
import { listOrganisations } from '@/lib/organisations/queries';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/policy/rules';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { params: Promise<{ slug: string }> };

/** An event's calls for case studies: facilitators open them and follow who has submitted. */
export default async function EventCallsPage({ params }: Props) {
  const [{ slug }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const event = await loadOr404(() => {
    const found = findEventRef(viewer, slug);
    if (!can(viewer, 'call.manage', found)) throw new AppError('not_found');
    return found;
  });
  const [t, tCommon] = await Promise.all([getTranslations('caseStudies.calls'), getTranslations('common')]);
  const calls = listCallsForEvent(viewer, event.id);
  const title = locale === 'fr' ? event.titleFr : event.titleEn;
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-1">
        <Link href={`/events/${event.slug}`} className="text-sm">
          ← {title}
        </Link>
        <h1>{t('title')}</h1>
      </div>
      <section aria-labelledby="calls-heading" className="space-y-2">
        {calls.length ? (
          <ul className="space-y-2">
            {calls.map((call) => (
              <li key={call.id} className="card flex flex-wrap items-baseline justify-between gap-2">
                <span>
                  {formatDay(call.opensOn, locale)} – {formatDay(call.deadline, locale)}
                </span>
                <Link href={`/events/${event.slug}/calls/${call.id}`}>{t('view')}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('none')}</p>
        )}
      </section>
      <section aria-labelledby="new-call-heading" className="space-y-3">
        <h2 id="new-call-heading">{t('new')}</h2>
        <ActionForm action={createCallAction} submitLabel={t('create')} pendingLabel={tCommon('saving')}>
          <Hidden name="eventId" value={event.id} />
          <TextField name="opensOn" label={t('opensOn')} type="date" required />
          <TextField name="deadline" label={t('deadline')} type="date" required />
          <TextField name="guidanceEn" label={t('guidanceEn')} multiline maxLength={4000} />
          <TextField name="guidanceFr" label={t('guidanceFr')} multiline maxLength={4000} />
          <CheckboxGroupField name="organisationIds" label={t('expected')} options={listOrganisations(viewer).map((organisation) => ({ value: organisation.id, label: organisation.name }))} />
        </ActionForm>
      </section>
    </div>
  );
}
