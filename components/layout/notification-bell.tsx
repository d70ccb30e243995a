import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { unreadNotificationCount } from '@/lib/notifications/queries';
import { getAppLocale } from '@/lib/pages';
import type { Viewer } from '@/lib/policy/types';

/** The header's bell: a link to the notifications with the unread count, rendered on the server (no script). */
export async function NotificationBell({ viewer }: { viewer: Viewer }) {
  const [t, locale] = await Promise.all([getTranslations('notifications'), getAppLocale()]);
  const count = unreadNotificationCount(viewer, locale);
  return (
    <Link href="/notifications" aria-label={t('bell', { count })} title={t('bell', { count })} className="inline-flex items-center gap-1 text-stone-800">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span aria-hidden="true" className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold text-white">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
