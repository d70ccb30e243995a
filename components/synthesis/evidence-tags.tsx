import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { getViewer } from '@/lib/auth/viewer';
import { formatDay } from '@/lib/format';
import { getAppLocale } from '@/lib/pages';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { untagEvidenceAction } from '@/lib/synthesis/actions';
import { canTagEvidence, evidenceTagsFor, taggingOptions } from '@/lib/synthesis/queries';
import { TaggerDisclosure, TaggingProvider, type TagTarget } from './quick-tagger';

export type EvidenceTag = ReturnType<typeof evidenceTagsFor>[number];

/**
 * Wraps a page (a case study, a thread) whose parts can be tagged. For the viewers the synthesis policy
 * lets tag (some event's synthesis group), it provides the themes and sessions to every tagger inside,
 * once; for everyone else it renders the children alone, and no tagger inside shows anything.
 */
export async function TaggingScope({ viewer, locale, contextEventId, children }: { viewer: MaybeViewer; locale: Locale; contextEventId: string | null; children: ReactNode }) {
  const options = taggingOptions(viewer, locale, contextEventId);
  if (!options) return children;
  const t = await getTranslations('synthesis.tagger');
  const events = options.map((event) => ({
    eventId: event.eventId,
    title: event.eventId === null ? t('networkPrinciples') : event.title,
    themes: event.themes.map((theme) => ({ id: theme.id, title: theme.title })),
    sessions: event.sessions.map((session) => ({
      id: session.id,
      label: [formatDay(session.day, locale, { weekday: 'short', day: 'numeric', month: 'short' }), session.startsAt, '·', session.title].filter(Boolean).join(' '),
    })),
    defaultSessionId: event.defaultSessionId,
  }));
  const labels = {
    search: t('search'),
    searchHint: t('searchHint'),
    resultsOne: t('resultsOne'),
    resultsOther: t.raw('resultsOther') as string,
    noMatch: t('noMatch'),
    theme: t('theme'),
    chooseTheme: t('chooseTheme'),
    chosen: t('chosen'),
    change: t('change'),
    note: t('note'),
    session: t('session'),
    noSession: t('noSession'),
    submit: t('submit'),
    pending: t('pending'),
  };
  return (
    <TaggingProvider events={events} labels={labels}>
      {children}
    </TaggingProvider>
  );
}

/**
 * The themes a case study, one of its sections, a thread or a post is tagged with, as chips linking to each
 * theme (only themes the viewer may read are in `tags`), with "remove" for the theme's synthesis group; then,
 * for the viewers who may tag, the quick tagger behind a disclosure (inside a TaggingScope, which provides
 * its options).
 */
export async function EvidenceTags({ tags, target, contextEventId = null, tagLabel }: { tags: EvidenceTag[]; target: TagTarget; contextEventId?: string | null; tagLabel: string }) {
  // The tagger's code reaches only the synthesis groups: readers' pages stay light.
  const canTag = canTagEvidence(await getViewer());
  if (!tags.length && !canTag) return null;
  const t = await getTranslations('synthesis.tagger');
  // One structure whether or not anything is tagged yet, so the tagger keeps its state (open, "Tagged.")
  // when the first chip appears.
  return (
    <div className="space-y-2">
      {tags.length ? (
        <ul aria-label={t('themes')} className="flex flex-wrap items-center gap-2 text-sm">
          {tags.map((tag) => (
            <li key={tag.evidenceId} className="inline-flex items-center gap-1 rounded-full border border-violet-200 bg-violet-50 px-2 py-0.5">
              <Link href={`/themes/${tag.themeId}`} className="text-violet-900" title={tag.note || undefined}>
                {tag.title}
              </Link>
              {tag.canUntag ? (
                <ActionButton action={untagEvidenceAction} fields={{ evidenceId: tag.evidenceId }} className="rounded-full px-1 text-violet-900 hover:bg-violet-100">
                  <span aria-hidden="true">×</span>
                  <span className="sr-only">{t('untag', { theme: tag.title })}</span>
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canTag ? <TaggerDisclosure label={tagLabel} target={target} contextEventId={contextEventId} /> : null}
    </div>
  );
}

/** A post's themes, for the thread page: chips for readers, the quick tagger for the synthesis group. */
export async function PostThemeTags({ postId }: { postId: string }) {
  const [viewer, locale, t] = await Promise.all([getViewer(), getAppLocale(), getTranslations('synthesis.tagger')]);
  const tags = evidenceTagsFor(viewer, { type: 'post', id: postId }, locale);
  return <EvidenceTags tags={tags} target={{ type: 'post', id: postId }} tagLabel={t('tagPost')} />;
}
