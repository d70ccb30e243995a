import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DeckDownloadForm } from '@/components/synthesis/deck-download-form';
import { ThemeFields } from '@/components/synthesis/theme-fields';
import { ThemeSets } from '@/components/synthesis/theme-sets';
import { ActionForm, Hidden, SelectField } from '@/components/ui/action-form';
import { ActionButton } from '@/components/ui/action-button';
import { getViewer } from '@/lib/auth/viewer';
import { findEventRef } from '@/lib/events/queries';
import { formatDayRange } from '@/lib/format';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { createThemeAction, publishSynthesisReportAction, unpublishSynthesisReportAction } from '@/lib/synthesis/actions';
import { getSynthesisReport } from '@/lib/synthesis/queries';
import { eventThemeKinds, synthesisVisibilities } from '@/lib/synthesis/schemas';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ slug }, viewer, locale, t] = await Promise.all([params, getViewer(), getAppLocale(), getTranslations('synthesis.report')]);
  const synthesis = await loadOr404(() => getSynthesisReport(viewer, findEventRef(viewer, slug).id, locale));
  return { title: synthesis.report?.title || t('title', { event: synthesis.event.title }), robots: { index: synthesis.report?.visibility === 'public' && synthesis.report.publishedAt !== null } };
}

/**
 * An event's synthesis report: the narrative, then its ordered theme sets by kind, and the deck to take
 * away. Its synthesis group also names themes, orders them, edits the narrative and publishes it here.
 */
export default async function SynthesisPage({ params }: Props) {
  const [{ slug }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const synthesis = await loadOr404(() => getSynthesisReport(viewer, findEventRef(viewer, slug).id, locale));
  const { event, report, editable, themeSets, abilities } = synthesis;
  const [t, tKinds, tVisibility] = await Promise.all([getTranslations('synthesis.report'), getTranslations('synthesis.kinds'), getTranslations('enums.visibility')]);
  const allThemes = themeSets.flatMap((group) => group.themes);
  // The group sees every kind's heading, to add the first theme of a kind; readers only the kinds in use.
  const groups = abilities.manage ? eventThemeKinds.map((kind) => themeSets.find((group) => group.kind === kind) ?? { kind, themes: [] }) : themeSets;

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/events/${event.slug}`}>{event.title}</Link> · {formatDayRange(event.startsOn, event.endsOn, locale)}
          {event.place ? ` · ${event.place}` : ''}
        </p>
        <h1>{report?.title || t('title', { event: event.title })}</h1>
        {abilities.manage ? (
          <p className="muted">
            {editable?.isPublished ? t('publishedFor', { audience: tVisibility(report?.visibility ?? 'event') }) : report ? t('draft') : t('notStarted')}
          </p>
        ) : null}
      </header>

      {report?.narrativeHtml ? (
        <section aria-label={t('narrative')} className="space-y-2">
          {report.narrativeLocale && report.narrativeLocale !== locale ? <p className="muted">{t(`onlyIn.${report.narrativeLocale}`)}</p> : null}
          <div className="rich-text" lang={report.narrativeLocale ?? undefined} dangerouslySetInnerHTML={{ __html: report.narrativeHtml }} />
        </section>
      ) : abilities.manage ? (
        <p className="muted">{t('noNarrative')}</p>
      ) : null}

      {abilities.manage && editable ? (
        <section aria-labelledby="report-tools-heading" className="card no-print space-y-3">
          <h2 id="report-tools-heading">{t('tools')}</h2>
          <p>
            <Link href={`/events/${event.slug}/synthesis/edit`} className="button-secondary hover:no-underline">
              {editable.version === null ? t('write') : t('editNarrative')}
            </Link>
          </p>
          {editable.version !== null ? (
            <div className="flex flex-wrap items-end gap-4">
              <ActionForm action={publishSynthesisReportAction} submitLabel={editable.isPublished ? t('changeVisibility') : t('publish')} submitClassName="button-secondary" className="flex flex-wrap items-end gap-2">
                <Hidden name="eventId" value={event.id} />
                <SelectField name="visibility" label={t('publishFor')} defaultValue={editable.visibility} options={synthesisVisibilities.map((value) => ({ value, label: tVisibility(value) }))} />
              </ActionForm>
              {editable.isPublished ? (
                <ActionButton action={unpublishSynthesisReportAction} fields={{ eventId: event.id }} showSuccess>
                  {t('unpublish')}
                </ActionButton>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="theme-sets-heading" className="space-y-4">
        <h2 id="theme-sets-heading" className="sr-only">
          {t('themeSets')}
        </h2>
        {groups.length === 0 ? <p className="muted">{t('noThemes')}</p> : null}
        {groups.map((group) => (
          <section key={group.kind} aria-labelledby={`kind-${group.kind}`} className="space-y-2">
            <h2 id={`kind-${group.kind}`}>{tKinds(group.kind)}</h2>
            <ThemeSets eventId={event.id} kind={group.kind} themes={group.themes} canManage={abilities.manage} />
            {abilities.manage ? (
              <details className="no-print max-w-md">
                <summary className="link-button inline text-sm">{t(`add.${group.kind}`)}</summary>
                <div className="mt-2 rounded border border-stone-200 bg-stone-50 p-3">
                  <ActionForm action={createThemeAction} submitLabel={t('create')} submitClassName="button-secondary" className="space-y-3">
                    <Hidden name="eventId" value={event.id} />
                    <ThemeFields kind={group.kind} kindChoice="fixed" />
                  </ActionForm>
                </div>
              </details>
            ) : null}
          </section>
        ))}
      </section>

      {abilities.download && allThemes.length ? (
        <section aria-labelledby="deck-heading" className="card no-print space-y-3">
          <h2 id="deck-heading">{t('deck')}</h2>
          <DeckDownloadForm action={`/api/synthesis/${event.id}/deck`} locale={locale} submitLabel={t('deckSubmit')}>
            {/* The themes below are a choice: none ticked means none, not "all". */}
            <input type="hidden" name="chosen" value="1" />
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t('deckThemes')}</legend>
              <div className="space-y-1">
                {allThemes.map((theme) => (
                  <label key={theme.id} className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="theme" value={theme.id} defaultChecked className="mt-1 h-4 w-4" />
                    <span>{theme.title}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </DeckDownloadForm>
        </section>
      ) : null}
    </article>
  );
}
