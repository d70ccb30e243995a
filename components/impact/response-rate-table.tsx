import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ResponseRateRow } from '@/lib/impact/aggregate';
import { percent } from '@/lib/impact/present';
import type { Locale } from '@/lib/policy/types';

type EventRow = { slug: string; title: string; row: ResponseRateRow<string>; isMine: boolean };

/** Each event's response rate; an event fewer than 5 people answered shows no number at all. */
export async function ResponseRateTable({ events, locale }: { events: EventRow[]; locale: Locale }) {
  const t = await getTranslations('impact.network');
  return (
    <section aria-labelledby="impact-events-heading" className="card space-y-3">
      <h2 id="impact-events-heading">{t('eventsHeading')}</h2>
      {events.length ? (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="muted pb-2 text-left">{t('eventsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eventColumn')}</th>
                <th scope="col">{t('invitedColumn')}</th>
                <th scope="col">{t('answeredColumn')}</th>
                <th scope="col">{t('rateColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((entry) => (
                <tr key={entry.slug}>
                  <th scope="row" className="font-normal">
                    <Link href={entry.isMine ? `/events/${entry.slug}/impact` : `/events/${entry.slug}`}>{entry.title}</Link>
                  </th>
                  {entry.row.status === 'shown' ? (
                    <>
                      <td>{entry.row.invited}</td>
                      <td>{entry.row.submitted}</td>
                      <td>{percent(locale, entry.row.share)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="muted">
                      {t('fewerThanFive')}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('noEvents')}</p>
      )}
    </section>
  );
}
