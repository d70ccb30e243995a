import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listWaitingFollowUps } from '@/lib/follow-ups/queries';
import { formatDay } from '@/lib/format';
import type { Locale, Viewer } from '@/lib/policy/types';

/** The viewer's follow-up surveys that wait for their answers (besides the notifications); nothing when none. */
export async function WaitingFollowUps({ viewer, locale }: { viewer: Viewer; locale: Locale }) {
  const waiting = listWaitingFollowUps(viewer, locale);
  if (!waiting.length) return null;
  const t = await getTranslations('followUps.waiting');
  return (
    <section aria-labelledby="follow-ups-heading" className="space-y-2 rounded-lg border border-teal-200 bg-teal-50 p-4">
      <h2 id="follow-ups-heading">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ul className="space-y-2">
        {waiting.map((item) => (
          <li key={item.id} className="space-y-0.5">
            <Link href={`/follow-ups/${item.id}`} className="inline-flex min-h-11 items-center font-medium">
              {item.eventTitle}
            </Link>
            <p className="muted">
              {item.isStarted ? t('started') : t('notStarted')} · {t('until', { date: formatDay(item.closesOn, locale) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
