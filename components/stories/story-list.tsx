import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDay } from '@/lib/format';
import type { Locale } from '@/lib/policy/types';
import type { StoryCard } from '@/lib/stories/queries';

/** Who applied it, as the reader may know it: the organisation, an unnamed one, or a member on their own. */
export async function StoryByline({ story, locale }: { story: Pick<StoryCard, 'organisation' | 'isIndividual' | 'country' | 'createdAt'>; locale: Locale }) {
  const t = await getTranslations('stories.card');
  const who = story.organisation ? story.organisation.name : story.isIndividual ? t('individual') : t('memberOrganisation');
  return (
    <>
      {who}
      {story.country ? ` · ${story.country.label}` : ''}
      {' · '}
      <time dateTime={story.createdAt.toISOString()}>{formatDay(story.createdAt.toISOString().slice(0, 10), locale)}</time>
    </>
  );
}

/** The framework's ways of applying learning, as tags. */
export async function ApplicationWayTags({ ways }: { ways: readonly string[] }) {
  const [t, tWays] = await Promise.all([getTranslations('stories.card'), getTranslations('framework.applicationWay')]);
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('ways')}>
      {ways.map((way) => (
        <li key={way} className="tag">
          {tWays(way)}
        </li>
      ))}
    </ul>
  );
}

/** Stories in a list: title, who and where, when, how, and the first lines. */
export async function StoryList({ items, locale, emptyText }: { items: StoryCard[]; locale: Locale; emptyText: string }) {
  if (!items.length) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="space-y-2">
      {items.map((story) => (
        <li key={story.id} className="card space-y-1">
          <Link href={`/stories/${story.id}`} className="font-semibold" lang="">
            {story.title}
          </Link>
          <p className="muted">
            <StoryByline story={story} locale={locale} />
          </p>
          <ApplicationWayTags ways={story.applicationWays} />
          <p className="text-sm" lang="">
            {story.excerpt}
          </p>
        </li>
      ))}
    </ul>
  );
}
