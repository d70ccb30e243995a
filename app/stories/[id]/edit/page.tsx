import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StoryForm } from '@/components/stories/story-form';
import { requireViewer } from '@/lib/auth/viewer';
import { listOrganisationNames } from '@/lib/organisations/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { memberOrganisationIds } from '@/lib/policy/viewer-facts';
import { editStoryAction } from '@/lib/stories/actions';
import { getStoryForEdit, listStoryLinkChoices } from '@/lib/stories/queries';
import { getTaxonomy } from '@/lib/taxonomy/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('stories.edit'))('title') };
}

/** Editing a story: for its author while still in its organisation, and the organisation's editors. */
export default async function EditStoryPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/stories/${id}/edit`);
  const locale = await getAppLocale();
  const story = await loadOr404(() => getStoryForEdit(viewer, id, locale));
  const t = await getTranslations('stories.edit');
  const choices = listStoryLinkChoices(viewer, locale, { caseStudies: story.linkedCaseStudies });
  // The story's organisation stays on offer to an editor who edits a colleague's story.
  const organisationIds = [...new Set([...memberOrganisationIds(viewer), ...(story.organisationId ? [story.organisationId] : [])])];
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href={`/stories/${story.id}`}>{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <StoryForm
        action={editStoryAction}
        submitLabel={t('submit')}
        storyId={story.id}
        defaults={{
          title: story.title,
          body: story.body,
          applicationWays: story.applicationWays,
          caseStudyIds: story.linkedCaseStudies.map((caseStudy) => caseStudy.id),
          themeIds: story.linkedThemes.map((theme) => theme.id),
          organisationId: story.organisationId ?? '',
          countryCode: story.countryCode ?? '',
          visibility: story.visibility,
        }}
        organisations={listOrganisationNames(organisationIds)}
        countries={getTaxonomy(locale).countries}
        caseStudyGroups={choices.caseStudyGroups}
        themeGroups={choices.themeGroups}
      />
    </div>
  );
}
