import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listMembersForAdmin } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
import { loadOr404 } from '@/lib/pages';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.members'))('title') };
}

export default async function AdminMembersPage() {
  const viewer = await getViewer();
  const members = await loadOr404(() => listMembersForAdmin(viewer));
  const [t, tEnums] = await Promise.all([getTranslations('admin.members'), getTranslations('enums')]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t('title')}</h1>
        <Link href="/admin/invites" className="button-secondary hover:no-underline">
          {t('invite')}
        </Link>
      </div>
      <p className="muted">{t('intro')}</p>
      <DataTable headers={[t('displayName'), t('username'), t('siteRole'), t('organisations'), t('email'), t('status')]}>
            {members.map((member) => (
              <tr key={member.id} className={member.isDisabled ? 'text-stone-500' : undefined}>
                <td>
                  <Link href={`/admin/members/${member.id}`} className="font-medium">
                    {member.displayName}
                  </Link>
                  {member.id === viewer?.userId ? <span className="tag ml-2">{t('you')}</span> : null}
                </td>
                <td className="font-mono text-xs">{member.username}</td>
                <td>{tEnums(`siteRole.${member.siteRole}`)}</td>
                <td>
                  {member.memberships.length ? (
                    <ul>
                      {member.memberships.map((membership) => (
                        <li key={membership.organisationId}>
                          {membership.organisationName} <span className="muted">({tEnums(`organisationRole.${membership.role}`)})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t('noMemberships')}</span>
                  )}
                </td>
                <td>{member.hasEmail ? t('emailSet') : t('emailNotSet')}</td>
                <td>{member.isDisabled ? <span className="tag bg-red-50 text-red-800">{t('disabled')}</span> : t('active')}</td>
              </tr>
            ))}
          </DataTable>
    </div>
  );
}
