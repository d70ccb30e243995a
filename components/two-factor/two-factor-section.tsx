import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm, TextField } from '@/components/ui/action-form';
import type { Viewer } from '@/lib/policy/types';
import {
  cancelTwoFactorSetupAction,
  disableTwoFactorAction,
  dismissRecoveryCodesAction,
  enableTwoFactorAction,
  replaceRecoveryCodesAction,
  startTwoFactorSetupAction,
} from '@/lib/two-factor/actions';
import { readRecoveryCodesToShow } from '@/lib/two-factor/cookies';
import { getTwoFactorSettings } from '@/lib/two-factor/queries';

/**
 * Settings: turning two-factor sign-in on (scan or type the secret, confirm with a code and the password),
 * the recovery codes once, and turning it off. `notice` is what the last change did ('on' or 'off').
 */
export async function TwoFactorSection({ viewer, notice }: { viewer: Viewer; notice?: string }) {
  const [t, format, settings, recoveryCodes] = await Promise.all([getTranslations('twoFactor.settings'), getFormatter(), getTwoFactorSettings(viewer), readRecoveryCodesToShow(viewer)]);
  return (
    <section id="two-factor" aria-labelledby="two-factor-heading" className="space-y-3">
      <h2 id="two-factor-heading">{t('title')}</h2>
      {notice === 'on' || notice === 'off' ? (
        <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {t(notice === 'on' ? 'enabled' : 'disabled')}
        </p>
      ) : null}
      {recoveryCodes && settings.status === 'on' ? (
        <div className="card space-y-3 border-amber-300 bg-amber-50">
          <h3 id="recovery-codes-heading">{t('recoveryCodesTitle')}</h3>
          <p className="text-sm">{t('recoveryCodesIntro')}</p>
          <ol aria-label={t('recoveryCodesList')} className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base">
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
          <ActionForm action={dismissRecoveryCodesAction} submitLabel={t('recoveryCodesSaved')} submitClassName="button-secondary" />
        </div>
      ) : null}
      {settings.status === 'off' ? (
        <>
          <p className="muted">{t('intro')}</p>
          <ActionForm action={startTwoFactorSetupAction} submitLabel={t('setUp')} submitClassName="button-secondary" />
        </>
      ) : null}
      {settings.status === 'setup' ? (
        <div className="space-y-3">
          <p className="muted">{t('setupIntro')}</p>
          <p className="text-sm">{t('scan')}</p>
          {/* qrcode's own SVG (paths only) for our otpauth URI: inline, so no image request and nothing for the CSP to allow. */}
          <div role="img" aria-label={t('qrLabel')} className="w-52" dangerouslySetInnerHTML={{ __html: settings.qrCodeSvg }} />
          <p className="text-sm" id="two-factor-key-label">
            {t('typeKey')}
          </p>
          <code aria-labelledby="two-factor-key-label" className="block break-all font-mono text-base">
            {settings.secret}
          </code>
          <p className="muted">{t('renameHint')}</p>
          <ActionForm action={enableTwoFactorAction} submitLabel={t('enable')}>
            <TextField name="code" label={t('code')} hint={t('codeHint')} autoComplete="one-time-code" maxLength={12} required />
            <TextField name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required />
          </ActionForm>
          <ActionForm action={cancelTwoFactorSetupAction} submitLabel={t('cancel')} submitClassName="button-secondary" />
        </div>
      ) : null}
      {settings.status === 'on' ? (
        <div className="space-y-4">
          <p className="text-sm">
            {settings.enabledAt ? t('on', { date: format.dateTime(settings.enabledAt, { dateStyle: 'medium' }) }) : null} {t('recoveryCodesLeft', { count: settings.recoveryCodesLeft })}
          </p>
          {/* Both changes take the password and a second factor, as signing in does. */}
          {[
            { heading: t('newCodes'), intro: t('newCodesIntro'), action: replaceRecoveryCodesAction, submitLabel: t('makeNewCodes'), submitClassName: 'button-secondary' },
            { heading: t('turnOff'), intro: t('turnOffIntro'), action: disableTwoFactorAction, submitLabel: t('turnOff'), submitClassName: 'button-danger' },
          ].map(({ heading, intro, ...form }) => (
            <div key={heading} className="space-y-2">
              <h3>{heading}</h3>
              <p className="muted">{intro}</p>
              <ActionForm {...form}>
                <TextField name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required />
                <TextField name="code" label={t('secondFactorCode')} autoComplete="one-time-code" maxLength={32} required />
              </ActionForm>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
