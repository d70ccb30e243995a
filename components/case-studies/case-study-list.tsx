import type { CaseStudyCard } from '@/lib/case-studies/queries';
import { CaseStudyCardItem } from './case-study-card';

/** A list of case-study cards, or a line saying there are none. */
export function CaseStudyList({ items, countryLabel, emptyText, showStatus = false }: { items: CaseStudyCard[]; countryLabel: (code: string) => string; emptyText: string; showStatus?: boolean }) {
  if (!items.length) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="space-y-2">
      {items.map((caseStudy) => (
        <CaseStudyCardItem key={caseStudy.id} caseStudy={caseStudy} countryLabel={countryLabel} showStatus={showStatus} />
      ))}
    </ul>
  );
}
