import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxGroupField, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import type { FormState } from '@/lib/actions/form-action';
import { OrganisationInput } from '@/lib/organisations/schemas';

type Option = { value: string; label: string };
type Values = { id: string; name: string; type: string; countryCode: string; populations: string[]; description: string; visibility: string };

/** The organisation fields, shared by the create and edit pages; `organisation` prefills them for editing. */
export async function OrganisationForm({
  action,
  submitLabel,
  pendingLabel,
  countries,
  populations,
  organisation,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel: string;
  countries: Option[];
  populations: Option[];
  organisation?: Values;
}) {
  const [t, tEnums] = await Promise.all([getTranslations('admin.organisations'), getTranslations('enums')]);
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel={pendingLabel} className="card max-w-2xl space-y-4">
      {organisation ? <Hidden name="organisationId" value={organisation.id} /> : null}
      <TextField name="name" label={t('name')} required maxLength={120} defaultValue={organisation?.name} />
      <SelectField
        name="type"
        label={t('type')}
        required
        defaultValue={organisation?.type}
        options={OrganisationInput.shape.type.options.map((type) => ({ value: type, label: tEnums(`organisationType.${type}`) }))}
      />
      <SelectField name="countryCode" label={t('country')} required defaultValue={organisation?.countryCode} options={countries} />
      <CheckboxGroupField name="populations" label={t('populations')} options={populations} defaultValues={organisation?.populations} />
      <TextField name="description" label={t('description')} hint={t('descriptionHint')} multiline maxLength={2000} defaultValue={organisation?.description} />
      <SelectField
        name="visibility"
        label={t('visibility')}
        hint={t('visibilityHint')}
        required
        defaultValue={organisation?.visibility ?? 'public'}
        options={(['public', 'members'] as const).map((visibility) => ({ value: visibility, label: tEnums(`visibility.${visibility}`) }))}
      />
    </ActionForm>
  );
}
