import { getTranslations } from 'next-intl/server';
import { Hidden, SelectField, TextField } from '@/components/ui/action-form';
import type { ThemeKind } from '@/db/schema/synthesis';
import { eventThemeKinds, synthesisVisibilities } from '@/lib/synthesis/schemas';

/**
 * A theme's title in both languages, its kind and who may read it, for the create and edit forms.
 * `kindChoice`: 'event' offers an event's four kinds; 'fixed' keeps the given kind (creating under a
 * kind's heading, or a network principle, which stays one).
 */
export async function ThemeFields({
  kind,
  kindChoice,
  titleEn = '',
  titleFr = '',
  visibility = 'event',
  isNetwork = kind === 'network_principle',
}: {
  kind: ThemeKind;
  kindChoice: 'event' | 'fixed';
  titleEn?: string;
  titleFr?: string;
  visibility?: (typeof synthesisVisibilities)[number];
  isNetwork?: boolean;
}) {
  const [t, tKind, tVisibility] = await Promise.all([getTranslations('synthesis.fields'), getTranslations('enums.themeKind'), getTranslations('enums.visibility')]);
  // Network principles belong to no event: "the event's participants" has nobody to name.
  const visibilities = synthesisVisibilities.filter((choice) => !(isNetwork && choice === 'event'));
  return (
    <>
      <TextField name="titleEn" label={t('titleEn')} required maxLength={160} defaultValue={titleEn} />
      <TextField name="titleFr" label={t('titleFr')} required maxLength={160} defaultValue={titleFr} />
      {kindChoice === 'event' && !isNetwork ? (
        <SelectField name="kind" label={t('kind')} required defaultValue={kind} options={eventThemeKinds.map((value) => ({ value, label: tKind(value) }))} />
      ) : (
        <Hidden name="kind" value={kind} />
      )}
      <SelectField
        name="visibility"
        label={t('visibility')}
        required
        defaultValue={isNetwork && visibility === 'event' ? 'members' : visibility}
        options={visibilities.map((value) => ({ value, label: tVisibility(value) }))}
      />
    </>
  );
}
