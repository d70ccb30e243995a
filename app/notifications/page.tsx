import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm } from '@/components/ui/action-form';
import { requireViewer } from '@/lib/auth/viewer';
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/lib/notifications/actions';
import { listNotifications, type NotificationItem } from '@/lib/notifications/queries';
import { getAppLocale } from '@/lib/pages';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('title'), robots: { index: false } };
}

/** The kind of a notification as a message key: a moderator's act on a whole thread reads differently. */
function messageKey(item: NotificationItem): string {
  if (item.kind === 'moderation' && !item.href.includes('#post-')) return 'item.moderation_thread';
  return `item.${item.kind}`;
}

/**
 * The member's notifications, newest first, re-checked against what they may read now. Opening one goes
 * through /notifications/<id>, which marks it read; plain forms mark one or all read without opening.
 */
export default async function NotificationsPage() {
  const viewer = await requireViewer('/notifications');
  const locale = await getAppLocale();
  const items = listNotifications(viewer, locale);
  const [t, format] = await Promise.all([getTranslations('notifications'), getFormatter()]);
  const hasUnread = items.some((item) => item.readAt === null);
  return (
    <div className="max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      {hasUnread ? <ActionForm action={markAllNotificationsReadAction} submitLabel={t('markAllRead')} submitClassName="button-secondary" className="space-y-2" /> : null}
      {items.length ? (
        <ul className="space-y-2">
          {items.map((item) => {
            const isUnread = item.readAt === null;
            return (
              <li key={item.id} className={`card space-y-1 ${isUnread ? 'border-l-4 border-l-teal-700 bg-teal-50/60' : ''}`}>
                <p className={isUnread ? 'font-semibold' : ''}>
                  {isUnread ? <span className="tag mr-2 bg-teal-800 text-white">{t('unread')}</span> : null}
                  {/* A plain link, not next/link: prefetching it would mark the notification read. */}
                  <a href={`/notifications/${item.id}`}>{t(messageKey(item), { actor: item.actorName ?? t('someone'), title: item.title })}</a>
                </p>
                {item.excerpt ? <p className="line-clamp-2 text-sm text-stone-700">{item.excerpt}</p> : null}
                <div className="flex flex-wrap items-center gap-3">
                  <time dateTime={item.createdAt.toISOString()} className="muted">
                    {format.dateTime(item.createdAt, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}
                  </time>
                  {isUnread ? (
                    <ActionButton action={markNotificationReadAction} fields={{ notificationId: item.id }} className="link-button text-sm">
                      {t('markRead')}
                    </ActionButton>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
    </div>
  );
}
