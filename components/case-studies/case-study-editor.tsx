'use client';

import { useCallback, useState, type ReactNode } from 'react';
import type { SectionKey } from '@/lib/case-studies/sections';
import { sectionCompleteness } from '@/lib/case-studies/workflow';
import { plainTextOf, type RichTextJson } from '@/lib/rich-text/plain-text';
import { SectionEditor, type SectionEditorLabels } from './section-editor';

export type EditableSection = {
  key: SectionKey;
  heading: string;
  guidance: string;
  content: RichTextJson | null;
  version: number;
  comments?: ReactNode;
};

export type CaseStudyEditorLabels = {
  section: SectionEditorLabels;
  summaryTitle: string;
  /** "{complete} of 5 sections complete" */
  summaryCount: string;
  allWritten: string;
  /** "Sections still empty: {count} of 5. …" */
  someMissing: string;
  /** "A section with fewer than {words} words is marked thin." (already filled in) */
  thinHint: string;
};

const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));

/** The five section editors and a completeness summary that follows them as the member writes. */
export function CaseStudyEditor({ caseStudyId, sections, locale, labels }: { caseStudyId: string; sections: EditableSection[]; locale: string; labels: CaseStudyEditorLabels }) {
  const [texts, setTexts] = useState(() => Object.fromEntries(sections.map((section) => [section.key, plainTextOf(section.content)])) as Record<SectionKey, string>);
  // Stable, so a keystroke in one section does not re-render the other four.
  const onTextChange = useCallback((key: SectionKey, plainText: string) => setTexts((previous) => (previous[key] === plainText ? previous : { ...previous, [key]: plainText })), []);
  const states = sections.map((section) => ({ key: section.key, heading: section.heading, completeness: sectionCompleteness(texts[section.key] ?? '') }));
  const missing = states.filter((state) => state.completeness === 'missing').length;
  const complete = states.filter((state) => state.completeness === 'complete').length;
  const tone = { missing: 'bg-red-50 text-red-900', thin: 'bg-amber-100 text-amber-900', complete: 'bg-emerald-100 text-emerald-900' };
  return (
    <div className="space-y-6">
      <section aria-labelledby="completeness-heading" className="card space-y-2">
        <h2 id="completeness-heading">{labels.summaryTitle}</h2>
        <p className="text-sm font-medium">{fill(labels.summaryCount, { complete })}</p>
        <ul className="space-y-1 text-sm">
          {states.map((state) => (
            <li key={state.key} className="flex items-start gap-2">
              <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${tone[state.completeness]}`}>{labels.section.completeness[state.completeness]}</span>
              <a href={`#section-${state.key}`}>{state.heading}</a>
            </li>
          ))}
        </ul>
        <p className="muted">
          {missing ? fill(labels.someMissing, { count: missing }) : labels.allWritten} {labels.thinHint}
        </p>
      </section>
      {sections.map((section) => (
        <SectionEditor
          key={section.key}
          caseStudyId={caseStudyId}
          sectionKey={section.key}
          heading={section.heading}
          guidance={section.guidance}
          initialContent={section.content}
          initialVersion={section.version}
          comments={section.comments}
          locale={locale}
          labels={labels.section}
          onTextChange={onTextChange}
        />
      ))}
    </div>
  );
}
