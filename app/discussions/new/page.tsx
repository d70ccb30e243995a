import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getPostEditorLabels } from '@/components/conversations/editor-labels';
import { PostEditor } from '@/components/conversations/post-editor';
import { ActionForm, Hidden, RadioGroupField, TextField } from '@/components/ui/action-form';
import { requireViewer } from '@/lib/auth/viewer';
import { startThreadAction } from '@/lib/conversations/actions';
import { threadVisibilityOptions } from '@/lib/conversations/queries';
import { getSubjectHeading } from '@/lib/conversations/views';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { searchParams: Promise<{ subjectType?: string | string[]; subjectId?: string | string[]; kind?: string | string[] }> };

const subjectTypes = ['network', 'event', 'case_study'] as const;

export async function generateMetadata({ searchParams }: Props) {
  const { kind } = await searchParams;
  const t = await getTranslations('conversations.start');
  return { title: kind === 'question' ? t('headingQuestion') : t('headingDiscussion'), robots: { index: false } };
}

/**
 * Starting a discussion (on the network, an event or a case study) or asking a case study's authors a
 * question. The visibilities offered come from the query: never wider than the subject. Not found when
 * the viewer may not start one here.
 */
export default async function NewThreadPage({ searchParams }: Props) {
  const query = await searchParams;
  const subjectType = subjectTypes.find((type) => type === (query.subjectType ?? 'network'));
  const subjectId = subjectType !== 'network' && typeof query.subjectId === 'string' && query.subjectId ? query.subjectId : null;
  if (!subjectType || (subjectType !== 'network' && !subjectId)) notFound();
  const kind = query.kind === 'question' ? 'question' : 'discussion';
  const returnTo = `/discussions/new?${new URLSearchParams({ subjectType, ...(subjectId ? { subjectId } : {}), kind }).toString()}`;
  const viewer = await requireViewer(returnTo);
  const locale = await getAppLocale();
  const { subject, options } = await loadOr404(() => ({
    subject: getSubjectHeading(viewer, subjectType, subjectId, locale),
    options: threadVisibilityOptions(viewer, subjectType, subjectId, kind),
  }));
  if (!options.allowed || !options.choices.length) notFound();
  const [t, tVisibility, editorLabels] = await Promise.all([getTranslations('conversations.start'), getTranslations('conversations.visibility'), getPostEditorLabels()]);
  const defaultVisibility = options.choices.find((choice) => choice === options.subjectVisibility) ?? options.choices[0];
  const isQuestion = kind === 'question';

  return (
    <div className="max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1>{isQuestion ? t('headingQuestion') : t('headingDiscussion')}</h1>
        <p className="text-sm">
          {subject.title ? (
            <>
              {t('about')}{' '}
              <Link href={subject.href} lang={subject.language ?? undefined}>
                {subject.title}
              </Link>
            </>
          ) : (
            <Link href={subject.href}>{t('aboutNetwork')}</Link>
          )}
        </p>
        {isQuestion ? <p className="muted">{t('questionIntro')}</p> : null}
      </div>
      <ActionForm action={startThreadAction} submitLabel={isQuestion ? t('submitQuestion') : t('submit')} pendingLabel={t('pending')}>
        <Hidden name="subjectType" value={subjectType} />
        {subjectId ? <Hidden name="subjectId" value={subjectId} /> : null}
        <Hidden name="kind" value={kind} />
        <TextField name="title" label={t('title')} hint={t('titleHint')} required maxLength={160} />
        <PostEditor label={isQuestion ? t('bodyQuestion') : t('body')} labels={editorLabels} subject={{ type: subjectType, id: subjectId }} />
        <div className="space-y-1">
          <RadioGroupField name="visibility" label={t('visibility')} options={options.choices.map((choice) => ({ value: choice, label: tVisibility(choice) }))} defaultValue={defaultVisibility} />
          <p className="text-xs text-stone-600">{t('visibilityHint')}</p>
        </div>
      </ActionForm>
    </div>
  );
}
