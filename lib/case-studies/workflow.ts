// No runtime import from db/: the section editors use this module in the browser.
import type { CaseStudyStatus } from '@/db/schema/case-studies';
import { AppError } from '@/lib/errors';
import { countWords } from '@/lib/rich-text/plain-text';
import { sectionKeys, type SectionKey } from './sections';

/**
 * The case-study lifecycle. Roles are checked by lib/policy; this module says which moves exist from
 * which state. draft → submitted → (changes requested → submitted)* → accepted → published → archived;
 * outside a call a finished draft is published directly; a submission can be withdrawn and reopened.
 */
export const transitions = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', needsCall: true },
  requestChanges: { from: ['submitted'], to: 'changes_requested', needsCall: true },
  accept: { from: ['submitted'], to: 'accepted', needsCall: true },
  publish: { from: ['accepted', 'draft'], to: 'published', needsCall: false },
  unpublish: { from: ['published'], to: null, needsCall: false },
  archive: { from: ['published'], to: 'archived', needsCall: false },
  restore: { from: ['archived'], to: 'published', needsCall: false },
  withdraw: { from: ['draft', 'submitted', 'changes_requested', 'accepted'], to: 'withdrawn', needsCall: false },
  reopen: { from: ['withdrawn'], to: 'draft', needsCall: false },
} as const satisfies Record<string, { from: readonly CaseStudyStatus[]; to: CaseStudyStatus | null; needsCall: boolean }>;

export type Transition = keyof typeof transitions;

/** The state a transition leads to, or `conflict` when it does not apply to the current state. */
export function nextStatus(transition: Transition, current: { status: CaseStudyStatus; callId: string | null }): CaseStudyStatus {
  const rule = transitions[transition];
  if (!(rule.from as readonly CaseStudyStatus[]).includes(current.status)) throw new AppError('conflict', 'errors.transition_not_allowed');
  if (rule.needsCall && !current.callId) throw new AppError('conflict', 'errors.transition_not_allowed');
  // A draft written for a call goes through review before it can be published.
  if (transition === 'publish' && current.status === 'draft' && current.callId) throw new AppError('conflict', 'errors.transition_not_allowed');
  if (transition === 'unpublish') return current.callId ? 'accepted' : 'draft';
  return rule.to!;
}

export function availableTransitions(current: { status: CaseStudyStatus; callId: string | null }): Transition[] {
  return (Object.keys(transitions) as Transition[]).filter((transition) => {
    try {
      nextStatus(transition, current);
      return true;
    } catch {
      return false;
    }
  });
}

/** Content can change while it is being written, after changes were requested, and (for corrections) once published. */
export function isEditableStatus(status: CaseStudyStatus): boolean {
  return status === 'draft' || status === 'changes_requested' || status === 'published';
}

/**
 * The permission an edit needs in a given state. Published text changes go live at once, past the safety
 * checklist, so only those who may publish (the organisation's editors) may change it; co-authors edit
 * drafts and revisions.
 */
export function editPermissionFor(status: CaseStudyStatus): 'caseStudy.edit' | 'caseStudy.publish' {
  return status === 'published' ? 'caseStudy.publish' : 'caseStudy.edit';
}

export const publishedStatuses: readonly CaseStudyStatus[] = ['published', 'archived'];
export const submittedStatuses: readonly CaseStudyStatus[] = ['submitted', 'changes_requested', 'accepted', 'published', 'archived'];

// A section under this many words is "thin": present, but probably not yet telling the story.
export const thinSectionWords = 60;

export type SectionCompleteness = 'missing' | 'thin' | 'complete';

export function sectionCompleteness(plainText: string): SectionCompleteness {
  const words = countWords(plainText);
  if (words === 0) return 'missing';
  return words < thinSectionWords ? 'thin' : 'complete';
}

export function completeness(sections: Partial<Record<SectionKey, string>>) {
  const bySection = Object.fromEntries(sectionKeys.map((key) => [key, sectionCompleteness(sections[key] ?? '')])) as Record<SectionKey, SectionCompleteness>;
  return { bySection, isComplete: sectionKeys.every((key) => bySection[key] !== 'missing') };
}
