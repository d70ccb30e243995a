import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { formatDay } from '@/lib/format';
import { untagEvidenceAction } from '@/lib/synthesis/actions';
import type { EvidenceItem } from '@/lib/synthesis/queries';

/**
 * One piece of evidence on a theme page: what it is (a case study's section, the whole case study, a
 * discussion, a post), its excerpt, the session it surfaced in, the note, who tagged it and when. Members'
 * own words keep their language: a case study's its own, a discussion's unknown (lang="").
 */
export async function EvidenceEntry({ item, canUntag, locale, taggedOn }: { item: EvidenceItem; canUntag: boolean; locale: string; taggedOn: string }) {
  const [t, tSections] = await Promise.all([getTranslations('synthesis.evidence'), getTranslations('caseStudies.sections')]);
  const language = item.type === 'case_study' ? item.language : '';
  const kind =
    item.type === 'case_study'
      ? item.sectionKey
        ? t('section', { section: tSections(item.sectionKey) })
        : t('wholeCaseStudy')
      : item.type === 'thread'
        ? t('discussion')
        : t('post', { name: item.authorName ?? t('formerMember') });
  return (
    <li className="card space-y-1">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <Link href={item.href} className="font-medium" lang={language}>
          {item.type === 'post' ? item.threadTitle : item.title}
        </Link>
        <span className="muted">{kind}</span>
      </p>
      {item.type === 'case_study' ? <p className="muted">{item.organisation?.name ?? t('memberOrganisation')}</p> : null}
      {item.excerpt ? (
        <blockquote className="border-l-4 border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-800" lang={language}>
          {item.excerpt}
        </blockquote>
      ) : null}
      {item.session ? <p className="text-sm">{t('session', { session: item.session.title, day: formatDay(item.session.day, locale) })}</p> : null}
      {item.note ? (
        <p className="text-sm whitespace-pre-line">
          {t('note')} <span lang="">{item.note}</span>
        </p>
      ) : null}
      <p className="muted">{t('taggedBy', { name: item.taggedBy ?? t('formerMember'), date: taggedOn })}</p>
      {canUntag ? (
        <div className="no-print">
          <ActionButton action={untagEvidenceAction} fields={{ evidenceId: item.evidenceId }} className="link-button text-sm">
            {t('untag')}
            <span className="sr-only"> {item.type === 'post' ? item.threadTitle : item.title}</span>
          </ActionButton>
        </div>
      ) : null}
    </li>
  );
}
