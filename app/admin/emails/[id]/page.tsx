import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { getEmailForAdmin } from '@/lib/email/queries';
import { loadOr404 } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.emails'))('title') };
}

/** One email: its details and, if it carried no member content, its text version (as text: React escapes it; stored HTML is never rendered). */
export default async function AdminEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer] = await Promise.all([params, getViewer()]);
  const email = await loadOr404(() => getEmailForAdmin(viewer, id));
  const [t, format] = await Promise.all([getTranslations('admin.emails'), getFormatter()]);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/admin/emails" className="text-sm">
        {t('back')}
      </Link>
      <h1 className="break-words">{email.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t('when')}</dt>
        <dd>{format.dateTime(email.createdAt, { dateStyle: 'medium', timeStyle: 'long' })}</dd>
        <dt className="font-medium">{t('recipient')}</dt>
        <dd>
          {email.recipientName ?? t('deletedAccount')} · {email.recipientAddress}
        </dd>
        <dt className="font-medium">{t('kind')}</dt>
        <dd>{t(`kinds.${email.kind}`)}</dd>
        <dt className="font-medium">{t('transport')}</dt>
        <dd className="break-all">
          {email.sentAt && email.transport ? t(email.transport) : t('notSent')}
          {email.file ? <span className="block font-mono text-xs text-stone-600">{email.file}</span> : null}
        </dd>
      </dl>
      <section aria-labelledby="email-text-heading" className="space-y-2">
        <h2 id="email-text-heading">{t('textVersion')}</h2>
        {email.text === null ? (
          <p className="muted">{t('withheld')}</p>
        ) : (
          <pre className="card overflow-x-auto whitespace-pre-wrap break-words text-sm">{email.text}</pre>
        )}
      </section>
    </div>
  );
}
