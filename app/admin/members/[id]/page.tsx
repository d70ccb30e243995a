import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AdminTwoFactorSection } from '@/components/two-factor/admin-two-factor-section';
import { ActionForm, Hidden, SelectField } from '@/components/ui/action-form';
import { setDisabledAction, setMembershipAction, setSiteRoleAction } from '@/lib/accounts/actions';
import { listMembersForAdmin } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
import { listOrganisationChoices } from '@/lib/organisations/queries';
import { loadOr404 } from '@/lib/pages';
import { organisationRoles, siteRoles } from '@/lib/policy/types';
import { getMemberTwoFactorStatus } from '@/lib/two-factor/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.members'))('manageTitle') };
}

export default async function AdminMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer] = await Promise.all([params, getViewer()]);
  const { members, organisations } = await loadOr404(() => ({ members: listMembersForAdmin(viewer), organisations: listOrganisationChoices(viewer) }));
  const member = members.find((candidate) => candidate.id === id);
  if (!member) notFound();
  const [t, tEnums, tCommon, format] = await Promise.all([getTranslations('admin.members'), getTranslations('enums'), getTranslations('common'), getFormatter()]);
  const isSelf = member.id === viewer?.userId;
  const twoFactor = getMemberTwoFactorStatus(viewer, member.id);
  const organisationRoleOptions = organisationRoles.map((role) => ({ value: role, label: tEnums(`organisationRole.${role}`) }));
  const otherOrganisations = organisations.filter((organisation) => !member.memberships.some((membership) => membership.organisationId === organisation.id));
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-1">
        <Link href="/admin/members" className="text-sm">
          {t('back')}
        </Link>
        <h1>
          {member.displayName}
          {isSelf ? <span className="tag ml-2 align-middle">{t('you')}</span> : null}
        </h1>
        <p className="muted">
          {t('summary', { username: member.username, date: format.dateTime(member.createdAt, { dateStyle: 'medium' }) })} ·{' '}
          {member.hasEmail ? t('emailSet') : t('emailNotSet')}
        </p>
        {member.isDisabled ? <p className="tag bg-red-50 text-red-800">{t('disabled')}</p> : null}
      </div>

      {/* Not a named region: its only control already carries the name "Site role". */}
      <section className="card space-y-3">
        <h2>{t('siteRole')}</h2>
        {isSelf ? (
          <p className="muted">
            {tEnums(`siteRole.${member.siteRole}`)}. {t('selfHint')}
          </p>
        ) : (
          <ActionForm action={setSiteRoleAction} submitLabel={t('saveRole')} pendingLabel={tCommon('saving')} submitClassName="button-secondary">
            <Hidden name="userId" value={member.id} />
            <SelectField
              name="siteRole"
              label={t('siteRole')}
              hint={t('siteRoleHint')}
              defaultValue={member.siteRole}
              options={siteRoles.map((role) => ({ value: role, label: tEnums(`siteRole.${role}`) }))}
            />
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="memberships-heading" className="card space-y-4">
        <h2 id="memberships-heading">{t('organisations')}</h2>
        {member.memberships.length ? (
          <ul className="space-y-3">
            {member.memberships.map((membership) => (
              <li key={membership.organisationId} className="border-b border-stone-200 pb-3 last:border-b-0">
                <ActionForm action={setMembershipAction} submitLabel={t('saveMembership')} pendingLabel={tCommon('saving')} submitClassName="button-secondary" className="space-y-2">
                  <Hidden name="userId" value={member.id} />
                  <Hidden name="organisationId" value={membership.organisationId} />
                  <SelectField
                    name="role"
                    label={t('roleIn', { organisation: membership.organisationName })}
                    defaultValue={membership.role}
                    options={[...organisationRoleOptions, { value: 'none', label: t('roleNone') }]}
                  />
                </ActionForm>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noMemberships')}</p>
        )}
        {otherOrganisations.length ? (
          <div className="space-y-2 border-t border-stone-200 pt-4">
            <h3 className="font-semibold">{t('addMembership')}</h3>
            <ActionForm action={setMembershipAction} submitLabel={t('addMembershipSubmit')} pendingLabel={tCommon('saving')} submitClassName="button-secondary" className="space-y-3">
              <Hidden name="userId" value={member.id} />
              <SelectField name="organisationId" label={t('organisation')} options={otherOrganisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))} />
              <SelectField name="role" label={t('role')} defaultValue="member" options={organisationRoleOptions} />
            </ActionForm>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="access-heading" className="card space-y-3">
        <h2 id="access-heading">{t('access')}</h2>
        {isSelf ? (
          <p className="muted">{t('selfHint')}</p>
        ) : member.isDisabled ? (
          <>
            <p className="muted">{t('enableHint')}</p>
            <ActionForm action={setDisabledAction} submitLabel={t('enable')} submitClassName="button-secondary">
              <Hidden name="userId" value={member.id} />
            </ActionForm>
          </>
        ) : (
          <>
            <p className="muted">{t('disableHint')}</p>
            <ActionForm action={setDisabledAction} submitLabel={t('disable')} submitClassName="button-danger">
              <Hidden name="userId" value={member.id} />
              <Hidden name="isDisabled" value="on" />
            </ActionForm>
          </>
        )}
      </section>

      <AdminTwoFactorSection memberId={member.id} isEnabled={twoFactor.isEnabled} isSelf={isSelf} />
    </div>
  );
}
