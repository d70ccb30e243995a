import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DirectoryProfileSection } from '@/components/directory/directory-profile-section';
import { OwnDataSection } from '@/components/own-data/own-data-section';
import { TwoFactorSection } from '@/components/two-factor/two-factor-section';
import { ActionForm, CheckboxField, RadioGroupField, SelectField, TextField } from '@/components/ui/action-form';
import { getOwnSettings } from '@/lib/accounts/queries';
import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from '@/lib/auth/actions';
import { requireViewer } from '@/lib/auth/viewer';
import { getOwnDirectoryProfile } from '@/lib/directory/queries';
import { updateEmailSettingsAction } from '@/lib/email/actions';
import { getEmailSettings } from '@/lib/email/queries';
import { emailFrequencies } from '@/lib/email/schemas';
import { getAppLocale } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ passwordChanged?: string; twoFactor?: string }> }) {
  const viewer = await requireViewer('/settings');
  const { passwordChanged, twoFactor } = await searchParams;
  const [t, tLayout, tCommon] = await Promise.all([getTranslations('settings'), getTranslations('layout'), getTranslations('common')]);
  const settings = getOwnSettings(viewer);
  const emailSettings = getEmailSettings(viewer);
  const directoryProfile = getOwnDirectoryProfile(viewer);
  const taxonomy = getTaxonomy(await getAppLocale());
  return (
    <div className="max-w-xl space-y-10">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('username', { username: settings.username })}</p>
        <Link href={`/members/${viewer.userId}`} className="text-sm">
          {t('viewProfile')}
        </Link>
      </div>
      <section aria-labelledby="profile-heading" className="space-y-3">
        <h2 id="profile-heading">{t('profile')}</h2>
        <ActionForm action={updateProfileAction} submitLabel={tCommon('save')} pendingLabel={tCommon('saving')}>
          <TextField name="displayName" label={t('displayName')} defaultValue={settings.displayName} required maxLength={60} />
          <TextField name="email" label={t('email')} hint={t('emailHint')} type="email" defaultValue={settings.email ?? ''} autoComplete="email" />
          <SelectField
            name="locale"
            label={t('language')}
            defaultValue={settings.locale}
            options={[
              { value: 'en', label: tLayout('languageName.en') },
              { value: 'fr', label: tLayout('languageName.fr') },
            ]}
          />
          <CheckboxField name="isInDirectory" label={t('directory')} hint={t('directoryHint')} defaultChecked={settings.isInDirectory} />
          <TextField name="bio" label={t('bio')} hint={t('bioHint')} defaultValue={settings.bio} multiline maxLength={500} />
        </ActionForm>
      </section>
      <DirectoryProfileSection profile={directoryProfile} populations={taxonomy.populations} topics={taxonomy.topics} />
      <section aria-labelledby="email-heading" className="space-y-3">
        <h2 id="email-heading">{t('emailSection')}</h2>
        <p className="muted">{t('emailIntro')}</p>
        {emailSettings.hasEmail ? null : <p className="rounded bg-amber-50 p-3 text-sm text-amber-900">{t('emailNoAddress')}</p>}
        <ActionForm action={updateEmailSettingsAction} submitLabel={t('saveEmail')} pendingLabel={tCommon('saving')}>
          <RadioGroupField
            name="emailFrequency"
            label={t('emailFrequency')}
            defaultValue={emailSettings.emailFrequency}
            options={emailFrequencies.map((frequency) => ({ value: frequency, label: t(`frequency.${frequency}`) }))}
          />
          <RadioGroupField
            name="emailDetail"
            label={t('emailDetail')}
            defaultValue={emailSettings.emailDetail}
            options={[
              { value: 'neutral', label: t('detail.neutral'), hint: t('detail.neutralHint') },
              { value: 'full', label: t('detail.full'), hint: t('detail.fullHint') },
            ]}
          />
          <TextField name="weeklyEmailCap" label={t('weeklyEmailCap')} hint={t('weeklyEmailCapHint')} type="number" defaultValue={String(emailSettings.weeklyEmailCap)} required />
          <CheckboxField name="refreshersEnabled" label={t('refreshers')} hint={t('refreshersHint')} defaultChecked={emailSettings.refreshersEnabled} />
        </ActionForm>
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading">{t('security')}</h2>
        {passwordChanged ? (
          <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
            {t('passwordChanged')}
          </p>
        ) : null}
        <ActionForm action={changePasswordAction} submitLabel={t('changePassword')}>
          <TextField name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required />
          <TextField name="newPassword" label={t('newPassword')} type="password" autoComplete="new-password" required />
        </ActionForm>
      </section>
      <TwoFactorSection viewer={viewer} notice={twoFactor} />
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading">{t('sessions')}</h2>
        <p className="muted">{t('sessionsIntro')}</p>
        <ActionForm action={signOutEverywhereAction} submitLabel={t('signOutEverywhere')} submitClassName="button-danger" />
      </section>
      <OwnDataSection />
    </div>
  );
}
