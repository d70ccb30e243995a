import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { getViewer } from '@/lib/auth/viewer';
import { listEmailsForAdmin } from '@/lib/email/queries';
import { loadOr404 } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.emails'))('title') };
}

export default async function AdminEmailsPage() {
  const viewer = await getViewer();
  const emails = await loadOr404(() => listEmailsForAdmin(viewer));
  const [t, format] = await Promise.all([getTranslations('admin.emails'), getFormatter()]);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted max-w-2xl">{t('intro')}</p>
      </div>
      {emails.length ? (
        <DataTable headers={[t('when'), t('recipient'), t('kind'), t('subject'), t('transport'), '']}>
          {emails.map((email) => (
            <tr key={email.id}>
              <td className="whitespace-nowrap">{format.dateTime(email.createdAt, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}</td>
              <td>
                {email.recipientName ?? t('deletedAccount')}
                <span className="block text-xs text-stone-600">{email.recipientAddress}</span>
              </td>
              <td>{t(`kinds.${email.kind}`)}</td>
              <td>{email.subject}</td>
              <td>{email.sentAt && email.transport ? t(email.transport) : t('notSent')}</td>
              <td>
                <Link href={`/admin/emails/${email.id}`}>{t('view')}</Link>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
    </div>
  );
}
