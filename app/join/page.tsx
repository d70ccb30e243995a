import { getTranslations } from 'next-intl/server';
import { ActionForm, SelectField, TextField } from '@/components/ui/action-form';
import { joinAction } from '@/lib/auth/actions';
import { getAppLocale } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('joinTitle') };
}

export default async function JoinPage() {
  const [t, tLayout, locale] = await Promise.all([getTranslations('auth'), getTranslations('layout'), getAppLocale()]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1>{t('joinTitle')}</h1>
      <p className="text-stone-700">{t('joinIntro')}</p>
      <ActionForm action={joinAction} submitLabel={t('createAccount')} pendingLabel={t('creating')}>
        <TextField name="code" label={t('code')} hint={t('codeHint')} autoComplete="off" required />
        <TextField name="username" label={t('username')} hint={t('usernameHint')} autoComplete="username" required maxLength={32} />
        <TextField name="displayName" label={t('displayName')} hint={t('displayNameHint')} autoComplete="nickname" required maxLength={60} />
        <TextField name="password" label={t('newPassword')} hint={t('passwordHint')} type="password" autoComplete="new-password" required />
        <TextField name="email" label={t('email')} hint={t('emailHint')} type="email" autoComplete="email" />
        <SelectField
          name="locale"
          label={t('language')}
          defaultValue={locale}
          options={[
            { value: 'en', label: tLayout('languageName.en') },
            { value: 'fr', label: tLayout('languageName.fr') },
          ]}
        />
      </ActionForm>
    </div>
  );
}
