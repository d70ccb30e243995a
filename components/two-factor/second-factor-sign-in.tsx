import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm, Hidden, TextField } from '@/components/ui/action-form';
import { signInWithCodeAction } from '@/lib/auth/actions';

/** The sign-in step after a right password, for an account with two-factor on. */
export async function SecondFactorSignIn({ returnTo }: { returnTo: string }) {
  const t = await getTranslations('twoFactor.signIn');
  return (
    <>
      <p className="muted">{t('intro')}</p>
      <ActionForm action={signInWithCodeAction} submitLabel={t('submit')} pendingLabel={t('checking')}>
        <Hidden name="next" value={returnTo} />
        <TextField name="code" label={t('code')} hint={t('codeHint')} autoComplete="one-time-code" maxLength={32} required />
      </ActionForm>
      <p className="muted">
        <Link href={`/sign-in?next=${encodeURIComponent(returnTo)}`}>{t('startAgain')}</Link>
      </p>
    </>
  );
}
