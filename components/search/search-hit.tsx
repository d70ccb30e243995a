import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Fragment } from 'react';
import { TagList } from '@/components/ui/tag-list';
import { formatDay } from '@/lib/format';
import type { Locale } from '@/lib/policy/types';
import type { DocumentType } from '@/lib/search/documents';
import type { MarkedText, SearchHit } from '@/lib/search/query';
import { getTaxonomy } from '@/lib/taxonomy/queries';

/** Text with the matched words in <mark>. Every part is a React text node, so it is escaped. */
export function Marked({ parts }: { parts: MarkedText }) {
  return parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>));
}

const badgeTone: Partial<Record<DocumentType, string>> = {
  case_study: 'bg-teal-100 text-teal-900',
  theme: 'bg-violet-100 text-violet-900',
  lesson: 'bg-amber-100 text-amber-900',
  organisation: 'bg-sky-100 text-sky-900',
};

/**
 * One result. A case study's organisation name is empty when the viewer may not read the organisation
 * (search leaves it out, as case-study cards do): it then reads "a member organisation".
 */
export async function SearchHitItem({ hit, locale }: { hit: SearchHit; locale: Locale }) {
  const [t, tMeta, tSections, tRead] = await Promise.all([getTranslations('search'), getTranslations('caseStudies.meta'), getTranslations('caseStudies.sections'), getTranslations('caseStudies.read')]);
  const taxonomy = getTaxonomy(locale);
  const isCaseStudy = hit.type === 'case_study' || hit.type === 'lesson';
  const day = formatDay(new Date(hit.date).toISOString().slice(0, 10), locale);
  const labels = [...hit.countries.map(taxonomy.countryLabel), ...hit.populations.map(taxonomy.populationLabel)];
  // Where a case study's excerpt comes from, by the names its reading page gives its parts.
  const from = hit.excerptFrom;
  const excerptFrom = !from || hit.type === 'organisation' ? null : from === 'summary' ? tRead('summary') : tSections.has(from) ? tSections(from) : t.has(`excerptFrom.${from}`) ? t(`excerptFrom.${from}`) : null;
  // Titles and excerpts are members' own words and keep their language (a French page can list an English
  // case study). Where none is recorded (an organisation's description, a discussion), lang="" says
  // "unknown" rather than letting the text pass for the page's language.
  const contentLanguage = hit.language ?? '';
  return (
    <li className="card space-y-2">
      <div className="flex flex-wrap items-baseline gap-2">
        <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${badgeTone[hit.type] ?? 'bg-stone-200 text-stone-800'}`}>{t(`badge.${hit.type}`)}</span>{' '}
        <Link href={hit.path} className="font-semibold" lang={contentLanguage}>
          <Marked parts={hit.title} />
        </Link>
      </div>
      <p className="muted">
        {isCaseStudy ? <>{hit.organisationName || tMeta('memberOrganisation')} · </> : null}
        {isCaseStudy ? tMeta('published', { date: day }) : hit.type === 'organisation' ? t('joined', { date: day }) : t('lastActivity', { date: day })}
        {hit.language ? <> · {t('writtenIn', { language: hit.language })}</> : null}
      </p>
      {labels.length ? <TagList labels={labels} /> : null}
      {hit.excerpt.length ? (
        <div className="space-y-0.5 text-sm">
          {excerptFrom ? <p className="text-xs font-medium text-stone-600">{excerptFrom}</p> : null}
          <p lang={contentLanguage}>
            <Marked parts={hit.excerpt} />
          </p>
        </div>
      ) : null}
    </li>
  );
}
