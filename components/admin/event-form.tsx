import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxGroupField, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import type { FormState } from '@/lib/actions/form-action';

type Option = { value: string; label: string };
type Values = {
  id: string;
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  startsOn: string;
  endsOn: string;
  place: string;
  countryCode: string | null;
  visibility: string;
  populations: string[];
  topics: string[];
};

/** An event's details, shared by the create and edit pages; `event` prefills them for editing. */
export async function EventForm({
  action,
  submitLabel,
  pendingLabel,
  countries,
  populations,
  topics,
  event,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel: string;
  countries: Option[];
  populations: Option[];
  topics: Option[];
  event?: Values;
}) {
  const [t, tEnums] = await Promise.all([getTranslations('admin.events'), getTranslations('enums')]);
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel={pendingLabel} className="card space-y-4">
      {event ? <Hidden name="eventId" value={event.id} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="titleEn" label={t('titleEn')} required maxLength={200} defaultValue={event?.titleEn} />
        <TextField name="titleFr" label={t('titleFr')} required maxLength={200} defaultValue={event?.titleFr} />
        <TextField name="descriptionEn" label={t('descriptionEn')} multiline maxLength={4000} defaultValue={event?.descriptionEn} />
        <TextField name="descriptionFr" label={t('descriptionFr')} multiline maxLength={4000} defaultValue={event?.descriptionFr} />
        <TextField name="startsOn" label={t('startsOn')} type="date" required defaultValue={event?.startsOn} />
        <TextField name="endsOn" label={t('endsOn')} type="date" required defaultValue={event?.endsOn} />
        <TextField name="place" label={t('place')} hint={t('placeHint')} maxLength={200} defaultValue={event?.place} />
        <SelectField name="countryCode" label={t('country')} defaultValue={event?.countryCode ?? ''} options={[{ value: '', label: t('noCountry') }, ...countries]} />
      </div>
      <SelectField
        name="visibility"
        label={t('visibility')}
        hint={t('visibilityHint')}
        required
        defaultValue={event?.visibility ?? 'public'}
        options={(['public', 'members'] as const).map((visibility) => ({ value: visibility, label: tEnums(`visibility.${visibility}`) }))}
      />
      <CheckboxGroupField name="populations" label={t('populations')} options={populations} defaultValues={event?.populations} />
      <CheckboxGroupField name="topics" label={t('topics')} options={topics} defaultValues={event?.topics} />
    </ActionForm>
  );
}
