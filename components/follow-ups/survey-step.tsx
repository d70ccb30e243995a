import { getTranslations } from 'next-intl/server';
import { applicationWays, barrierKeys, barrierSide, likertValues, surveyConnectionReasons, transferAudiences, transferFormalities, type BarrierSide } from '@/lib/follow-ups/answers';
import { saveFollowUpStepAction } from '@/lib/follow-ups/actions';
import type { FollowUpSurvey } from '@/lib/follow-ups/queries';
import { customFieldName } from '@/lib/follow-ups/schemas';
import { ChoiceGroup, FieldError, SurveyStepForm, SurveyTextArea } from './survey-form';

const barrierSides: BarrierSide[] = ['internal', 'resources', 'external', 'none'];

/** One step of a member's survey (`position` counts from 1), with their saved answers filled in. */
export async function AnswerStep({ survey, position }: { survey: FollowUpSurvey; position: number }) {
  const [t, tFramework] = await Promise.all([getTranslations('followUps.survey'), getTranslations('framework')]);
  const step = survey.steps[position - 1]!;
  const answers = survey.answers;
  const likert = likertValues.map((value) => ({ value, label: tFramework(`likert.${value}`) }));
  const labels = { next: position === survey.steps.length ? t('toReview') : t('next'), later: t('later'), back: t('back') };
  const backHref = position > 1 ? `/follow-ups/${survey.id}?step=${position - 1}` : undefined;
  return (
    <SurveyStepForm action={saveFollowUpStepAction} followUpId={survey.id} step={step} labels={labels} backHref={backHref}>
      {step === 'understanding' ? (
        <>
          <ChoiceGroup type="radio" name="understanding" legend={t('understanding')} options={likert} defaultValues={answers.understanding ? [answers.understanding] : []} />
          <ChoiceGroup
            type="checkbox"
            name="transferAudience"
            legend={t('transferAudience')}
            hint={t('transferAudienceHint')}
            options={transferAudiences.map((value) => ({ value, label: tFramework(`transferAudience.${value}`) }))}
            defaultValues={answers.transferAudience ?? []}
          />
          <ChoiceGroup
            type="checkbox"
            name="transferFormality"
            legend={t('transferFormality')}
            hint={t('transferFormalityHint')}
            options={transferFormalities.map((value) => ({ value, label: tFramework(`transferFormality.${value}`) }))}
            defaultValues={answers.transferFormality ?? []}
          />
        </>
      ) : null}
      {step === 'retained' ? <SurveyTextArea name="retained" label={t('retained')} hint={t('retainedHint')} defaultValue={answers.retained ?? ''} /> : null}
      {step === 'applied' ? (
        <>
          <ChoiceGroup type="radio" name="applied" legend={t('applied')} options={likert} defaultValues={answers.applied ? [answers.applied] : []} />
          <ChoiceGroup
            type="checkbox"
            name="applicationWays"
            legend={t('applicationWays')}
            hint={t('applicationWaysHint')}
            options={applicationWays.map((value) => ({ value, label: tFramework(`applicationWay.${value}`) }))}
            defaultValues={answers.applicationWays ?? []}
          />
        </>
      ) : null}
      {step === 'barriers' ? (
        <fieldset className="space-y-4">
          <legend className="mb-1 text-base font-semibold">{t('barriers')}</legend>
          <p className="text-sm text-stone-600">{t('barriersHint')}</p>
          {barrierSides.map((side) => (
            <ChoiceGroup
              key={side}
              type="checkbox"
              name="barriers"
              legend={tFramework(`barrierSide.${side}`)}
              legendClassName="mb-1 text-sm font-semibold uppercase tracking-wide text-stone-700"
              options={barrierKeys.filter((key) => barrierSide(key) === side).map((value) => ({ value, label: tFramework(`barrier.${value}`) }))}
              defaultValues={answers.barriers ?? []}
              showError={false}
            />
          ))}
          <FieldError name="barriers" />
        </fieldset>
      ) : null}
      {step === 'connections' ? (
        <>
          <ChoiceGroup
            type="radio"
            name="connected"
            legend={t('connected')}
            options={[
              { value: 'yes', label: t('yes') },
              { value: 'no', label: t('no') },
            ]}
            defaultValues={answers.connected ? [answers.connected] : []}
          />
          <ChoiceGroup
            type="checkbox"
            name="connectionReasons"
            legend={t('connectionReasons')}
            hint={t('connectionReasonsHint')}
            options={surveyConnectionReasons.map((value) => ({ value, label: tFramework(`connectionReason.${value}`) }))}
            defaultValues={answers.connectionReasons ?? []}
          />
        </>
      ) : null}
      {step === 'custom'
        ? survey.questions.map((question) => (
            <SurveyTextArea key={question.id} name={customFieldName(question.id)} label={question.prompt} hint={t('optional')} defaultValue={answers.custom?.[question.id] ?? ''} />
          ))
        : null}
    </SurveyStepForm>
  );
}
