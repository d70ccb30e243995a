import { getFormatter, getTranslations } from 'next-intl/server';
import { inviteStatus } from '@/components/admin/invite-status';
import { ActionForm, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import { createInviteCodeAction, revokeInviteCodeAction } from '@/lib/accounts/actions';
import { listInviteCodes } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
import { listOrganisationChoices } from '@/lib/organisations/queries';
import { loadOr404 } from '@/lib/pages';
import { organisationRoles } from '@/lib/policy/types';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.invites'))('title') };
}

const statusClass = { active: 'tag bg-emerald-50 text-emerald-900', expired: 'tag', revoked: 'tag bg-red-50 text-red-800', usedUp: 'tag' } as const;

export default async function AdminInvitesPage() {
  const viewer = await getViewer();
  const { invites, organisations } = await loadOr404(() => ({ invites: listInviteCodes(viewer), organisations: listOrganisationChoices(viewer) }));
  const [t, tEnums, format] = await Promise.all([getTranslations('admin.invites'), getTranslations('enums'), getFormatter()]);
  const now = new Date();
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted max-w-2xl">{t('intro')}</p>
      </div>
      <section aria-labelledby="create-heading" className="max-w-2xl space-y-3">
        <h2 id="create-heading">{t('create')}</h2>
        <ActionForm action={createInviteCodeAction} submitLabel={t('createSubmit')} pendingLabel={t('creating')} resultLabel={t('resultLabel')} className="card space-y-4">
          <SelectField name="organisationId" label={t('organisation')} required options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))} />
          <SelectField name="role" label={t('role')} hint={t('roleHint')} defaultValue="member" options={organisationRoles.map((role) => ({ value: role, label: tEnums(`organisationRole.${role}`) }))} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="maxUses" label={t('maxUses')} type="number" required defaultValue="1" />
            <TextField name="expiresInDays" label={t('expiresInDays')} hint={t('expiresInDaysHint')} type="number" required defaultValue="14" />
          </div>
          <TextField name="note" label={t('note')} hint={t('noteHint')} maxLength={200} />
        </ActionForm>
        <p className="muted">{t('safeChannel')}</p>
      </section>
      <section aria-labelledby="existing-heading" className="space-y-3">
        <h2 id="existing-heading">{t('existing')}</h2>
        {invites.length ? (
          <DataTable headers={[t('code'), t('organisation'), t('role'), t('uses'), t('expires'), t('status'), <span className="sr-only">{t('actions')}</span>]}>
                {invites.map((invite) => {
                  const status = inviteStatus(invite, now);
                  return (
                    <tr key={invite.id}>
                      <td>
                        <span className="font-mono">{t('hint', { hint: invite.codeHint })}</span>
                        {invite.note ? <p className="muted">{invite.note}</p> : null}
                      </td>
                      <td>{invite.organisationName}</td>
                      <td>{tEnums(`organisationRole.${invite.role}`)}</td>
                      <td>{t('usesValue', { used: invite.useCount, max: invite.maxUses })}</td>
                      <td className="whitespace-nowrap">{format.dateTime(invite.expiresAt, { dateStyle: 'medium' })}</td>
                      <td>
                        <span className={statusClass[status]}>{t(`statuses.${status}`)}</span>
                      </td>
                      <td>
                        {status === 'active' ? (
                          <ActionForm action={revokeInviteCodeAction} submitLabel={t('revoke')} submitClassName="button-danger" className="space-y-2">
                            <Hidden name="inviteId" value={invite.id} />
                          </ActionForm>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
        ) : (
          <p className="muted">{t('none')}</p>
        )}
      </section>
    </div>
  );
}
