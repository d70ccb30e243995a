import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ContactDetails } from '@/components/directory/contact-details';
import { ConnectionReasons, dayOf, MemberName } from '@/components/directory/connection-summary';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import { connectionOutcomes } from '@/db/schema/directory';
import { requireViewer } from '@/lib/auth/viewer';
import { recordConnectionOutcomeAction, respondToConnectionAction, withdrawConnectionAction } from '@/lib/directory/actions';
import { listConnections } from '@/lib/directory/queries';
import { getAppLocale } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('directory.connections'))('title'), robots: { index: false } };
}

/**
 * The member's connections: requests waiting for their answer, requests they sent, accepted connections
 * with the contact details the other chose to share and what came of them, and the whole log.
 */
export default async function ConnectionsPage() {
  const viewer = await requireViewer('/connections');
  const locale = await getAppLocale();
  const [t, tReasons, tOutcomes, tCommon] = await Promise.all([
    getTranslations('directory.connections'),
    getTranslations('framework.connectionReason'),
    getTranslations('framework.connectionOutcome'),
    getTranslations('common'),
  ]);
  const { incoming, sent, accepted, log } = listConnections(viewer);
  const day = (date: Date) => dayOf(date, locale);
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <Link href="/directory" className="text-sm">
          {t('findMembers')}
        </Link>
      </div>

      <section aria-labelledby="incoming-heading" className="space-y-3">
        <h2 id="incoming-heading">{t('incoming')}</h2>
        {incoming.length ? (
          <ul className="space-y-3">
            {incoming.map((entry) => (
              <li key={entry.id} className="card space-y-2" aria-label={t('requestFrom', { name: entry.other.displayName })}>
                <p>
                  {t.rich('incomingLine', { name: entry.other.displayName, member: () => <MemberName member={entry.other} /> })}{' '}
                  <span className="muted">· {day(entry.createdAt)}</span>
                </p>
                <ConnectionReasons entry={entry} />
                <p className="muted">{t('acceptHint')}</p>
                <div className="flex flex-wrap gap-2">
                  <ActionButton action={respondToConnectionAction} fields={{ connectionId: entry.id, response: 'accept' }} className="button-primary">
                    {t('accept')}
                  </ActionButton>
                  <ActionButton action={respondToConnectionAction} fields={{ connectionId: entry.id, response: 'decline' }}>
                    {t('decline')}
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noIncoming')}</p>
        )}
      </section>

      <section aria-labelledby="accepted-heading" className="space-y-3">
        <h2 id="accepted-heading">{t('accepted')}</h2>
        {accepted.length ? (
          <ul className="space-y-3">
            {accepted.map((entry) => (
              <li key={entry.id} className="card space-y-3" aria-label={t('connectionWith', { name: entry.other.displayName })}>
                <p>
                  {t.rich('acceptedLine', { name: entry.other.displayName, member: () => <MemberName member={entry.other} /> })}{' '}
                  <span className="muted">· {t('since', { date: day(entry.respondedAt ?? entry.createdAt) })}</span>
                </p>
                {entry.contact ? <ContactDetails name={entry.other.displayName} contact={entry.contact} /> : null}
                <div className="space-y-1">
                  <h3 className="text-sm font-semibold">{t('outcomes')}</h3>
                  {entry.outcomes.length ? (
                    <ul className="space-y-1 text-sm">
                      {entry.outcomes.map((outcome) => (
                        <li key={outcome.id}>
                          <span className="font-medium">{tOutcomes(outcome.outcome)}</span>
                          {outcome.note ? <span className="whitespace-pre-line"> – <span lang="">{outcome.note}</span></span> : null}{' '}
                          <span className="muted">
                            · {outcome.isMine ? t('recordedByYou', { date: day(outcome.createdAt) }) : t('recordedBy', { name: outcome.recordedBy ?? t('someone'), date: day(outcome.createdAt) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('noOutcomes')}</p>
                  )}
                </div>
                <details className="border-t border-stone-200 pt-2">
                  <summary className="link-button text-sm">{t('recordOutcome')}</summary>
                  <ActionForm action={recordConnectionOutcomeAction} submitLabel={t('saveOutcome')} pendingLabel={tCommon('saving')} className="mt-2 space-y-3">
                    <Hidden name="connectionId" value={entry.id} />
                    <SelectField name="outcome" label={t('outcome')} options={[{ value: '', label: t('chooseOutcome') }, ...connectionOutcomes.map((outcome) => ({ value: outcome, label: tOutcomes(outcome) }))]} required />
                    <TextField name="note" label={t('note')} hint={t('noteHint')} multiline maxLength={500} />
                  </ActionForm>
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noAccepted')}</p>
        )}
      </section>

      <section aria-labelledby="sent-heading" className="space-y-3">
        <h2 id="sent-heading">{t('sent')}</h2>
        {sent.length ? (
          <ul className="space-y-3">
            {sent.map((entry) => (
              <li key={entry.id} className="card space-y-2" aria-label={t('requestTo', { name: entry.other.displayName })}>
                <p>
                  {t.rich('sentLine', { name: entry.other.displayName, member: () => <MemberName member={entry.other} /> })}{' '}
                  <span className="muted">· {day(entry.createdAt)}</span>
                </p>
                <p className="text-sm">
                  <span className="tag">{t(`status.${entry.status}`)}</span>
                </p>
                <ConnectionReasons entry={entry} />
                {entry.status === 'pending' ? (
                  <ActionButton action={withdrawConnectionAction} fields={{ connectionId: entry.id }}>
                    {t('withdraw')}
                  </ActionButton>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noSent')}</p>
        )}
      </section>

      <section aria-labelledby="log-heading" className="space-y-3">
        <h2 id="log-heading">{t('log')}</h2>
        <p className="muted">{t('logIntro')}</p>
        {log.length ? (
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={t('log')}>
            {log.map((entry) => (
              <li key={entry.id} className="space-y-1 px-3 py-2 text-sm">
                <p>
                  <time dateTime={entry.createdAt.toISOString()} className="font-medium">
                    {day(entry.createdAt)}
                  </time>{' '}
                  · {entry.direction === 'sent' ? t('logSent') : t('logReceived')} <MemberName member={entry.other} /> ·{' '}
                  {entry.respondedAt && entry.status !== 'pending' ? t('statusOn', { status: t(`status.${entry.status}`), date: day(entry.respondedAt) }) : t(`status.${entry.status}`)}
                </p>
                <p className="text-stone-700">
                  <span className="sr-only">{t('reasons')}: </span>
                  {entry.reasons.map((reason) => tReasons(reason)).join(' · ')}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('noLog')}</p>
        )}
      </section>
    </div>
  );
}
