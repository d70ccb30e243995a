import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ThreadCard } from '@/lib/conversations/queries';

/** Threads as a list: title, state, how many posts, who started it and when it last moved. */
export async function ThreadList({ threads, emptyText }: { threads: ThreadCard[]; emptyText: string }) {
  if (!threads.length) return <p className="muted">{emptyText}</p>;
  const [t, format] = await Promise.all([getTranslations('conversations.list'), getFormatter()]);
  return (
    <ul className="space-y-2">
      {threads.map((thread) => (
        <li key={thread.id} className="card space-y-1">
          <p className="font-medium">
            <Link href={`/threads/${thread.id}`}>{thread.title}</Link>
          </p>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600">
            {thread.kind === 'question' ? (
              <>
                <span className="tag">{t('question')}</span>
                <span className={thread.isAnswered ? 'tag bg-emerald-50 text-emerald-900' : 'tag bg-amber-50 text-amber-900'}>{thread.isAnswered ? t('answered') : t('open')}</span>
              </>
            ) : null}
            {thread.isLocked ? <span className="tag">{t('locked')}</span> : null}
            <span>{t('posts', { count: thread.postCount })}</span>
            {thread.starterName ? <span>· {t('startedBy', { name: thread.starterName })}</span> : null}
            <span>· {t('lastActivity', { date: format.dateTime(thread.lastPostAt, { day: 'numeric', month: 'long', year: 'numeric' }) })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
