import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxField, CheckboxGroupField, TextField } from '@/components/ui/action-form';
import { updateDirectoryProfileAction } from '@/lib/directory/actions';
import type { getOwnDirectoryProfile } from '@/lib/directory/queries';
import type { Option } from '@/lib/taxonomy/queries';

/**
 * The settings page's directory section: what the member works on and offers, and what they share with
 * accepted connections. Being listed at all stays the one opt-in of the profile form above.
 */
export async function DirectoryProfileSection({ profile, populations, topics }: { profile: ReturnType<typeof getOwnDirectoryProfile>; populations: Option[]; topics: Option[] }) {
  const [t, tCommon] = await Promise.all([getTranslations('directory.settings'), getTranslations('common')]);
  return (
    <section aria-labelledby="directory-heading" className="space-y-3">
      <h2 id="directory-heading">{t('title')}</h2>
      <p className="muted">{profile.isInDirectory ? t('listed') : t('notListed')}</p>
      <ActionForm action={updateDirectoryProfileAction} submitLabel={t('save')} pendingLabel={tCommon('saving')}>
        <CheckboxGroupField name="populations" label={t('populations')} options={populations} defaultValues={profile.populations} />
        <CheckboxGroupField name="topics" label={t('topics')} options={topics} defaultValues={profile.topics} />
        <TextField name="expertise" label={t('expertise')} hint={t('expertiseHint')} defaultValue={profile.expertise} multiline maxLength={500} />
        <div className="space-y-3 rounded border border-amber-200 bg-amber-50/60 p-3">
          <p className="text-sm text-amber-950">{t('contactPrivacy')}</p>
          <TextField name="contactDetails" label={t('contactDetails')} hint={t('contactDetailsHint')} defaultValue={profile.contactDetails} multiline maxLength={500} />
          <CheckboxField name="shareEmailWithConnections" label={t('shareEmail')} hint={profile.hasEmail ? t('shareEmailHint') : t('shareEmailNoAddress')} defaultChecked={profile.shareEmailWithConnections} />
        </div>
      </ActionForm>
    </section>
  );
}
