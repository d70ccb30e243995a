import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDocumentEditorLabels } from '@/components/rich-text/editor-labels';
import { RichTextField } from '@/components/rich-text/rich-text-field';
import { ThemeFields } from '@/components/synthesis/theme-fields';
import { ActionForm, Hidden } from '@/components/ui/action-form';
import { requireViewer } from '@/lib/auth/viewer';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { updateThemeAction } from '@/lib/synthesis/actions';
import { getThemePage } from '@/lib/synthesis/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('synthesis.edit'))('title'), robots: { index: false } };
}

/** Editing a theme (its synthesis group only): titles, descriptions in both languages, kind, visibility. */
export default async function EditThemePage({ params }: Props) {
  const [{ id }, locale] = await Promise.all([params, getAppLocale()]);
  const viewer = await requireViewer(`/themes/${id}/edit`);
  const page = await loadOr404(() => getThemePage(viewer, id, locale));
  if ('redirectTo' in page) redirect(`/themes/${page.redirectTo}/edit`);
  const { theme } = page;
  const t = await getTranslations('synthesis.edit');
  if (!theme.editable) {
    return (
      <div className="max-w-xl space-y-3">
        <h1>{theme.title}</h1>
        <p>{t('notAllowed')}</p>
        <Link href={`/themes/${theme.id}`}>{t('back')}</Link>
      </div>
    );
  }
  const editable = theme.editable;
  const editorLabels = await getDocumentEditorLabels();
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={`/themes/${theme.id}`}>{t('back')}</Link>
      </p>
      <h1>{t('heading', { title: theme.title })}</h1>
      <ActionForm action={updateThemeAction} submitLabel={t('save')} pendingLabel={t('saving')}>
        <Hidden name="themeId" value={theme.id} />
        <Hidden name="baseVersion" value={String(editable.version)} />
        <ThemeFields
          kind={editable.kind}
          kindChoice="event"
          titleEn={editable.titleEn}
          titleFr={editable.titleFr}
          visibility={editable.visibility}
        />
        <RichTextField name="descriptionEn" label={t('descriptionEn')} lang="en" initialContent={editable.descriptionEn} labels={editorLabels} />
        <RichTextField name="descriptionFr" label={t('descriptionFr')} lang="fr" initialContent={editable.descriptionFr} labels={editorLabels} />
      </ActionForm>
    </div>
  );
}
