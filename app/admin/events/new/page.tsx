import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EventForm } from '@/components/admin/event-form';
import { getViewer } from '@/lib/auth/viewer';
import { createEventAction } from '@/lib/events/actions';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { assertCan } from '@/lib/policy/rules';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.events'))('newTitle') };
}

export default async function NewEventPage() {
  const viewer = await getViewer();
  await loadOr404(() => assertCan(viewer, 'event.create', null));
  const [t, locale] = await Promise.all([getTranslations('admin.events'), getAppLocale()]);
  const taxonomy = getTaxonomy(locale);
  return (
    <div className="space-y-4">
      <Link href="/admin/events" className="text-sm">
        {t('back')}
      </Link>
      <h1>{t('newTitle')}</h1>
      <p className="muted max-w-2xl">{t('newIntro')}</p>
      <EventForm action={createEventAction} submitLabel={t('create')} pendingLabel={t('creating')} countries={taxonomy.countries} populations={taxonomy.populations} topics={taxonomy.topics} />
    </div>
  );
}
