import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, CheckboxGroupField, Hidden, TextField } from '@/components/ui/action-form';
import { connectionReasons } from '@/db/schema/directory';
import { requestConnectionAction, respondToConnectionAction, withdrawConnectionAction } from '@/lib/directory/actions';
import type { getConnectionPanel } from '@/lib/directory/queries';
import { formatDay } from '@/lib/format';
import type { Locale } from '@/lib/policy/types';
import { ContactDetails } from './contact-details';

type Panel = NonNullable<ReturnType<typeof getConnectionPanel>>;

/**
 * Connecting with a member from their profile: the request form (reasons and a message, never contact
 * details), where a request stands, or, once accepted, the contact details they chose to share.
 */
export async function ConnectPanel({ member, panel, locale }: { member: { id: string; displayName: string }; panel: Panel; locale: Locale }) {
  const [t, tReasons] = await Promise.all([getTranslations('directory.connect'), getTranslations('framework.connectionReason')]);
  const { connection } = panel;
  const day = (date: Date) => formatDay(date.toISOString().slice(0, 10), locale);
  return (
    <section aria-labelledby="connect-heading" className="card space-y-3">
      <h2 id="connect-heading">{t('title')}</h2>
      {connection?.status === 'accepted' ? (
        <>
          <p className="text-sm">{t('connected', { name: member.displayName })}</p>
          {panel.contact ? <ContactDetails name={member.displayName} contact={panel.contact} /> : null}
          <Link href="/connections" className="text-sm">
            {t('recordOutcome')}
          </Link>
        </>
      ) : connection?.direction === 'sent' ? (
        <>
          <p role="status" className="text-sm">
            {t('pendingSent', { name: member.displayName, date: day(connection.createdAt) })}
          </p>
          <ActionButton action={withdrawConnectionAction} fields={{ connectionId: connection.id }}>
            {t('withdraw')}
          </ActionButton>
        </>
      ) : connection ? (
        <>
          <p className="text-sm">{t('pendingReceived', { name: member.displayName, date: day(connection.createdAt) })}</p>
          <div className="flex flex-wrap gap-2">
            <ActionButton action={respondToConnectionAction} fields={{ connectionId: connection.id, response: 'accept' }} className="button-primary">
              {t('accept')}
            </ActionButton>
            <ActionButton action={respondToConnectionAction} fields={{ connectionId: connection.id, response: 'decline' }}>
              {t('decline')}
            </ActionButton>
          </div>
          <Link href="/connections" className="text-sm">
            {t('seeRequest')}
          </Link>
        </>
      ) : panel.canRequest ? (
        <>
          <p className="muted">{t('intro', { name: member.displayName })}</p>
          <ActionForm action={requestConnectionAction} submitLabel={t('send')} pendingLabel={t('sending')}>
            <Hidden name="recipientId" value={member.id} />
            <CheckboxGroupField name="reasons" label={t('reasons')} hint={t('reasonsHint')} options={connectionReasons.map((reason) => ({ value: reason, label: tReasons(reason) }))} />
            <TextField name="message" label={t('message')} hint={t('messageHint', { name: member.displayName })} multiline maxLength={1000} />
          </ActionForm>
        </>
      ) : (
        <p className="muted">{t('notListed', { name: member.displayName })}</p>
      )}
    </section>
  );
}
