import { getTranslations } from 'next-intl/server';
import { ReportedPostCard } from '@/components/moderation/reported-post';
import { getViewer } from '@/lib/auth/viewer';
import { listModerationQueue } from '@/lib/conversations/queries';
import { loadOr404 } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('moderation'))('title'), robots: { index: false } };
}

/** The moderators' queue. Everyone else gets the 404 page (the policy's 'moderation.queue'). */
export default async function ModerationPage() {
  const viewer = await getViewer();
  const queue = await loadOr404(() => listModerationQueue(viewer));
  const t = await getTranslations('moderation');
  return (
    <div className="max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      {queue.unreadable > 0 ? (
        <p role="note" className="rounded bg-amber-50 p-3 text-sm text-amber-900">
          {t('unreadable', { count: queue.unreadable })}
        </p>
      ) : null}
      {queue.items.length ? (
        <div className="space-y-4">
          {queue.items.map((item) => (
            <ReportedPostCard key={item.postId} item={item} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
    </div>
  );
}
