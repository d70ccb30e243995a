import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClearDraftsOnSignOut } from '@/components/case-studies/clear-drafts-on-sign-out';
import { SecondFactorSignIn } from '@/components/two-factor/second-factor-sign-in';
import { ActionForm, Hidden, TextField } from '@/components/ui/action-form';
import { signInAction } from '@/lib/auth/actions';
import { getViewer } from '@/lib/auth/viewer';
import { safeReturnPath } from '@/lib/navigation';
import { isAwaitingSecondFactor } from '@/lib/two-factor/cookies';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string; step?: string }> }) {
  const [{ next, signedOut, step }, t, viewer] = await Promise.all([searchParams, getTranslations('auth'), getViewer()]);
  const returnTo = safeReturnPath(next);
  if (viewer) redirect(returnTo);
  // The code step shows only while this browser holds a valid grant, which only a right password gives.
  const isCodeStep = step === 'code' && (await isAwaitingSecondFactor());
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1>{t('signInTitle')}</h1>
      {signedOut ? <ClearDraftsOnSignOut /> : null}
      {signedOut === 'deleted' ? (
        <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('accountDeleted')}
        </p>
      ) : null}
      {signedOut === 'everywhere' ? (
        <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('signedOutEverywhere')}
        </p>
      ) : null}
      {step === 'code' && !isCodeStep ? (
        <p role="status" className="rounded bg-amber-50 p-3 text-sm text-amber-900">
          {(await getTranslations('twoFactor.signIn'))('expired')}
        </p>
      ) : null}
      {isCodeStep ? (
        <SecondFactorSignIn returnTo={returnTo} />
      ) : (
        <ActionForm action={signInAction} submitLabel={t('signIn')} pendingLabel={t('signingIn')}>
          <Hidden name="next" value={returnTo} />
          <TextField name="identifier" label={t('identifier')} autoComplete="username" required />
          <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required />
        </ActionForm>
      )}
      <p className="muted">
        {t('noAccount')} <Link href="/join">{t('join')}</Link>
      </p>
    </div>
  );
}
