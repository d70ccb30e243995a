import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ThemeFields } from '@/components/synthesis/theme-fields';
import { ThemeSets } from '@/components/synthesis/theme-sets';
import { ActionForm } from '@/components/ui/action-form';
import { getViewer } from '@/lib/auth/viewer';
import { listPastEvents } from '@/lib/events/queries';
import { getAppLocale } from '@/lib/pages';
import { createThemeAction } from '@/lib/synthesis/actions';
import { listThemesForEvent, synthesisSummary } from '@/lib/synthesis/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('synthesis.index'))('title') };
}

/** The network's principles (themes of no event), and the way to each past event's synthesis. */
export default async function ThemesPage() {
  const [viewer, locale, t] = await Promise.all([getViewer(), getAppLocale(), getTranslations('synthesis.index')]);
  const { groups, abilities } = listThemesForEvent(viewer, null, locale);
  const principles = groups.flatMap((group) => group.themes);
  // Events whose synthesis the viewer may read (its group also sees one still in progress).
  const events = listPastEvents(viewer, locale).filter((event) => synthesisSummary(viewer, event.id, locale) !== null);
  return (
    <div className="max-w-3xl space-y-8">
      <h1>{t('title')}</h1>
      <section aria-labelledby="principles-heading" className="space-y-2">
        <h2 id="principles-heading">{t('principles')}</h2>
        <p className="muted">{t('principlesIntro')}</p>
        <ThemeSets eventId={null} kind="network_principle" themes={principles} canManage={abilities.manage} />
        {abilities.manage ? (
          <details className="no-print max-w-md">
            <summary className="link-button inline text-sm">{t('addPrinciple')}</summary>
            <div className="mt-2 rounded border border-stone-200 bg-stone-50 p-3">
              <ActionForm action={createThemeAction} submitLabel={t('create')} submitClassName="button-secondary" className="space-y-3">
                <ThemeFields kind="network_principle" kindChoice="fixed" visibility="members" />
              </ActionForm>
            </div>
          </details>
        ) : null}
      </section>
      {events.length ? (
        <section aria-labelledby="events-heading" className="space-y-2">
          <h2 id="events-heading">{t('byEvent')}</h2>
          <ul className="list-disc space-y-1 pl-5">
            {events.map((event) => (
              <li key={event.id}>
                <Link href={`/events/${event.slug}/synthesis`}>{t('synthesisOf', { event: event.title })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
