import { getTranslations } from 'next-intl/server';
import { StoryForm } from '@/components/stories/story-form';
import { requireViewer } from '@/lib/auth/viewer';
import { listOrganisationNames } from '@/lib/organisations/queries';
import { getAppLocale } from '@/lib/pages';
import { memberOrganisationIds } from '@/lib/policy/viewer-facts';
import { recordStoryAction } from '@/lib/stories/actions';
import { listStoryLinkChoices } from '@/lib/stories/queries';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('stories.new'))('title') };
}

type Query = { caseStudy?: string; theme?: string };

/** Recording a story, usually from a case study or theme ("Record how you applied this"), which comes pre-linked. */
export default async function NewStoryPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const returnTo = `/stories/new${query.caseStudy ? `?caseStudy=${encodeURIComponent(query.caseStudy)}` : query.theme ? `?theme=${encodeURIComponent(query.theme)}` : ''}`;
  const viewer = await requireViewer(returnTo);
  const [locale, t] = await Promise.all([getAppLocale(), getTranslations('stories.new')]);
  const choices = listStoryLinkChoices(viewer, locale);
  // Only a link the viewer could pick anyway: the address does not decide what a story may link.
  const offered = (groups: typeof choices.caseStudyGroups, id?: string) => (id && groups.some((group) => group.options.some((option) => option.value === id)) ? [id] : []);
  return (
    <div className="max-w-2xl space-y-4">
      <h1>{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      <p className="muted">{t('safetyReminder')}</p>
      <StoryForm
        action={recordStoryAction}
        submitLabel={t('submit')}
        defaults={{ caseStudyIds: offered(choices.caseStudyGroups, query.caseStudy), themeIds: offered(choices.themeGroups, query.theme) }}
        organisations={listOrganisationNames(memberOrganisationIds(viewer))}
        countries={getTaxonomy(locale).countries}
        caseStudyGroups={choices.caseStudyGroups}
        themeGroups={choices.themeGroups}
      />
    </div>
  );
}
