import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { listEventsForAdmin } from '@/lib/events/queries';
import { formatDayRange } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.events'))('title') };
}

export default async function AdminEventsPage() {
  const viewer = await getViewer();
  const events = await loadOr404(() => listEventsForAdmin(viewer));
  const [t, locale] = await Promise.all([getTranslations('admin.events'), getAppLocale()]);
  const taxonomy = getTaxonomy(locale);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t('title')}</h1>
        <Link href="/admin/events/new" className="button-primary hover:no-underline">
          {t('new')}
        </Link>
      </div>
      {events.length ? (
        <DataTable headers={[t('event'), t('dates'), t('place'), t('participantsColumn'), t('visibility')]}>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <Link href={`/admin/events/${event.id}`} className="font-medium">
                      {locale === 'fr' ? event.titleFr : event.titleEn}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap">{formatDayRange(event.startsOn, event.endsOn, locale)}</td>
                  <td>{[event.place, event.countryCode ? taxonomy.countryLabel(event.countryCode) : ''].filter(Boolean).join(', ')}</td>
                  <td>{event.participantCount}</td>
                  <td>{t(`visibilityShort.${event.visibility}`)}</td>
                </tr>
              ))}
            </DataTable>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
    </div>
  );
}
