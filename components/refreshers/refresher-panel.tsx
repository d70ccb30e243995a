import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MonthsAfterField } from '@/components/events/months-after-field';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, TextField } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { formatDay } from '@/lib/format';
import { cancelRefresherAction, scheduleRefreshersAction } from '@/lib/notifications/refresher-actions';
import { defaultRefresherMonths, listRefreshers } from '@/lib/notifications/refreshers';
import { can } from '@/lib/policy/rules';
import type { Locale, MaybeViewer } from '@/lib/policy/types';

type EventRef = { id: string; visibility: 'public' | 'members'; endsOn: string };

/**
 * The event's refreshers, for those who run its follow-up (its facilitators and admins): what is planned
 * or sent, cancelling, and scheduling more. Renders nothing for anyone else.
 */
export async function RefresherPanel({ viewer, event, locale }: { viewer: MaybeViewer; event: EventRef; locale: Locale }) {
  if (!can(viewer, 'event.manageFollowUp', { id: event.id, visibility: event.visibility })) return null;
  const t = await getTranslations('refreshers');
  const refreshers = listRefreshers(viewer, event.id);
  const day = (isoDay: string) => formatDay(isoDay, locale);
  return (
    <section aria-labelledby="refreshers-heading" className="card no-print space-y-4">
      <div className="space-y-1">
        <h2 id="refreshers-heading">{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </div>
      {refreshers.length ? (
        <DataTable caption={t('listCaption')} headers={[t('day'), t('afterEvent'), t('status'), t('actions')]}>
          {refreshers.map((refresher) => (
            <tr key={refresher.id}>
              <td className="whitespace-nowrap">{day(refresher.sendOn)}</td>
              <td>{refresher.monthsAfter !== null ? t('monthsAfter', { count: refresher.monthsAfter }) : t('chosenDay')}</td>
              <td>
                {refresher.cancelledAt
                  ? t('statusCancelled')
                  : refresher.sentAt
                    ? t('statusSent', { date: day(refresher.sentAt.toISOString().slice(0, 10)) })
                    : t('statusScheduled')}
              </td>
              <td>
                <div className="flex flex-wrap items-center gap-2">
                  {refresher.cancelledAt ? null : <Link href={`/refreshers/${refresher.id}`}>{t('preview')}</Link>}
                  {refresher.cancelledAt || refresher.sentAt ? null : (
                    <ActionButton action={cancelRefresherAction} fields={{ refresherId: refresher.id }} className="button-danger">
                      {t('cancel')}
                    </ActionButton>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      <div className="space-y-2 border-t border-stone-200 pt-3">
        <h3 className="font-semibold">{t('scheduleHeading')}</h3>
        <ActionForm action={scheduleRefreshersAction} submitLabel={t('schedule')} pendingLabel={t('scheduling')}>
          <Hidden name="eventId" value={event.id} />
          <MonthsAfterField endsOn={event.endsOn} months={defaultRefresherMonths} locale={locale} label={t('defaultDays')} hint={t('defaultDaysHint')} optionLabel={(count, date) => t('monthOption', { count, date })} />
          <TextField name="sendOn" type="date" label={t('customDay')} hint={t('customDayHint')} />
        </ActionForm>
      </div>
    </section>
  );
}
