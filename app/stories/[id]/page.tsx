import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApplicationWayTags, StoryByline } from '@/components/stories/story-list';
import { ActionButton } from '@/components/ui/action-button';
import { getViewer } from '@/lib/auth/viewer';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { deleteStoryAction } from '@/lib/stories/actions';
import { getStory } from '@/lib/stories/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ recorded?: string; saved?: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const story = await loadOr404(() => getStory(viewer, id, locale));
  // Only stories open to everyone are for search engines.
  return { title: story.title, robots: { index: story.visibility === 'public' } };
}

/** One story: server-rendered plain text, what it came from, and for its writers the edit and delete controls. */
export default async function StoryPage({ params, searchParams }: Props) {
  const [{ id }, { recorded, saved }, viewer, locale] = await Promise.all([params, searchParams, getViewer(), getAppLocale()]);
  const story = await loadOr404(() => getStory(viewer, id, locale));
  const [t, tVisibility] = await Promise.all([getTranslations('stories.read'), getTranslations('stories.visibility')]);
  const canEdit = story.abilities['story.edit'];
  return (
    <article className="max-w-3xl space-y-6">
      {recorded || saved ? (
        <p role="status" className="no-print rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {recorded ? t('recorded') : t('saved')}
        </p>
      ) : null}
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/stories">{t('allStories')}</Link>
        </p>
        {/* A story is in whatever language its author wrote: lang="" (unknown), as for discussions. */}
        <h1 lang="">{story.title}</h1>
        <p className="text-stone-700">
          <StoryByline story={story} locale={locale} />
        </p>
        {story.author || viewer ? (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            {story.author ? (
              <>
                <dt className="font-medium">{t('writtenBy')}</dt>
                <dd>
                  <Link href={`/members/${story.author.id}`}>{story.author.displayName}</Link>
                </dd>
              </>
            ) : null}
            <dt className="font-medium">{t('whoCanRead')}</dt>
            <dd>{tVisibility(story.visibility)}</dd>
          </dl>
        ) : null}
        <ApplicationWayTags ways={story.applicationWays} />
        {canEdit ? (
          <nav className="no-print flex flex-wrap gap-3 text-sm">
            <Link href={`/stories/${story.id}/edit`} className="button-secondary hover:no-underline">
              {t('edit')}
            </Link>
          </nav>
        ) : null}
      </header>

      <section aria-labelledby="story-heading" className="space-y-3 leading-relaxed">
        <h2 id="story-heading" className="sr-only">
          {t('story')}
        </h2>
        {story.paragraphs.map((paragraph, index) => (
          <p key={index} className="whitespace-pre-line" lang="">
            {paragraph}
          </p>
        ))}
      </section>

      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading">{t('cameFrom')}</h2>
        {story.caseStudies.length || story.themes.length ? (
          <ul className="list-disc space-y-1 pl-5">
            {story.caseStudies.map((caseStudy) => (
              <li key={caseStudy.id}>
                <span className="muted">{t('caseStudy')}</span>{' '}
                <Link href={`/case-studies/${caseStudy.id}`} lang={caseStudy.language}>
                  {caseStudy.title}
                </Link>
              </li>
            ))}
            {story.themes.map((theme) => (
              <li key={theme.id}>
                <span className="muted">{t('theme')}</span> <Link href={`/themes/${theme.id}`}>{theme.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noSources')}</p>
        )}
      </section>

      {canEdit ? (
        <section aria-labelledby="delete-heading" className="no-print space-y-2">
          <h2 id="delete-heading" className="sr-only">
            {t('delete')}
          </h2>
          <details className="max-w-md">
            <summary className="link-button inline text-sm">{t('delete')}</summary>
            <div className="mt-2 space-y-2 rounded border border-red-200 bg-red-50 p-3">
              <p className="text-sm">{t('deleteHint')}</p>
              <ActionButton action={deleteStoryAction} fields={{ storyId: story.id }} className="button-danger">
                {t('deleteConfirm')}
              </ActionButton>
            </div>
          </details>
        </section>
      ) : null}
    </article>
  );
}
