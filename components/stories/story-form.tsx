import { getTranslations } from 'next-intl/server';
import { ActionForm, CheckboxField, CheckboxGroupField, Hidden, RadioGroupField, SelectField, TextField } from '@/components/ui/action-form';
import type { FormState } from '@/lib/actions/form-action';
import { applicationWays } from '@/lib/follow-ups/answers';
import type { LinkChoiceGroup } from '@/lib/stories/queries';
import { maxStoryBodyLength } from '@/lib/stories/schemas';
import type { Option } from '@/lib/taxonomy/queries';
import { LinkPickerField, type LinkGroup } from './story-fields';

export type StoryFormValues = {
  title?: string;
  body?: string;
  applicationWays?: string[];
  caseStudyIds?: string[];
  themeIds?: string[];
  /** '' is "for myself". */
  organisationId?: string;
  countryCode?: string;
  visibility?: 'public' | 'members' | 'organisation';
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  storyId?: string;
  defaults: StoryFormValues;
  organisations: { id: string; name: string }[];
  countries: Option[];
  caseStudyGroups: LinkChoiceGroup[];
  themeGroups: LinkChoiceGroup[];
};

/** Recording and editing a story: one form, plain fields, usable without JavaScript and on a phone. */
export async function StoryForm({ action, submitLabel, storyId, defaults, organisations, countries, caseStudyGroups, themeGroups }: Props) {
  const [t, tWays, tVisibility] = await Promise.all([getTranslations('stories.form'), getTranslations('framework.applicationWay'), getTranslations('stories.visibility')]);
  const groupsOf = (groups: LinkChoiceGroup[], otherLabel: string): LinkGroup[] =>
    groups.map((group) => ({ key: group.event?.id ?? 'other', label: group.event?.title ?? otherLabel, options: group.options }));
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel={t('saving')} className="space-y-6">
      {storyId ? <Hidden name="storyId" value={storyId} /> : null}
      <TextField name="title" label={t('titleField')} hint={t('titleHint')} defaultValue={defaults.title} required maxLength={160} />
      <TextField name="body" label={t('body')} hint={t('bodyHint')} defaultValue={defaults.body} required multiline rows={10} maxLength={maxStoryBodyLength} />
      <CheckboxGroupField name="applicationWays" label={t('applicationWays')} hint={t('applicationWaysHint')} options={applicationWays.map((way) => ({ value: way, label: tWays(way) }))} defaultValues={defaults.applicationWays} />

      <div className="space-y-4">
        <p className="text-sm">{t('linksIntro')}</p>
        <LinkPickerField name="caseStudyIds" legend={t('caseStudies')} hint={t('caseStudiesHint')} groups={groupsOf(caseStudyGroups, t('otherCaseStudies'))} defaultValues={defaults.caseStudyIds} emptyText={t('noCaseStudies')} />
        <LinkPickerField name="themeIds" legend={t('themes')} hint={t('themesHint')} groups={groupsOf(themeGroups, t('networkPrinciples'))} defaultValues={defaults.themeIds} emptyText={t('noThemes')} />
      </div>

      <div className="space-y-4">
        <SelectField
          name="organisationId"
          label={t('organisation')}
          hint={t('organisationHint')}
          defaultValue={defaults.organisationId ?? organisations[0]?.id ?? ''}
          options={[...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })), { value: '', label: t('forMyself') }]}
        />
        <SelectField name="countryCode" label={t('country')} hint={t('countryHint')} defaultValue={defaults.countryCode ?? ''} options={[{ value: '', label: t('chooseCountry') }, ...countries]} />
      </div>

      <div className="space-y-3">
        <RadioGroupField
          name="visibility"
          label={t('visibility')}
          defaultValue={defaults.visibility ?? 'members'}
          options={(['members', 'organisation', 'public'] as const).map((visibility) => ({ value: visibility, label: tVisibility(visibility), hint: tVisibility(`${visibility}Hint`) }))}
        />
        <CheckboxField name="safetyConfirmed" label={t('safetyConfirm')} hint={t('safetyHint')} />
      </div>
    </ActionForm>
  );
}
