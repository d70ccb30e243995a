import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { getRevisionDiff, type DiffPart } from '@/lib/case-studies/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata() {
  return { robots: { index: false } };
}

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="whitespace-pre-line leading-relaxed">
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} className="bg-emerald-100 text-emerald-900 underline decoration-emerald-600">
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} className="bg-red-100 text-red-900">
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** Section-by-section differences between two submitted versions. */
export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const [{ id }, { from, to }, viewer, locale] = await Promise.all([params, searchParams, getViewer(), getAppLocale()]);
  const fromNumber = Number.parseInt(from ?? '', 10);
  const toNumber = Number.parseInt(to ?? '', 10);
  if (!Number.isInteger(fromNumber) || !Number.isInteger(toNumber)) notFound();
  const diff = await loadOr404(() => getRevisionDiff(viewer, id, fromNumber, toNumber, locale));
  const [t, tHistory, tSections, tRead] = await Promise.all([getTranslations('caseStudies.diff'), getTranslations('caseStudies.history'), getTranslations('caseStudies.sections'), getTranslations('caseStudies.read')]);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <Link href={`/case-studies/${id}/history`} className="text-sm">
          ← {tHistory('title')}
        </Link>
        <h1>{t('title', { from: diff.from.number, to: diff.to.number })}</h1>
        <p className="muted">{t('legend')}</p>
      </div>
      <section className="space-y-2" lang={diff.caseStudy.language}>
        <h2>{tRead('summary')}</h2>
        <Diff parts={diff.title} />
        <Diff parts={diff.summary} />
      </section>
      {diff.sections.map((section) => (
        <section key={section.key} aria-labelledby={`diff-${section.key}`} className="space-y-2" lang={diff.caseStudy.language}>
          <h2 id={`diff-${section.key}`}>{tSections(section.key)}</h2>
          {section.isChanged ? <Diff parts={section.parts} /> : <p className="muted">{t('unchanged')}</p>}
        </section>
      ))}
    </div>
  );
}
