import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAuditEntries, listInviteCodes, listMembersForAdmin } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
import { listEventsForAdmin } from '@/lib/events/queries';
import { listOrganisationChoices } from '@/lib/organisations/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.audit'))('title') };
}

const adminPathOf: Record<string, string> = { organisation: '/admin/organisations', user: '/admin/members', event: '/admin/events' };

export default async function AdminAuditPage() {
  const viewer = await getViewer();
  const data = await loadOr404(() => ({
    entries: listAuditEntries(viewer),
    organisations: listOrganisationChoices(viewer),
    members: listMembersForAdmin(viewer),
    events: listEventsForAdmin(viewer),
    invites: listInviteCodes(viewer),
  }));
  const [t, format, locale] = await Promise.all([getTranslations('admin.audit'), getFormatter(), getAppLocale()]);
  // Entries store ids; show the names an admin knows them by, falling back to the id for anything deleted.
  const names = new Map<string, string>([
    ...data.organisations.map((organisation) => [organisation.id, organisation.name] as const),
    ...data.members.map((member) => [member.id, member.displayName] as const),
    ...data.events.map((event) => [event.id, locale === 'fr' ? event.titleFr : event.titleEn] as const),
    ...data.invites.map((invite) => [invite.id, t('inviteHint', { hint: invite.codeHint })] as const),
  ]);
  const describeDetail = (detail: string) => detail.split(/([=\s])/).map((token) => names.get(token) ?? token).join('');
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted max-w-2xl">{t('intro')}</p>
      </div>
      {data.entries.length ? (
        <DataTable headers={[t('when'), t('who'), t('action'), t('target'), t('detail')]}>
              {data.entries.map((entry) => {
                const targetName = names.get(entry.targetId);
                const targetPath = adminPathOf[entry.targetType];
                return (
                  <tr key={entry.id}>
                    <td className="whitespace-nowrap">{format.dateTime(entry.createdAt, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}</td>
                    <td>{entry.actorName ?? t('unknownActor')}</td>
                    <td>{t.has(`actions.${entry.action}`) ? t(`actions.${entry.action}`) : entry.action}</td>
                    <td>
                      <span className="muted">{t.has(`targetTypes.${entry.targetType}`) ? t(`targetTypes.${entry.targetType}`) : entry.targetType}</span>{' '}
                      {targetName && targetPath ? <Link href={`${targetPath}/${entry.targetId}`}>{targetName}</Link> : <span className="break-all">{targetName ?? entry.targetId}</span>}
                    </td>
                    <td className="break-words text-xs text-stone-600">{describeDetail(entry.detail)}</td>
                  </tr>
                );
              })}
            </DataTable>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
    </div>
  );
}
