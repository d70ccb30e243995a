import { getTranslations } from 'next-intl/server';
import { ActionForm, Hidden } from '@/components/ui/action-form';
import { resetTwoFactorAction } from '@/lib/two-factor/actions';

/** An admin's view of a member's two-factor sign-in: on or off, and a reset for a member who lost everything. */
export async function AdminTwoFactorSection({ memberId, isEnabled, isSelf }: { memberId: string; isEnabled: boolean; isSelf: boolean }) {
  const t = await getTranslations('twoFactor.admin');
  return (
    <section aria-labelledby="two-factor-heading" className="card space-y-3">
      <h2 id="two-factor-heading">{t('title')}</h2>
      <p className="muted">{t(isEnabled ? 'on' : 'off')}</p>
      {isSelf ? (
        <p className="muted">{t('selfHint')}</p>
      ) : isEnabled ? (
        <>
          <p className="muted">{t('resetHint')}</p>
          <ActionForm action={resetTwoFactorAction} submitLabel={t('reset')} submitClassName="button-danger">
            <Hidden name="userId" value={memberId} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
