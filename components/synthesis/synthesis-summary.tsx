import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { synthesisSummary } from '@/lib/synthesis/queries';

/**
 * The event page's synthesis: the report's title, the start of its narrative and its theme sets, linking
 * to the full report and each theme. The query gives it only to viewers who may read the report; its
 * synthesis group also gets a draft (or an empty one), marked as work in progress.
 */
export async function SynthesisSummary({ summary, slug }: { summary: NonNullable<ReturnType<typeof synthesisSummary>>; slug: string }) {
  const [t, tKinds] = await Promise.all([getTranslations('synthesis.summary'), getTranslations('synthesis.kinds')]);
  const href = `/events/${slug}/synthesis`;
  return (
    <section aria-labelledby="synthesis-heading" className="card space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="synthesis-heading">{t('heading')}</h2>
        {summary.isPublished ? null : <span className="tag bg-amber-100 text-amber-900">{t('workInProgress')}</span>}
      </div>
      {summary.title ? <p className="font-medium">{summary.title}</p> : null}
      {summary.excerpt ? <p className="text-sm text-stone-700">{summary.excerpt}</p> : null}
      {summary.themeSets.map((group) => (
        <div key={group.kind} className="space-y-1 text-sm">
          <h3 className="font-semibold">{tKinds(group.kind)}</h3>
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {group.themes.map((theme) => (
              <li key={theme.id}>
                <Link href={`/themes/${theme.id}`}>{theme.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p>
        <Link href={href} className="button-secondary hover:no-underline">
          {summary.isPublished ? t('read') : t('openWork')}
        </Link>
      </p>
    </section>
  );
}
