import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ThreadList } from '@/components/conversations/thread-list';
import { getViewer } from '@/lib/auth/viewer';
import { listThreads, threadVisibilityOptions } from '@/lib/conversations/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('conversations.discussions'))('title') };
}

/** The network's own discussions (not about a case study or an event), most recently active first. */
export default async function DiscussionsPage() {
  const viewer = await getViewer();
  const t = await getTranslations('conversations.discussions');
  const threads = listThreads(viewer, 'network', null, { kind: 'discussion' });
  const canStart = viewer ? threadVisibilityOptions(viewer, 'network', null, 'discussion').allowed : false;
  return (
    <div className="max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      {canStart ? (
        <Link href="/discussions/new" className="button-primary no-print hover:no-underline">
          {t('start')}
        </Link>
      ) : !viewer ? (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent('/discussions')}`}>{t('signInToJoin')}</Link>
        </p>
      ) : null}
      <ThreadList threads={threads} emptyText={t('none')} />
    </div>
  );
}
