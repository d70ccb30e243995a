import { getTranslations } from 'next-intl/server';
import type { ConnectionContact } from '@/lib/directory/queries';

/** What another member chose to share with their accepted connections. */
export async function ContactDetails({ name, contact }: { name: string; contact: ConnectionContact }) {
  const t = await getTranslations('directory.contact');
  const isEmpty = !contact.contactDetails && !contact.email;
  return (
    <section aria-label={t('title', { name })} className="space-y-1 rounded border border-teal-200 bg-teal-50/60 p-3">
      <h3 className="text-sm font-semibold">{t('title', { name })}</h3>
      {contact.contactDetails ? <p className="whitespace-pre-line break-words text-sm">{contact.contactDetails}</p> : null}
      {contact.email ? (
        <p className="text-sm">
          {t('email')} <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </p>
      ) : null}
      {isEmpty ? <p className="muted">{t('none', { name })}</p> : null}
    </section>
  );
}
