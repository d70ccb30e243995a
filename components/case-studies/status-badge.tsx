import { getTranslations } from 'next-intl/server';
import type { CaseStudyStatus } from '@/db/schema/case-studies';

const tone: Record<CaseStudyStatus, string> = {
  draft: 'bg-stone-200 text-stone-800',
  submitted: 'bg-sky-100 text-sky-900',
  changes_requested: 'bg-amber-100 text-amber-900',
  accepted: 'bg-emerald-100 text-emerald-900',
  published: 'bg-teal-100 text-teal-900',
  archived: 'bg-stone-200 text-stone-700',
  withdrawn: 'bg-stone-200 text-stone-700',
};

export async function StatusBadge({ status }: { status: CaseStudyStatus }) {
  const t = await getTranslations('caseStudies.status');
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tone[status]}`}>{t(status)}</span>;
}
