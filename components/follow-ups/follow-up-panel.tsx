import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MonthsAfterField } from '@/components/events/months-after-field';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, TextField } from '@/components/ui/action-form';
import { addFollowUpQuestionAction, cancelFollowUpAction, removeFollowUpQuestionAction, scheduleFollowUpsAction } from '@/lib/follow-ups/actions';
import { listFollowUps, type ManagedFollowUp } from '@/lib/follow-ups/queries';
import { defaultFollowUpMonths, defaultOpenDays, maxQuestionLength } from '@/lib/follow-ups/schemas';
import { formatDay } from '@/lib/format';
import { can } from '@/lib/policy/rules';
import type { Locale, MaybeViewer } from '@/lib/policy/types';

type EventRef = { id: string; slug: string; visibility: 'public' | 'members'; endsOn: string };

/**
 * The event's follow-up surveys, for those who run its follow-up (its facilitators and admins): each
 * round's dates and response rate, its own questions, cancelling before invitations go out, and
 * scheduling more. Renders nothing for anyone else.
 */
export async function FollowUpPanel({ viewer, event, locale }: { viewer: MaybeViewer; event: EventRef; locale: Locale }) {
  if (!can(viewer, 'event.manageFollowUp', { id: event.id, visibility: event.visibility })) return null;
  const t = await getTranslations('followUps.panel');
  const rounds = listFollowUps(viewer, event.id);
  const day = (isoDay: string) => formatDay(isoDay, locale);
  const status = (round: ManagedFollowUp) =>
    round.status === 'cancelled'
      ? t('statusCancelled')
      : round.status === 'scheduled'
        ? t('statusScheduled')
        : t(round.status === 'open' ? 'statusOpen' : 'statusClosed', { answered: round.submittedCount, invited: round.invitedCount });
  return (
    <section aria-labelledby="follow-ups-panel-heading" className="card no-print space-y-4">
      <div className="space-y-1">
        <h2 id="follow-ups-panel-heading">{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
        {rounds.some((round) => round.status === 'open' || round.status === 'closed') ? (
          <p className="text-sm">
            <Link href={`/events/${event.slug}/impact`}>{t('dashboardLink')}</Link>
          </p>
        ) : null}
      </div>
      {rounds.length ? (
        <ul className="space-y-3" aria-label={t('listLabel')}>
          {rounds.map((round) => (
            <li key={round.id} className="space-y-2 rounded border border-stone-200 p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">
                  {t('roundTitle', { opens: day(round.opensOn), closes: day(round.closesOn) })}
                  <span className="muted font-normal"> · {round.monthsAfter !== null ? t('monthsAfter', { count: round.monthsAfter }) : t('chosenDay')}</span>
                </h3>
                <span className="tag">{status(round)}</span>
              </div>
              {round.questions.length ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium">{t('questions')}</p>
                  <ol className="list-decimal space-y-1 pl-5 text-sm">
                    {round.questions.map((question) => (
                      <li key={question.id}>
                        <span lang="en">{question.promptEn}</span>
                        <span className="muted block" lang="fr">
                          {question.promptFr}
                        </span>
                        {round.isEditable ? (
                          <ActionButton action={removeFollowUpQuestionAction} fields={{ questionId: question.id }} className="button-secondary mt-1">
                            {t('removeQuestion')}
                          </ActionButton>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </div>
              ) : null}
              {round.isEditable ? (
                <>
                  <details className="space-y-2">
                    <summary className="cursor-pointer text-sm font-medium text-teal-800">{t('addQuestion')}</summary>
                    {/* Keyed by the count: the form empties once a question is added. */}
                    <ActionForm key={round.questions.length} action={addFollowUpQuestionAction} submitLabel={t('addQuestionSubmit')} pendingLabel={t('adding')} className="space-y-3 pt-2">
                      <Hidden name="followUpId" value={round.id} />
                      <TextField name="promptEn" label={t('promptEn')} maxLength={maxQuestionLength} required multiline />
                      <TextField name="promptFr" label={t('promptFr')} maxLength={maxQuestionLength} required multiline />
                    </ActionForm>
                  </details>
                  <p className="muted">{t('cancelHint')}</p>
                  <ActionButton action={cancelFollowUpAction} fields={{ followUpId: round.id }} className="button-danger">
                    {t('cancel')}
                  </ActionButton>
                </>
              ) : round.status !== 'cancelled' ? (
                <p className="muted">{t('fixedOnceInvited')}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      <div className="space-y-2 border-t border-stone-200 pt-3">
        <h3 className="font-semibold">{t('scheduleHeading')}</h3>
        <ActionForm action={scheduleFollowUpsAction} submitLabel={t('schedule')} pendingLabel={t('scheduling')}>
          <Hidden name="eventId" value={event.id} />
          <MonthsAfterField endsOn={event.endsOn} months={defaultFollowUpMonths} locale={locale} label={t('defaultDays')} hint={t('defaultDaysHint')} optionLabel={(count, date) => t('monthOption', { count, date })} />
          <TextField name="opensOn" type="date" label={t('customDay')} hint={t('customDayHint')} />
          <TextField name="openDays" type="number" label={t('openDays')} hint={t('openDaysHint')} defaultValue={String(defaultOpenDays)} />
        </ActionForm>
      </div>
    </section>
  );
}
