import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxField, RadioGroupField, TextField } from '@/components/ui/action-form';
import { deleteAccountAction } from '@/lib/own-data/actions';
import { contributionChoices } from '@/lib/own-data/schemas';

/** Settings: take everything away as one file, or leave (choosing what happens to what one wrote). */
export async function OwnDataSection() {
  const t = await getTranslations('ownData');
  return (
    <section aria-labelledby="own-data-heading" className="space-y-4">
      <h2 id="own-data-heading">{t('title')}</h2>
      <div className="space-y-2">
        <p className="muted">{t('downloadIntro')}</p>
        {/* A plain link: the browser downloads the zip, no script needed. */}
        <a href="/api/me/archive" className="button-secondary no-underline" download>
          {t('download')}
        </a>
      </div>
      <div className="space-y-3">
        <h3>{t('deleteTitle')}</h3>
        <p className="muted">{t('deleteIntro')}</p>
        <ActionForm action={deleteAccountAction} submitLabel={t('deleteSubmit')} pendingLabel={t('deleting')} submitClassName="button-danger">
          <RadioGroupField
            name="contributions"
            label={t('contributions')}
            options={contributionChoices.map((choice) => ({ value: choice, label: t(`choice.${choice}`), hint: t(`choice.${choice}Hint`) }))}
          />
          <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required />
          <CheckboxField name="confirmed" label={t('confirm')} />
        </ActionForm>
      </div>
    </section>
  );
}
