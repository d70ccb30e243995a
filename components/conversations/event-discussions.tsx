import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFollowState, listThreads, threadVisibilityOptions } from '@/lib/conversations/queries';
import type { MaybeViewer } from '@/lib/policy/types';
import { FollowButton } from './follow-button';
import { ThreadList } from './thread-list';

/** An event's discussions, a link to start one when the policy allows, and following the event. */
export async function EventDiscussions({ viewer, eventId }: { viewer: MaybeViewer; eventId: string }) {
  const t = await getTranslations('conversations.event');
  const threads = listThreads(viewer, 'event', eventId);
  const canStart = viewer !== null && threadVisibilityOptions(viewer, 'event', eventId, 'discussion').allowed;
  const isFollowing = getFollowState(viewer, 'event', eventId);
  return (
    <section aria-labelledby="discussions-heading" className="no-print space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="discussions-heading">{t('discussions')}</h2>
        {viewer ? <FollowButton subjectType="event" subjectId={eventId} isFollowing={isFollowing} followLabel={t('follow')} unfollowLabel={t('unfollow')} /> : null}
      </div>
      <ThreadList threads={threads} emptyText={t('none')} />
      {canStart ? (
        <Link href={`/discussions/new?${new URLSearchParams({ subjectType: 'event', subjectId: eventId }).toString()}`} className="button-secondary hover:no-underline">
          {t('start')}
        </Link>
      ) : null}
    </section>
  );
}
