import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { appliedCounts, listStories, type StoryTarget } from '@/lib/stories/queries';
import { StoryList } from './story-list';

const shownStories = 5;

/**
 * "Applied in practice" on a case study or a theme: how many organisations in how many countries applied
 * it, the newest stories, and for members a link to record theirs. Counts and list come from the same
 * read rule, so a reader never sees a number that includes stories they cannot open.
 */
export async function AppliedSection({ viewer, locale, target }: { viewer: MaybeViewer; locale: Locale; target: StoryTarget }) {
  const t = await getTranslations('stories.section');
  const counts = appliedCounts(viewer, target);
  const { items, total } = listStories(viewer, locale, { ...target, pageSize: shownStories });
  const query = 'caseStudyId' in target ? `caseStudy=${encodeURIComponent(target.caseStudyId)}` : `theme=${encodeURIComponent(target.themeId)}`;
  const summary =
    counts.stories === 0
      ? t('none')
      : counts.organisations > 0
        ? t('appliedBy', { organisations: counts.organisations, countries: counts.countries })
        : t('appliedByMembers', { members: counts.stories, countries: counts.countries });
  return (
    <section aria-labelledby="applied-heading" className="space-y-3">
      <h2 id="applied-heading">{t('title')}</h2>
      <p data-testid="applied-summary">{summary}</p>
      {items.length ? <StoryList items={items} locale={locale} emptyText="" /> : null}
      <div className="no-print flex flex-wrap items-center gap-3 text-sm">
        {total > items.length ? <Link href={`/stories?${query}`}>{t('seeAll', { count: total })}</Link> : null}
        {viewer ? (
          <Link href={`/stories/new?${query}`} className="button-secondary hover:no-underline">
            {t('record')}
          </Link>
        ) : (
          <Link href={`/sign-in?next=${encodeURIComponent(`/stories/new?${query}`)}`}>{t('signInToRecord')}</Link>
        )}
      </div>
    </section>
  );
}
