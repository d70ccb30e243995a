import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AppliedSection } from '@/components/stories/applied-section';
import { DeckDownloadForm } from '@/components/synthesis/deck-download-form';
import { EvidenceEntry } from '@/components/synthesis/evidence-entry';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, SelectField } from '@/components/ui/action-form';
import { getViewer } from '@/lib/auth/viewer';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { markRecurringAction, mergeThemesAction, unmarkRecurringAction } from '@/lib/synthesis/actions';
import { getThemePage, listThemesForEvent, recurrenceCandidates } from '@/lib/synthesis/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const page = await loadOr404(() => getThemePage(viewer, id, locale));
  if ('redirectTo' in page) return {};
  // Only public themes are for search engines.
  return { title: page.theme.title, robots: { index: page.theme.visibility === 'public' } };
}

/**
 * A theme: its description, then the evidence the viewer may read, grouped by event and country, with
 * counts and the themes it recurs with. Server-rendered; the synthesis group's tools are plain forms.
 */
export default async function ThemePage({ params }: Props) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const page = await loadOr404(() => getThemePage(viewer, id, locale));
  // A merged theme's old address leads to the theme its evidence now lives in.
  if ('redirectTo' in page) redirect(`/themes/${page.redirectTo}`);
  const { theme, evidence, recurringWith } = page;
  const [t, tKind, tVisibility, format] = await Promise.all([getTranslations('synthesis.theme'), getTranslations('enums.themeKind'), getTranslations('enums.visibility'), getFormatter()]);
  const isNetworkPrinciple = theme.kind === 'network_principle';
  const canManage = theme.abilities.manage;
  const mergeTargets = canManage
    ? listThemesForEvent(viewer, isNetworkPrinciple ? null : (theme.event?.id ?? null), locale)
        .groups.flatMap((group) => group.themes)
        .filter((other) => other.id !== theme.id)
    : [];
  const recurrenceChoices = canManage ? recurrenceCandidates(viewer, theme.id, locale) : [];
  const { counts } = evidence;
  const hasEvidence = evidence.groups.length > 0;

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          {isNetworkPrinciple ? (
            <Link href="/themes">{t('networkPrinciples')}</Link>
          ) : theme.event ? (
            <Link href={`/events/${theme.event.slug}/synthesis`}>{t('synthesisOf', { event: theme.event.title })}</Link>
          ) : null}
        </p>
        <p>
          <span className="tag bg-violet-100 text-violet-900">{tKind(theme.kind)}</span>
        </p>
        <h1>{theme.title}</h1>
        {theme.otherLanguage.title && theme.otherLanguage.title !== theme.title ? (
          <p className="text-stone-700">
            {t(`inLanguage.${theme.otherLanguage.locale}`)} <span lang={theme.otherLanguage.locale}>{theme.otherLanguage.title}</span>
          </p>
        ) : null}
        {canManage ? <p className="muted">{t('whoCanRead', { audience: tVisibility(theme.visibility) })}</p> : null}
        {canManage ? (
          <nav className="no-print flex flex-wrap gap-3 text-sm">
            <Link href={`/themes/${theme.id}/edit`} className="button-secondary hover:no-underline">
              {t('edit')}
            </Link>
          </nav>
        ) : null}
      </header>

      <section aria-labelledby="description-heading" className="space-y-2">
        <h2 id="description-heading" className="sr-only">
          {t('description')}
        </h2>
        {theme.descriptionHtml ? (
          <>
            {theme.descriptionLocale && theme.descriptionLocale !== locale ? <p className="muted">{t(`onlyIn.${theme.descriptionLocale}`)}</p> : null}
            <div className="rich-text" lang={theme.descriptionLocale ?? undefined} dangerouslySetInnerHTML={{ __html: theme.descriptionHtml }} />
          </>
        ) : (
          <p className="muted">{t('noDescription')}</p>
        )}
      </section>

      <section aria-labelledby="counts-heading" className="card space-y-2">
        <h2 id="counts-heading">{t('atAGlance')}</h2>
        <p>{t('counts', { caseStudies: counts.caseStudies, threads: counts.threads, posts: counts.posts })}</p>
        <CountList title={t('byCountry')} entries={counts.byCountry} />
        <CountList title={t('byPopulation')} entries={counts.byPopulation} />
      </section>

      <section aria-labelledby="evidence-heading" className="space-y-4">
        <h2 id="evidence-heading">{t('evidence')}</h2>
        {hasEvidence ? null : <p className="muted">{t('noEvidence')}</p>}
        {evidence.groups.map((group) => (
          <section key={group.event?.id ?? 'other'} aria-label={group.event?.title ?? t('otherEvidence')} className="space-y-3">
            <h3 className="text-base font-semibold">{group.event ? <Link href={`/events/${group.event.slug}`}>{group.event.title}</Link> : t('otherEvidence')}</h3>
            {group.countries.map((country) => (
              <div key={country.countryCodes.join(',') || 'none'} className="space-y-2">
                <h4 className="text-sm font-semibold text-stone-700">{country.label || t('discussions')}</h4>
                <ul className="space-y-2">
                  {country.items.map((item) => (
                    <EvidenceEntry key={item.evidenceId} item={item} canUntag={canManage} locale={locale} taggedOn={format.dateTime(item.taggedAt, { day: 'numeric', month: 'long', year: 'numeric' })} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </section>

      <AppliedSection viewer={viewer} locale={locale} target={{ themeId: theme.id }} />

      {recurringWith.length || recurrenceChoices.length ? (
        <section aria-labelledby="recurring-heading" className="space-y-2">
          <h2 id="recurring-heading">{t('recurring')}</h2>
          {recurringWith.length ? (
            <ul className="space-y-1">
              {recurringWith.map((other) => (
                <li key={other.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/themes/${other.id}`}>{other.title}</Link>
                  <span className="muted">· {other.event ? other.event.title : tKind(other.kind)}</span>
                  {canManage ? (
                    <ActionButton action={unmarkRecurringAction} fields={{ themeId: theme.id, otherThemeId: other.id }} className="link-button text-sm">
                      {t('unmarkRecurring')}
                      <span className="sr-only"> {other.title}</span>
                    </ActionButton>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('noRecurring')}</p>
          )}
          {recurrenceChoices.length ? (
            <details className="no-print max-w-md">
              <summary className="link-button inline text-sm">{t('markRecurring')}</summary>
              <div className="mt-2">
                <ActionForm action={markRecurringAction} submitLabel={t('markRecurringSubmit')} submitClassName="button-secondary" className="space-y-2">
                  <Hidden name="themeId" value={theme.id} />
                  <SelectField
                    name="otherThemeId"
                    label={t('recurringWith')}
                    required
                    defaultValue=""
                    options={[
                      { value: '', label: t('chooseTheme') },
                      ...recurrenceChoices.flatMap((group) => group.themes.map((other) => ({ value: other.id, label: `${other.title} (${group.event?.title ?? t('networkPrinciples')})` }))),
                    ]}
                  />
                </ActionForm>
              </div>
            </details>
          ) : null}
        </section>
      ) : null}

      {canManage && mergeTargets.length ? (
        <section aria-labelledby="merge-heading" className="no-print space-y-2">
          <h2 id="merge-heading">{t('merge')}</h2>
          <details className="max-w-md">
            <summary className="link-button inline text-sm">{t('mergeOpen')}</summary>
            <div className="mt-2 space-y-2 rounded border border-amber-200 bg-amber-50 p-3">
              <p className="text-sm">{t('mergeHint')}</p>
              <ActionForm action={mergeThemesAction} submitLabel={t('mergeSubmit')} submitClassName="button-danger" className="space-y-2">
                <Hidden name="sourceId" value={theme.id} />
                <SelectField name="targetId" label={t('mergeInto')} required defaultValue="" options={[{ value: '', label: t('chooseTheme') }, ...mergeTargets.map((other) => ({ value: other.id, label: other.title }))]} />
              </ActionForm>
            </div>
          </details>
        </section>
      ) : null}

      {theme.abilities.download ? (
        <section aria-labelledby="download-heading" className="no-print space-y-2">
          <h2 id="download-heading">{t('download')}</h2>
          <DeckDownloadForm action={`/api/themes/${theme.id}/deck`} locale={locale} submitLabel={t('downloadSubmit')} />
        </section>
      ) : null}
    </article>
  );
}

/** One breakdown of the evidence counts (by country, by key population); nothing when empty. */
function CountList({ title, entries }: { title: string; entries: { key: string; label: string; count: number }[] }) {
  if (!entries.length) return null;
  return (
    <div className="text-sm">
      <h3 className="font-medium">{title}</h3>
      <ul className="flex flex-wrap gap-2">
        {entries.map((entry) => (
          <li key={entry.key} className="tag">
            {entry.label} <span className="font-semibold">{entry.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
