import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CaseStudyCard } from '@/lib/case-studies/queries';
import { StatusBadge } from './status-badge';

/** One case study in a list: title, organisation, event, countries, summary. */
export async function CaseStudyCardItem({ caseStudy, countryLabel, showStatus = false }: { caseStudy: CaseStudyCard; countryLabel: (code: string) => string; showStatus?: boolean }) {
  const t = await getTranslations('caseStudies.meta');
  return (
    <li className="card space-y-1">
      <div className="flex flex-wrap items-baseline gap-2">
        <Link href={`/case-studies/${caseStudy.id}`} className="font-semibold" lang={caseStudy.language}>
          {caseStudy.title}
        </Link>
        {showStatus ? <StatusBadge status={caseStudy.status} /> : null}
      </div>
      <p className="muted">
        {caseStudy.organisation?.name ?? t('memberOrganisation')}
        {caseStudy.countries.length ? ` · ${caseStudy.countries.map(countryLabel).join(', ')}` : ''}
        {caseStudy.event ? ` · ${caseStudy.event.title}` : ''}
      </p>
      <p className="line-clamp-3 text-sm" lang={caseStudy.language}>
        {caseStudy.summary}
      </p>
    </li>
  );
}
